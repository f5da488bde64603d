"""Last year's text goes into the template as text, exactly, even when it looks like a formula."""

from __future__ import annotations

import io

import openpyxl

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
