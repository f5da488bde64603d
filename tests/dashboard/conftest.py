"""Fixtures of the page tests: an app on a fresh seeded store (helpers in tests/dashboard/apptest.py)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from model.auth import add_user, operator
from model.store import Store, open_store
from tests.dashboard.apptest import APP, AS_OF, READER, MakeApp


@pytest.fixture(autouse=True)
def pages_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken page fails its test (AppTest sees the exception) instead of showing an incident number."""
    monkeypatch.setenv("QF_RAISE_ERRORS", "1")


@pytest.fixture(scope="session")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One seeded SQLite file per test session; each test works on a copy of it."""
    path = tmp_path_factory.mktemp("seeded") / "seed.sqlite3"
    store = Store(f"sqlite:///{path}")
    store.init()
    add_user(store, READER["name"], "viewer", password="kibou-no-ryoushi-2030", by=operator())
    store.engine.dispose()
    return path


@pytest.fixture
def seeded(seeded_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """The store the app will open (a temp SQLite file, a copy of the seeded one)."""
    path = tmp_path / "app.sqlite3"
    shutil.copyfile(seeded_file, path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("QF_REQUIRE_LOGIN", raising=False)
    monkeypatch.setenv("QF_SQLITE_PATH", str(path))
    return open_store()


@pytest.fixture
def make_app(seeded: Store) -> MakeApp:
    """An AppTest on the seeded store, in a language, as of AS_OF, on a page (run once), as a logged-in
    viewer (staff see the years in progress, marked 暫定) or, with `user=None`, as a reader who is not
    logged in (published years only)."""

    def make(
        page: str | None = None,
        lang: str = "ja",
        as_of: dt.date = AS_OF,
        user: dict[str, str | None] | None = READER,
    ) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120)
        at.session_state["lang"] = lang
        at.session_state["as_of"] = as_of
        if user is not None:
            at.session_state["qf_user"] = dict(user)
        if page is not None:
            at.switch_page(page)
        return at.run()

    return make
