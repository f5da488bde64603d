"""Database faults are named for what they are, and a password in a URL is never printed."""

from __future__ import annotations

import pytest

from model import cli
from model.errors import AppError
from model.store import ChangeSet, Store, open_store
from tests.conftest import PG_ADMIN_URL


def test_a_read_only_store_says_so_and_still_reads(sqlite_store: Store) -> None:
    """The store opened read-only (SQLite's mode=ro; a chmod would not stop root): writing names the
    cause and changes nothing; reading goes on."""
    path = sqlite_store.engine.url.database
    sqlite_store.engine.dispose()
    store = Store(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert store.snapshot().version == 1
    with pytest.raises(AppError) as err:
        store.submit(ChangeSet("manual", "x"))
    assert err.value.msg_id == "err.db_readonly"
    assert store.version() == 1


def test_a_wrong_database_password_is_named_and_not_printed(capsys: pytest.CaptureFixture[str]) -> None:
    """PostgreSQL refusing the password: err.db_auth; the password appears nowhere in the message."""
    import sqlalchemy as sa

    url = sa.make_url(PG_ADMIN_URL).set(username="qf_nobody", password="s3cret-Pa55")
    store = open_store(url.render_as_string(hide_password=False))
    with pytest.raises(AppError) as err:
        store.version()
    assert err.value.msg_id in {
        "err.db_auth",
        "err.db_unreachable",
    }  # trust auth may answer "role does not exist"
    assert "s3cret-Pa55" not in err.value.render("ja") + err.value.render("en")


def test_an_unknown_driver_url_does_not_print_its_password(capsys: pytest.CaptureFixture[str]) -> None:
    """`DATABASE_URL=nosuchdb://user:pw@host/db`: one line, the password masked."""
    assert cli.main(["status", "--database-url", "nosuchdb://admin:s3cret-Pa55@db.example/qf"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "s3cret-Pa55" not in err and "***" in err
    assert cli.main(["status", "--database-url", "postgresql+nosuchdriver://admin:s3cret-Pa55@db/qf"]) == 1
    err = capsys.readouterr().err
    assert "s3cret-Pa55" not in err and "***" in err
