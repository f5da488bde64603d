"""The template file written with XlsxWriter holds what the openpyxl writer wrote (commit a329a5b).

tests/fixtures/template/openpyxl_templates.json.gz is that writer's output on the seed store with the
scenario below (every ministry, a fixed template id), described by `describe`: every cell's value (as
openpyxl reads it, and as calamine reads it: decoded as Excel shows it), the styles that matter (locked,
fill, bold, wrap), row heights, column widths, panes, print setup, protection, the status dropdown, the
hidden _meta sheet, the active sheet. A deliberate change of the template is recorded by re-running
`python -m tests.model.reporting.test_template_file` and reviewing the fixture's diff.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path
from typing import Any

import openpyxl
import python_calamine as pc
from openpyxl.utils import get_column_letter

from model.auth import operator
from model.reporting.review import Decision, decide
from model.reporting.rounds import open_round
from model.reporting.template import _make
from model.store import ChangeSet, Store
from model.strategy import registry

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "template" / "openpyxl_templates.json.gz"
FY = 2021
TEMPLATE_ID = "0123456789abcdef01234567"
# What MEXT already submitted for the year (the template shows it in the columns to fill): text that
# looks like a formula, like an OOXML escape, with surrounding spaces and line breaks.
SENT = {
    "1-1-01": ("=SUM(A1) ではなく文章の進捗", "○記号_x001B_を含む。", "順調"),
    "1-1-03": ("  前後に空白  ", "一行目\n二行目", "一部遅延"),
    "2-1-01": ("○国際連携を進めた。", "○続ける。", "完了"),
}


PROTECTION = (
    "sheet", "objects", "scenarios", "formatCells", "formatColumns", "formatRows", "insertColumns",
    "insertRows", "insertHyperlinks", "deleteColumns", "deleteRows", "selectLockedCells",
    "selectUnlockedCells", "sort", "autoFilter", "pivotTables",
)  # fmt: skip


def scenario(store: Store) -> None:
    """The seed, MEXT's rows above submitted for FY2021, one of them returned with a comment."""
    open_round(store, FY, operator())
    rows = [
        {
            "action_id": a,
            "fiscal_year": FY,
            "ministry_code": "MEXT",
            "progress_ja": p,
            "next_ja": n,
            "status": s,
        }
        for a, (p, n, s) in SENT.items()
    ]
    store.submit(ChangeSet("upload", "mext", "MEXT", FY, followup=rows))
    decide(store, operator(), FY, "returned", [Decision("2-1-01", "MEXT", "件数を記載してください。")])


def templates(store: Store) -> dict[str, Any]:
    snap = store.snapshot()
    return {m.code: describe(_make(snap, m, FY, TEMPLATE_ID)) for m in registry(snap) if m.code != "JOINT"}


def describe(data: bytes) -> dict[str, Any]:
    """What a ministry sees and can do in the file, independent of how the XML spells it."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    decoded = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    out: dict[str, Any] = {"sheets": wb.sheetnames, "active": wb.worksheets.index(wb.active)}  # type: ignore[arg-type]
    for ws in wb.worksheets:
        shown = decoded.get_sheet_by_name(ws.title).to_python(skip_empty_area=False)
        p, s, m = ws.protection, ws.page_setup, ws.page_margins
        fit = ws.sheet_properties.pageSetUpPr
        out[ws.title] = {
            "state": ws.sheet_state,
            "cells": [
                [_cell(c, shown[r][i]) for i, c in enumerate(row)] for r, row in enumerate(ws.iter_rows())
            ],
            "heights": {str(r): d.height for r, d in ws.row_dimensions.items() if d.height is not None},
            "widths": {  # a column each (a file may give adjacent columns of one width together)
                get_column_letter(i): d.width
                for d in ws.column_dimensions.values()
                if d.customWidth
                for i in range(d.min or 0, (d.max or 0) + 1)
            },
            "freeze": ws.freeze_panes,
            "print_area": (ws.print_area or "").replace("'", ""),  # quoted or not
            "print_titles": ws.print_title_rows,
            "page": [s.orientation, s.paperSize, s.fitToWidth or 1, s.fitToHeight, fit and fit.fitToPage],
            "margins": [m.left, m.right, m.top, m.bottom, m.header, m.footer],
            "protection": {k: bool(getattr(p, k)) for k in PROTECTION},
            "validations": [
                [
                    str(v.sqref),
                    v.type,
                    v.formula1,
                    bool(v.allow_blank),
                    bool(v.showErrorMessage),
                    bool(v.showInputMessage),
                    bool(v.showDropDown),
                    v.errorTitle,
                    v.error,
                ]
                for v in ws.data_validations.dataValidation
            ],
        }
    return out


def _cell(c: Any, shown: Any) -> list[Any]:
    """Value (openpyxl's, the calamine's), type, locked, fill colour, bold, font size if not the default,
    wrapped, vertical alignment."""
    fill = c.fill.fgColor.rgb[-6:] if c.fill.fill_type == "solid" else None
    size = c.font.sz if c.font.sz not in (None, 11) else None
    value = None if c.value == "" else c.value  # an empty line of the help sheet: "" or no value
    if isinstance(value, str):  # as openpyxl reads a shared string (an inline one it reads raw)
        value = value.replace("x005F_", "")
    shown = None if shown == "" else shown
    kind = None if value is None else c.data_type
    return [value, shown, kind, c.protection.locked, fill, bool(c.font.b), size,
            bool(c.alignment.wrap_text), c.alignment.vertical]  # fmt: skip


def test_the_template_holds_what_the_openpyxl_writer_wrote(sqlite_store: Store) -> None:
    scenario(sqlite_store)
    expected = json.loads(gzip.decompress(FIXTURE.read_bytes()))
    # The one intended difference: openpyxl kept the help sheet's header row as print titles although
    # the writer cleared them (it ignores print_title_rows = None); the help sheet has none now.
    for sheets in expected.values():
        sheets["記入方法"]["print_titles"] = None
    assert json.loads(json.dumps(templates(sqlite_store))) == expected


if __name__ == "__main__":  # re-record the fixture from the current writer (review its diff)
    import tempfile

    from model.seed import load_seed

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/store.sqlite3")
        store.init(load_seed())
        scenario(store)
        FIXTURE.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(templates(store), ensure_ascii=False, indent=1, sort_keys=True)
        FIXTURE.write_bytes(gzip.compress(text.encode(), mtime=0))
        store.engine.dispose()
    sys.exit(0)
