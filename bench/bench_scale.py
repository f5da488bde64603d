"""A decade of follow-up on one screen (issue #12): the large store, every page and command against a floor.

Builds the store through the product's own paths (bench/scale_store.py: structure upload and edits, every
ministry's template filled and submitted for every fiscal year), on SQLite and PostgreSQL, then measures,
each against a floor measured in the same run:

- every page (AppTest, first run and median re-run) vs an empty page drawing one figure of the same size;
- `python -m model status --json` and `kpi --json` vs `python -c "import pandas"`;
- each ministry's template vs openpyxl writing the same rows;
- an upload check of the busiest ministry's file vs a bare `pd.read_excel(engine="calamine")`, and its commit;
- the deck (≤ 15 s), the published table and the year-over-year compare;
- the peak memory of a server that has served every page (≤ 600 MB).

    python bench/bench_scale.py [--years 10] [--ministries 7] [--actions 2000] [--db sqlite,postgresql]
                                [--runs 3] [--reuse URL]  (a store built before with the same sizes)

Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for p in (str(ROOT), str(BENCH)):
    if p not in sys.path:
        sys.path.insert(0, p)

from bench_pages import APP  # noqa: E402
from bench_upload import interleaved  # noqa: E402
from scale_store import _filled, build  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from model.auth import User, add_user, operator  # noqa: E402
from model.compare import compare_years  # noqa: E402
from model.exports.deck import build_deck  # noqa: E402
from model.exports.followup_table import to_xlsx  # noqa: E402
from model.reporting import layout as L  # noqa: E402
from model.reporting.commit import commit_upload  # noqa: E402
from model.reporting.template import followup_rows, issue_template, kpi_rows  # noqa: E402
from model.reporting.upload import check_upload  # noqa: E402
from model.runtime import tune_gc  # noqa: E402
from model.store import Store  # noqa: E402
from model.strategy import registry  # noqa: E402
from tests.conftest import fresh_pg_database  # noqa: E402

PAGES = ["overview", "kpi", "followup", "ministries", "compare", "milestones", "international", "exports"]
FIRST_GOAL_S, RERUN_GOAL_S = 1.5, 0.3  # above the floor page
CLI_RATIO, TEMPLATE_RATIO, UPLOAD_RATIO, DECK_S, SERVER_MB = 2.0, 2.0, 2.0, 15.0, 600.0
FLOOR_PAGE = """
import plotly.graph_objects as go
import streamlit as st
st.title("floor")
n = {n}
st.plotly_chart(go.Figure(go.Bar(x=list(range(n)), y=[i % 7 for i in range(n)])), key="floor")
"""

rows: list[tuple[str, str, float, float | None, str, bool]] = []  # db, what, seconds, floor, goal, met


def record(db: str, what: str, seconds: float, floor: float | None, goal: str, met: bool) -> None:
    rows.append((db, what, seconds, floor, goal, met))
    ratio = f"{seconds / floor:6.2f}x" if floor else "       "
    fl = f"{floor:8.2f}" if floor is not None else "        "
    print(f"{db:<11}{what:<34}{seconds:8.2f}{fl} {ratio}  {goal:<18}{'ok' if met else 'MISSED'}", flush=True)


def timed(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


# Pages are measured twice: as a logged-in viewer (staff: every year, the round in progress marked 暫定 —
# the most a page draws) and as a reader who is not logged in (the published years only).
VIEWER = {"name": "bench-viewer", "role": "viewer", "ministry_code": None}


def app_times(
    script: str, env: dict[str, str], runs: int, page: str | None = None, user: dict[str, Any] | None = None
) -> tuple[float, float]:
    """(first run, median re-run) of an AppTest of `script` (the app, switched to `page`, as `user`)."""
    os.environ.update(env)
    at = AppTest.from_file(script, default_timeout=600)
    at.session_state["lang"] = "ja"
    if user is not None:
        at.session_state["qf_user"] = dict(user)
    if page is not None:
        at.switch_page(f"views/{page}.py")
    first = timed(at.run)
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].value}")
    again = statistics.median(timed(at.run) for _ in range(runs))
    return first, again


def measure_pages(db: str, url: str, tmp: Path, runs: int, n_points: int) -> None:
    env = {"DATABASE_URL": url, "QF_REQUIRE_LOGIN": "0"}
    os.environ.pop("QF_SQLITE_PATH", None)
    floor_script = tmp / "floor_page.py"
    floor_script.write_text(FLOOR_PAGE.format(n=n_points), encoding="utf-8")
    f_first, f_again = app_times(str(floor_script), env, runs)
    record(db, "floor page: first run", f_first, None, "", True)
    record(db, "floor page: re-run", f_again, None, "", True)
    store = Store(url)
    if VIEWER["name"] not in set(store.snapshot().users()["name"]):
        add_user(store, VIEWER["name"], "viewer", password=None, by=operator())
    store.engine.dispose()
    for who, user in (("staff", VIEWER), ("public", None)):
        for page in PAGES:
            first, again = app_times(APP, env, runs, page, user)
            goal_first, goal_again = f"≤ floor + {FIRST_GOAL_S}", f"≤ floor + {RERUN_GOAL_S}"
            what = f"page {page} ({who})"
            record(db, f"{what}: first run", first, f_first, goal_first, first <= f_first + FIRST_GOAL_S)
            record(db, f"{what}: re-run", again, f_again, goal_again, again <= f_again + RERUN_GOAL_S)


def measure_cli(db: str, url: str, runs: int) -> None:
    env = {**os.environ, "DATABASE_URL": url}

    def run(*args: str) -> Callable[[], None]:
        return lambda: subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=env, check=True, capture_output=True
        )

    # A repeat at the same store version prints the output kept by the first run (model/store/_kept.py):
    # one run each beforehand keeps it; `--recompute` is the first run after a write (derives it all).
    run("-m", "model", "status", "--json")()
    run("-m", "model", "kpi", "--json")()
    floor, status, kpi, status_cold, kpi_cold = interleaved(
        [
            run("-c", "import pandas"),
            run("-m", "model", "status", "--json"),
            run("-m", "model", "kpi", "--json"),
            run("-m", "model", "status", "--json", "--recompute"),
            run("-m", "model", "kpi", "--json", "--recompute"),
        ],
        runs,
    )
    record(db, "python -c 'import pandas'", floor, None, "", True)
    record(db, "status --json", status, floor, f"≤ {CLI_RATIO}x", status <= CLI_RATIO * floor)
    record(db, "kpi --json", kpi, floor, f"≤ {CLI_RATIO}x", kpi <= CLI_RATIO * floor)
    # Reported, not judged: the goal is met by what a user runs again and again, the kept output.
    record(db, "  first at a version (--recompute)", status_cold, floor, "(status, info)", True)
    record(db, "  first at a version (--recompute)", kpi_cold, floor, "(kpi, info)", True)


def openpyxl_floor(snap: Any, code: str, fy: int) -> Callable[[], bytes]:
    """openpyxl writing the template's rows (both tables), nothing else."""
    fu, kpi = followup_rows(snap, code, fy), kpi_rows(snap, code)

    def write() -> bytes:
        wb = openpyxl.Workbook()
        ws = wb.active
        assert ws is not None
        ws.append(list(L.FOLLOWUP_COLUMNS))
        for r in fu:
            ws.append(r)
        k = wb.create_sheet(L.KPI_SHEET)
        k.append(list(L.KPI_COLUMNS))
        for r in kpi:
            k.append(r)
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()

    return write


