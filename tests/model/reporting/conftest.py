"""Fixtures of the reporting tests: a seeded store with the FY2021 round open, users, filled templates."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from model.auth import User, add_user, operator
from model.reporting.rounds import get_round, open_round
from model.reporting.template import issue_template
from model.store import Store
from tests.fixtures.make_upload_fixtures import FIXTURE_TEMPLATES

PROBLEMS = Path(__file__).resolve().parents[2] / "fixtures" / "upload_problems"
FY = 2021
SECRETARIAT = operator()


def fill(data: bytes, rows: dict[str, tuple[Any, Any, Any]], kpi: list[list[Any]] | None = None) -> bytes:
    """Fill a template's 進捗 / 次年度以降の取組 / 状況 (and KPI 時点 / 値) as a ministry does."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["報告"]
    header = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        action_id = ws.cell(r, header.index("取組ID") + 1).value
        if action_id in rows:
            for name, value in zip(("進捗", "次年度以降の取組", "状況"), rows[action_id], strict=True):
                ws.cell(r, header.index(name) + 1).value = value
    for goal_id, date, value in kpi or []:
        k = wb["KPI"]
        kh = [c.value for c in k[1]]
        for r in range(2, k.max_row + 1):
            if k.cell(r, 1).value == goal_id:
                k.cell(r, kh.index("時点") + 1).value = date
                k.cell(r, kh.index("値") + 1).value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def template_ids(data: bytes) -> list[str]:
    ws = openpyxl.load_workbook(io.BytesIO(data), read_only=True)["報告"]
    return [str(r[0]) for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]


def filled_for(store: Store, ministry: str, text: str = "進捗") -> bytes:
    """A template for `ministry` with every row filled."""
    blank = issue_template(store, SECRETARIAT, ministry, FY)
    return fill(blank, {a: (f"{text} {a}", f"次年度 {a}", "順調") for a in template_ids(blank)})


def record_fixture_templates(store: Store) -> None:
    """Record the committed fixtures' template ids (tests/fixtures/make_upload_fixtures.py) as issued by
    this store, through its write door, made from its current version."""
    round_id = get_round(store.snapshot(), FY)
    assert round_id is not None
    with store.transaction(SECRETARIAT, "template") as tx:
        base = tx.snapshot().version
        for template_id, (ministry, fy, rnd, version) in FIXTURE_TEMPLATES.items():
            tx.record_template(template_id, ministry, fy, rnd or round_id.id, base, version)


@pytest.fixture
def rstore(store: Store) -> Store:
    """A seeded store (SQLite and PostgreSQL) with the FY2021 round open and the fixtures' templates."""
    open_round(store, FY, SECRETARIAT)
    record_fixture_templates(store)
    return store


@pytest.fixture
def sqlite_rstore(sqlite_store: Store) -> Store:
    open_round(sqlite_store, FY, SECRETARIAT)
    record_fixture_templates(sqlite_store)
    return sqlite_store


def make_editor(store: Store, ministry_code: str) -> User:
    return add_user(
        store,
        f"editor-{ministry_code.lower()}",
        "editor",
        password="correct horse",
        ministry_code=ministry_code,
        by=SECRETARIAT,
    )


def snapshot(store: Store) -> tuple[int, dict[str, int]]:
    """Store version and row counts: equal before and after means nothing was written."""
    return store.version(), store.row_counts()
