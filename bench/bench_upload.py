"""Validate + preview of a 5,000-row upload vs a bare `pd.read_excel(..., engine="calamine")` of the file.

Goal: ratio ≤ 2. The store is the seed plus 5,000 synthetic reportable rows owned by 文部科学省 (made
here, in a temp SQLite file, never in data/). Prints the measured times and ratios; exits 1 above 2×.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from model.auth import User  # noqa: E402
from model.reporting.rounds import open_round  # noqa: E402
from model.reporting.template import issue_template  # noqa: E402
from model.reporting.upload import check_upload  # noqa: E402
from model.seed import SeedData, load_seed  # noqa: E402
from model.store import Store  # noqa: E402

N = 5_000
RUNS = 7
FY = 2021


def seed_with_rows(n: int) -> SeedData:
    seed = load_seed()
    actions = seed["actions"]
    extra = pd.DataFrame(
        {
            "action_id": [f"1-1-90-x{i:05d}" for i in range(n)],
            "area_id": "1-1",
            "parent_id": None,
            "sub_label": None,
            "title_ja": [f"ベンチマーク用の取組 {i}：量子技術の研究開発を推進する" for i in range(n)],
            "ministries_tag": "文",
            "reportable": True,
            "source": "bench (synthetic, temp store only)",
        }
    )
    tables = {**seed.tables, "actions": pd.concat([actions, extra], ignore_index=True)}
    return SeedData(tables, "bench-" + seed.sha256)


def filled_file(store: Store) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(issue_template(store, User("bench", "secretariat"), "文", FY)))
    ws = wb["報告"]
    text = "量子コンピュータの研究開発を推進し、" * 4
    col = {c.value: c.column for c in ws[1]}  # by header: the layout's order may change
    for r in range(2, ws.max_row + 1):
        ws.cell(r, col["進捗"]).value = f"{text}（{r}行目）"
        ws.cell(r, col["次年度以降の取組"]).value = "引き続き研究開発を推進する。"
        ws.cell(r, col["状況"]).value = "順調"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def interleaved(fns: list[object], runs: int = RUNS) -> list[float]:
    """Median time of each function, runs interleaved so that load from other processes hits all alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()  # type: ignore[operator]
            times[i].append(time.perf_counter() - t0)
    return [statistics.median(t) for t in times]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        store.init(seed_with_rows(N))
        open_round(store, FY, User("bench", "secretariat"))
        data = filled_file(store)
        up = check_upload(store.snapshot(), data, "bench.xlsx", "文")
        assert up.ok and up.preview is not None, [str(p) for p in up.problems[:5]]
        rows = len(up.followup)
        t_all, t_one, t_check = interleaved(
            [
                lambda: pd.read_excel(io.BytesIO(data), engine="calamine", sheet_name=None),
                lambda: pd.read_excel(io.BytesIO(data), engine="calamine", sheet_name="報告"),
                lambda: check_upload(store.snapshot(), data, "bench.xlsx", "文"),
            ]
        )
        store.engine.dispose()
    ratio_all, ratio_one = t_check / t_all, t_check / t_one
    print(f"rows validated and previewed: {rows} ({len(data) / 1024:.0f} kB .xlsx)")
    print(f"pd.read_excel(calamine, all sheets):   {t_all * 1000:7.1f} ms")
    print(f"pd.read_excel(calamine, sheet 報告):    {t_one * 1000:7.1f} ms")
    print(f"check_upload (validate + preview):     {t_check * 1000:7.1f} ms")
    print(f"ratio vs all sheets: {ratio_all:.2f}x   ratio vs the data sheet: {ratio_one:.2f}x   (goal ≤ 2x)")
    return 0 if ratio_all <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