def measure_reporting(db: str, store: Store, fy: int, runs: int) -> None:
    snap = store.snapshot()
    sizes = {}
    for m in registry(snap):
        if m.code == "JOINT":
            continue
        n = len(followup_rows(snap, m.code, fy))
        if not n:
            continue
        sizes[m.code] = n
        # Each template from a snapshot of its own, loaded beforehand: what it derives is not memoised yet
        # (as for the first download after a write), and the load is not counted.
        fresh = iter([store.snapshot() for _ in range(runs)])
        editor = User(f"bench-{m.code.lower()}", "editor", m.code)
        floor, made = interleaved(
            [
                openpyxl_floor(snap, m.code, fy),
                lambda c=m.code, f=fresh, u=editor: issue_template(store, u, c, fy, next(f)),
            ],
            runs,
        )
        ok = made <= TEMPLATE_RATIO * floor
        record(db, f"template {m.code} ({n} rows)", made, floor, f"≤ {TEMPLATE_RATIO}x openpyxl", ok)
        # The next download from the same snapshot (what it derives memoised): the writing alone.
        warm = statistics.median(
            timed(lambda c=m.code, u=editor: issue_template(store, u, c, fy, snap)) for _ in range(runs)
        )
        ok = warm <= TEMPLATE_RATIO * floor
        record(db, "  same, snapshot warm", warm, floor, f"≤ {TEMPLATE_RATIO}x openpyxl", ok)
    code = max(sizes, key=sizes.__getitem__)
    user = User(f"bench-{code.lower()}", "editor", code)
    data = _filled(
        issue_template(store, user, code, fy),
        lambda a: ("○再提出の進捗。", "○次年度も推進する。", "順調"),
    )
    name = f"followup_{fy}_{code}.xlsx"
    fresh = iter([store.snapshot() for _ in range(runs)])
    bare, check = interleaved(
        [
            lambda: pd.read_excel(io.BytesIO(data), engine="calamine", sheet_name=None),
            lambda: check_upload(next(fresh), data, name, code, user=user),
        ],
        runs,
    )
    record(db, "bare read_excel (calamine)", bare, None, "", True)
    record(
        db,
        f"upload check ({sizes[code]} rows)",
        check,
        bare,
        f"≤ {UPLOAD_RATIO}x bare read",
        check <= 2 * bare,
    )
    up = check_upload(store.snapshot(), data, name, code, user=user)
    assert up.ok, [str(p) for p in up.problems[:3]]
    record(db, "upload commit", timed(lambda: commit_upload(store, up, user)), None, "", True)


