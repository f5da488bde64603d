"""Script-run time of every review page at the seed size (goal: a cached re-run ≤ 1 s on 2 cores).

Each page runs headless (Streamlit's AppTest) on a freshly seeded SQLite store, in both languages:
the first run (cold caches for that page) and the median of re-runs (the bounded caches warm), and the
ratio between them — what the caches in dashboard/state.py buy.

    python bench/bench_pages.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.testing.v1 import AppTest

from model.store import Store

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
PAGES = ["overview", "kpi", "followup", "ministries", "compare", "milestones", "international"]
GOAL_S = 1.0
AS_OF = dt.date(2026, 3, 31)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="qf-bench-pages-"))
    path = tmp / "bench.sqlite3"
    Store(f"sqlite:///{path}").init()
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("QF_REQUIRE_LOGIN", None)
    os.environ["QF_SQLITE_PATH"] = str(path)
    worst = 0.0
    print(f"{'page':<14}{'lang':<6}{'first run s':>12}{'re-run s':>10}{'ratio':>8}")
    for lang in ("ja", "en"):
        for page in PAGES:
            at = AppTest.from_file(APP, default_timeout=300)
            at.session_state["lang"] = lang
            at.session_state["as_of"] = AS_OF
            at.switch_page(f"views/{page}.py")
            start = time.perf_counter()
            at.run()
            first = time.perf_counter() - start
            if at.exception:
                print(f"{page}: {at.exception[0].value}")
                return 1
            reruns = []
            for _ in range(args.runs):
                start = time.perf_counter()
                at.run()
                reruns.append(time.perf_counter() - start)
            again = statistics.median(reruns)
            worst = max(worst, again)
            print(f"{page:<14}{lang:<6}{first:>12.2f}{again:>10.2f}{first / again:>8.1f}")
    verdict = "met" if worst <= GOAL_S else "NOT met"
    print(f"slowest cached re-run: {worst:.2f} s (goal ≤ {GOAL_S:.1f} s): {verdict}")
    return 0 if worst <= GOAL_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
