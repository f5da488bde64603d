"""A checked upload kept for its login session (model/reporting/pending.py), on SQLite and PostgreSQL:
found again by that session and account only, replaced by the next, gone at discard, at logout, at the
end of the session by any cause, and at the purge."""

from __future__ import annotations

import datetime as dt

import pytest

from model import sessions
from model.auth import User, add_user, operator, reset_password
from model.errors import AppError
from model.reporting import pending
from model.store import Store
from tests.model.reporting.conftest import PROBLEMS

PASSWORD = "kibou-no-ryoushi-2030"


def _login(store: Store, user: User) -> int:
    token = sessions.claim(store, sessions.begin(store, user))
    assert token is not None
    found = sessions.resume(store, token)
    assert found is not None
    return found.id


def test_a_kept_upload_lives_as_long_as_its_session(store: Store) -> None:
    mofa = add_user(store, "mofa1", "editor", password=PASSWORD, ministry_code="MOFA", by=operator())
    other = add_user(store, "mofa2", "editor", password=PASSWORD, ministry_code="MOFA", by=operator())
    data = (PROBLEMS / "valid.xlsx").read_bytes()
    sid = _login(store, mofa)
    version = store.version()
    pending.keep(store, sid, mofa, "MOFA", 2021, "valid.xlsx", data)
    found = pending.kept(store, sid, mofa)
    assert found is not None and found.content == data and found.file_name == "valid.xlsx"
    assert (found.ministry_code, found.fiscal_year) == ("MOFA", 2021)
    assert store.version() == version  # not versioned state
    assert pending.kept(store, sid, other) is None  # another account never sees it
    assert pending.kept(store, _login(store, mofa), mofa) is None  # nor another login of the same one
    with pytest.raises(AppError):
        pending.keep(store, sid, mofa, "MEXT", 2021, "x.xlsx", data)  # not its ministry

    pending.keep(store, sid, mofa, "MOFA", 2021, "second.xlsx", b"PK second")  # replaces
    found = pending.kept(store, sid, mofa)
    assert found is not None and found.file_name == "second.xlsx"
    assert store.row_counts()["pending_uploads"] == 1
    pending.discard(store, sid)
    assert pending.kept(store, sid, mofa) is None

    pending.keep(store, sid, mofa, "MOFA", 2021, "valid.xlsx", data)
    sessions.end(store, sid)  # logout
    assert pending.kept(store, sid, mofa) is None

    idle = _login(store, mofa)
    pending.keep(store, idle, mofa, "MOFA", 2021, "valid.xlsx", data)
    reset_password(store, "mofa1", "hikari-no-hashi-wataru-2031", by=operator())  # ends every session
    assert pending.kept(store, idle, mofa) is None

    live = _login(store, other)
    pending.keep(store, live, other, "MOFA", 2021, "valid.xlsx", data)
    with store.transaction("test", "session") as tx:
        tx.add_session("mofa2", "password", token_hash="z" * 64, handoff_hash=None, handoff_until=None,
                       now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                       expires_at=dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC))  # fmt: skip
    sessions.purge(store)
    assert pending.kept(store, live, other) is not None  # a live session keeps its file through a purge
    assert store.row_counts()["pending_uploads"] == 1
