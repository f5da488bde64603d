"""Counting the SQL statements a page run makes (SQLAlchemy cursor events on every engine)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from model.auth import add_user, operator
from model.store import Store

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
AS_OF = dt.date(2026, 3, 31)

# Every page a user can open: (script, session user or None). The secretariat pages need that role.
SECRETARIAT = {"name": "sec1", "role": "secretariat", "ministry_code": None}
EDITOR = {"name": "mext1", "role": "editor", "ministry_code": "MEXT"}
PAGES: list[tuple[str, dict[str, Any] | None]] = [
    ("overview", None),
    ("kpi", None),
    ("followup", None),
    ("ministries", None),
    ("compare", None),
    ("milestones", None),
    ("international", None),
    ("exports", None),
    ("login", None),
    ("accessibility", None),
    ("upload", EDITOR),
    ("rounds", SECRETARIAT),
    ("structure", SECRETARIAT),
    ("users", SECRETARIAT),
    ("account", EDITOR),
]


def with_accounts(store: Store) -> Store:
    """The accounts PAGES log in as: a secretariat user and a MEXT editor."""
    add_user(store, "sec1", "secretariat", password="kibou-no-ryoushi-2030", by=operator())
    add_user(store, "mext1", "editor", password="kibou-no-ryoushi-2030", ministry_code="MEXT", by=operator())
    return store


class Counter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.statements.append(" ".join(statement.split())[:120])


@contextmanager
def counting() -> Iterator[Counter]:
    counter = Counter()
    sa.event.listen(sa.engine.Engine, "before_cursor_execute", counter)
    try:
        yield counter
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", counter)


def page_app(page: str, user: dict[str, Any] | None, lang: str = "ja") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    at.session_state["as_of"] = AS_OF
    if user is not None:
        at.session_state["qf_user"] = dict(user)
    at.switch_page(f"views/{page}.py")
    return at


def count_run(at: AppTest) -> list[str]:
    """The statements of one script run of `at`."""
    with counting() as counter:
        at.run()
    assert not at.exception, at.exception[0].value if at.exception else ""
    return counter.statements
