"""At the seed size, nothing slower than an earlier version (issue #12): the same measurements in two
checkouts, interleaved, each in fresh processes that import that checkout's code.

    python bench/bench_seed.py [--ref COMMIT] [--runs 5]    (default: the commit before HEAD)
    python bench/bench_seed.py --before PATH               (a checkout made beforehand)

`--ref` checks the commit out in a temporary git worktree, removed afterwards.

Measured on a freshly seeded SQLite store (one per checkout, the same data/): `python -m model status
--json` and `kpi --json` (whole processes; the first run at a store version and a repeat, which prints the
kept output where the checkout keeps one); every page's first run and median re-run (AppTest, as a
logged-in viewer); a ministry's template and the check of its filled file (in-process, median). Prints
seconds before and after and their ratio; exits 1 when a measurement is more than 20 % slower (the
machine's noise between interleaved runs is about 10 %).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["overview", "kpi", "followup", "ministries", "compare", "milestones", "international", "exports"]
SLOWER = 1.2

# Runs inside a checkout (cwd and sys.path[0]): prints {measurement: seconds} as JSON.
WORKER = r"""
import datetime as dt, io, json, os, statistics, sys, time
sys.path.insert(0, os.getcwd())
from model.auth import User, add_user, operator
from model.reporting import layout as L
from model.reporting.rounds import open_round
from model.reporting.template import issue_template
from model.reporting.upload import check_upload
from model.store import Store
import openpyxl

try:  # each version as its own server runs (model/runtime.py, where the version has it)
    from model.runtime import tune_gc
    tune_gc()
except ImportError:
    pass
runs = int(sys.argv[1])
url = os.environ["DATABASE_URL"]
store = Store(url)
out = {}

def median(fn):
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return statistics.median(times)

def main():
    if sys.argv[2] == "reporting":
        snap = store.snapshot()
        if snap.round_events().empty:
            open_round(store, 2021, operator(), dt.date(2026, 3, 31))
        editor = User("seed-bench-mext", "editor", "MEXT")
        blank = issue_template(store, editor, "MEXT", 2021)
        out["template MEXT"] = median(lambda: issue_template(store, editor, "MEXT", 2021, store.snapshot()))
        wb = openpyxl.load_workbook(io.BytesIO(blank))
        ws = wb[L.FOLLOWUP_SHEET]
        head = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2):
            row[head.index(L.COL_PROGRESS)].value = "○取組を進めた。"
            row[head.index(L.COL_NEXT)].value = "○引き続き推進する。"
            row[head.index(L.COL_STATUS)].value = "順調"
        buf = io.BytesIO(); wb.save(buf); data = buf.getvalue()
        up = check_upload(store.snapshot(), data, "followup_2021_MEXT.xlsx", "MEXT", user=editor)
        assert up.ok, [str(p) for p in up.problems[:3]]
        out["upload check MEXT"] = median(
            lambda: check_upload(store.snapshot(), data, "followup_2021_MEXT.xlsx", "MEXT", user=editor)
        )
    else:
        from streamlit.testing.v1 import AppTest
        page = sys.argv[2]
        at = AppTest.from_file(os.path.join(os.getcwd(), "dashboard", "app.py"), default_timeout=300)
        at.session_state["lang"] = "ja"
        at.session_state["qf_user"] = {"name": "seed-bench-viewer", "role": "viewer", "ministry_code": None}
        at.switch_page(f"views/{page}.py")
        t = time.perf_counter(); at.run(); out[f"page {page}: first run"] = time.perf_counter() - t
        assert not at.exception, at.exception[0].value
        times = []
        for _ in range(runs):
            t = time.perf_counter(); at.run(); times.append(time.perf_counter() - t)
        out[f"page {page}: re-run"] = statistics.median(times)
    print(json.dumps(out))

main()
"""


def prepare(checkout: Path, tmp: Path) -> dict[str, str]:
    """A seeded SQLite store of this checkout's own making, with a viewer account."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'seed.sqlite3'}", "QF_REQUIRE_LOGIN": "0"}
    env.pop("QF_SQLITE_PATH", None)
    subprocess.run(
        [sys.executable, "-m", "model", "init"], cwd=checkout, env=env, check=True, capture_output=True
    )
    add = (
        "import sys, os; sys.path.insert(0, os.getcwd())\n"
        "from model.auth import add_user, operator\nfrom model.store import Store\n"
        "store = Store(os.environ['DATABASE_URL'])\n"
        "add_user(store, 'seed-bench-viewer', 'viewer', password=None, by=operator())"
    )
    subprocess.run([sys.executable, "-c", add], cwd=checkout, env=env, check=True, capture_output=True)
    return env


def worker(checkout: Path, env: dict[str, str], runs: int, what: str) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", WORKER, str(runs), what], cwd=checkout, env=env, capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{checkout} {what}: {proc.stderr[-1500:]}")
    return {k: float(v) for k, v in json.loads(proc.stdout.strip().splitlines()[-1]).items()}


def cli(checkout: Path, env: dict[str, str], *args: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "model", *args], cwd=checkout, env=env, check=True, capture_output=True
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="a checkout of the earlier version")
    parser.add_argument("--ref", default="HEAD~1", help="else: this commit, checked out for the run")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="qf-bench-seed-") as tmpdir:
        before = args.before
        if before is None:
            before = Path(tmpdir) / "checkout"
            git = ["git", "-C", str(ROOT), "worktree"]
            subprocess.run([*git, "add", "--detach", str(before), args.ref], check=True, capture_output=True)
        try:
            return compare({"before": before.resolve(), "after": ROOT}, Path(tmpdir), args.runs)
        finally:
            if args.before is None:
                subprocess.run([*git, "remove", "--force", str(before)], check=False, capture_output=True)


def compare(checkouts: dict[str, Path], tmp: Path, runs: int) -> int:
    results: dict[str, dict[str, list[float]]] = {"before": {}, "after": {}}
    envs = {}
    for name, checkout in checkouts.items():
        (tmp / name).mkdir()
        envs[name] = prepare(checkout, tmp / name)
    for _ in range(runs):  # interleaved: before, after, before, after …
        for name, checkout in checkouts.items():
            # A checkout that keeps outputs per store version (model/store/_kept.py) prints a repeat from
            # the store: its first run at a version is `--recompute`; one without computes every time.
            keeps = (checkout / "model" / "store" / "_kept.py").exists()
            for cmd in (("status", "--json"), ("kpi", "--json")):
                cold = (*cmd, "--recompute") if keeps else cmd
                key = " ".join(cmd)
                results[name].setdefault(f"{key} (first at a version)", []).append(
                    cli(checkout, envs[name], *cold)
                )
                results[name].setdefault(f"{key} (repeat)", []).append(cli(checkout, envs[name], *cmd))
    for what in ["reporting", *PAGES]:
        for _ in range(runs):  # a process per run, interleaved: one slow moment does not decide
            for name, checkout in checkouts.items():
                for key, seconds in worker(checkout, envs[name], 3, what).items():
                    results[name].setdefault(key, []).append(seconds)
    print(f"{'what':<40}{'before':>8}{'after':>8}{'ratio':>8}")
    slower = []
    for key, before in results["before"].items():
        b, a = statistics.median(before), statistics.median(results["after"][key])
        ratio = a / b if b else 1.0
        flag = "" if ratio <= SLOWER else "  SLOWER"
        print(f"{key:<40}{b:8.3f}{a:8.3f}{ratio:7.2f}x{flag}")
        if ratio > SLOWER:
            slower.append(key)
    return 1 if slower else 0


if __name__ == "__main__":
    raise SystemExit(main())
