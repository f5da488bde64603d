"""Last year's text goes into the template as text, exactly, even when it looks like a formula."""

from __future__ import annotations

import io

import openpyxl
import python_calamine as pc

from model.auth import User
from model.reporting.rounds import open_round
from model.reporting.template import issue_template
from model.store import ChangeSet, Store
from tests.model.reporting.conftest import SECRETARIAT

LOOKS_LIKE_A_FORMULA = "=SUM(A1) ではなく、文章としての進捗"


def test_stored_text_starting_with_equals_stays_text(sqlite_store: Store) -> None:
    """openpyxl would write "=…" as a live formula; the template keeps it a string cell, unchanged."""
    entry = {
        "action_id": "1-1-01",
        "fiscal_year": 2020,
        "ministry_code": "MEXT",
        "progress_ja": LOOKS_LIKE_A_FORMULA,
        "next_ja": "○次",
        "status": "順調",
    }
    sqlite_store.submit(ChangeSet("upload", "mext", "MEXT", 2020, followup=[entry]))
    open_round(sqlite_store, 2021, User("secretariat", "secretariat"))
    ws = openpyxl.load_workbook(io.BytesIO(issue_template(sqlite_store, SECRETARIAT, "MEXT", 2021)))["報告"]
    cells = [c for row in ws.iter_rows() for c in row if c.value == LOOKS_LIKE_A_FORMULA]
    assert len(cells) == 1
    assert cells[0].data_type == "s"


MARKUP_AND_ESCAPES = {
    "1-1-01": ("<r>見出し</r>", "<r><t>x</t></r>", "順調"),  # what XlsxWriter takes for rich-string markup
    "1-1-03": ("_x0041_x0042_ の記号", "前_x005F_x0041_後", "順調"),  # chained _xHHHH_ look-alikes
}


def test_text_like_markup_or_chained_escapes_reads_back_unchanged(sqlite_store: Store) -> None:
    """Text XlsxWriter would write as markup or half-escaped shows exactly as stored (as Excel and the
    upload's reader decode it) and is no formula."""
    rows = [
        {"action_id": a, "fiscal_year": 2021, "ministry_code": "MEXT", "progress_ja": p, "next_ja": n,
         "status": s}
        for a, (p, n, s) in MARKUP_AND_ESCAPES.items()
    ]  # fmt: skip
    sqlite_store.submit(ChangeSet("upload", "mext", "MEXT", 2021, followup=rows))
    open_round(sqlite_store, 2021, User("secretariat", "secretariat"))
    data = issue_template(sqlite_store, SECRETARIAT, "MEXT", 2021)
    sheet = pc.CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("報告").to_python()
    header = sheet[0]
    shown = {str(r[0]): (r[header.index("進捗")], r[header.index("次年度以降の取組")]) for r in sheet[1:]}
    for action_id, (progress, next_text, _) in MARKUP_AND_ESCAPES.items():
        assert shown[action_id] == (progress, next_text)
    ws = openpyxl.load_workbook(io.BytesIO(data))["報告"]
    assert {c.data_type for row in ws.iter_rows(min_row=2) for c in row if c.value} == {"s"}