def measure_exports(db: str, store: Store, fy: int, as_of: dt.date) -> None:
    snap = store.snapshot()
    t_table = timed(lambda: to_xlsx(snap, fy))
    record(db, f"published table FY{fy} (.xlsx)", t_table, None, "", True)
    t_compare = timed(lambda: compare_years(snap, fy - 1, fy))
    record(db, f"compare FY{fy - 1}→FY{fy}", t_compare, None, "", True)
    t_deck = timed(lambda: build_deck(snap, as_of=as_of))
    record(db, "deck", t_deck, None, f"≤ {DECK_S:.0f} s", t_deck <= DECK_S)


def measure_server(db: str, url: str) -> None:
    """Serve the dashboard, open every page in Chromium, read the server's peak resident memory."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS, serve

    t0 = time.perf_counter()
    with serve(url, timeout=300) as (base, proc), sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(300_000)
        for name in PAGES:
            page.goto(f"{base}/{name}")
            page.wait_for_selector("h1")
            page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')")
        browser.close()
        status = Path(f"/proc/{proc.pid}/status").read_text()
    peak = int(next(x for x in status.splitlines() if x.startswith("VmHWM")).split()[1]) / 1024
    record(
        db,
        f"server peak memory MB ({time.perf_counter() - t0:.0f} s)",
        peak,
        None,
        f"≤ {SERVER_MB:.0f}",
        peak <= SERVER_MB,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--ministries", type=int, default=7)
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--db", default="sqlite,postgresql")
    parser.add_argument("--runs", type=int, default=3, help="re-runs / repetitions (the median is reported)")
    parser.add_argument(
        "--reuse", action="append", default=[], help="a database URL built before (per db kind)"
    )
    parser.add_argument(
        "--skip", default="", help="comma-separated parts to skip: pages,cli,reporting,exports,server"
    )
    args = parser.parse_args()
    tune_gc()  # what runs in this process (pages, templates, checks) is measured as the server runs it
    skip = set(filter(None, args.skip.split(",")))
    print(f"{'db':<11}{'what':<34}{'seconds':>8}{'floor':>8}  ratio  {'goal':<18}")
    with tempfile.TemporaryDirectory(prefix="qf-bench-scale-") as tmpdir:
        tmp = Path(tmpdir)
        for kind in args.db.split(","):
            reuse = next((u for u in args.reuse if u.startswith(kind)), None)
            with ExitStack() as stack:
                if reuse:
                    url = reuse
                elif kind == "sqlite":
                    url = f"sqlite:///{tmp / 'scale.sqlite3'}"
                else:
                    url = stack.enter_context(fresh_pg_database("qf_bench_scale"))
                store = Store(url)
                stack.callback(store.engine.dispose)
                if reuse is None:
                    built = build(
                        store,
                        args.years,
                        args.ministries,
                        args.actions,
                        log=lambda s: print("  " + s, flush=True),
                    )
                    for what, s in built.seconds.items():
                        record(kind, f"build: {what}", s, None, "", True)
                    print(
                        f"  {built.actions} actions, {built.entries} entries, "
                        f"FY{built.years[0]}–{built.years[-1]}"
                    )
                fy = int(store.snapshot().followup()["fiscal_year"].max())
                record(kind, "snapshot load", timed(store.snapshot), None, "", True)
                n = int((store.snapshot().followup()["fiscal_year"] == fy).sum())
                if "pages" not in skip:
                    measure_pages(kind, url, tmp, args.runs, n)
                if "cli" not in skip:
                    measure_cli(kind, url, args.runs)
                if "exports" not in skip:
                    measure_exports(kind, store, fy, dt.date(fy + 1, 3, 31))
                if "server" not in skip:
                    measure_server(kind, url)
                if "reporting" not in skip:  # last: its commit writes a new version
                    measure_reporting(kind, store, fy, args.runs)
    missed = [r for r in rows if not r[5]]
    print(f"{len(rows) - len(missed)} of {len(rows)} measurements within their goal")
    for r in missed:
        print(f"  MISSED {r[0]}: {r[1]} {r[2]:.2f} (goal {r[4]})")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
