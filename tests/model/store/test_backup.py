"""Backup while ministries submit, restore into an empty database: nothing committed is lost."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from model.errors import AppError
from model.store import Store
from tests.conftest import PG_ADMIN_URL, _reset_pg, submit_followup

MINISTRIES = ["MEXT", "METI", "MIC", "MOFA", "CAO", "IPHQ", "CSTI"]
ROWS = {"MEXT": "1-1-01", "METI": "1-1-02-i", "MIC": "2-1-01", "MOFA": "2-2-01", "CAO": "3-1-01",
        "IPHQ": "4-1-01", "CSTI": "5-1-01"}  # fmt: skip
ROUNDS = 6  # submissions per ministry
PG_RESTORE_DB = f"qf_restore_{uuid.uuid4().hex[:8]}"


def _ministries_submitting(
    store: Store, started: threading.Barrier, errors: list[BaseException]
) -> list[threading.Thread]:
    """Seven ministries, each submitting ROUNDS times as fast as it can, from the moment `started` opens."""

    def ministry(code: str) -> None:
        try:
            started.wait(30)
            for i in range(ROUNDS):
                submit_followup(store, code, 2021, [(ROWS[code], "順調", f"○{code} 第{i}版")])
        except BaseException as exc:  # collected: a thread's failure must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=ministry, args=(c,)) for c in MINISTRIES]
    for t in threads:
        t.start()
    return threads


def test_a_backup_taken_while_seven_ministries_submit_restores_every_committed_submission(
    store: Store, tmp_path: Path
) -> None:
    """Both backends: the backup is one consistent version ≥ every commit before it started; restored
    into a fresh database (SQLite and PostgreSQL) it reads exactly as the source did at that version."""
    started = threading.Barrier(len(MINISTRIES) + 1)
    errors: list[BaseException] = []
    threads = _ministries_submitting(store, started, errors)
    started.wait(30)
    committed_before = store.version()
    out = tmp_path / "backup.sqlite3"
    backed_up = store.backup(out)
    for t in threads:
        t.join(180)
    assert errors == []
    assert store.version() == 1 + len(MINISTRIES) * ROUNDS  # the seed and every submission
    assert backed_up >= committed_before

    source = store.snapshot(backed_up)
    for target in (Store(f"sqlite:///{tmp_path / 'restored.sqlite3'}"), _pg_target()):
        assert target.restore(out) == backed_up
        copy = target.snapshot()
        assert copy.version == backed_up
        assert copy.followup().drop(columns="created_at").equals(source.followup().drop(columns="created_at"))
        assert copy.submissions()["id"].tolist() == source.submissions()["id"].tolist()
        submit_followup(target, "MEXT", 2022, [("1-1-01", "順調", "○復元後の報告")])  # ids continue
        assert target.version() == backed_up + 1
        target.engine.dispose()
    _drop_pg()


def _pg_admin(*statements: str) -> None:
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for statement in statements:
            conn.execute(sa.text(statement))
    admin.dispose()


def _pg_target() -> Store:
    """A new, empty PostgreSQL database to restore into."""
    _pg_admin(f'DROP DATABASE IF EXISTS "{PG_RESTORE_DB}" WITH (FORCE)', f'CREATE DATABASE "{PG_RESTORE_DB}"')
    url = sa.make_url(PG_ADMIN_URL).set(database=PG_RESTORE_DB).render_as_string(hide_password=False)
    _reset_pg(url)
    return Store(url)


def _drop_pg() -> None:
    _pg_admin(f'DROP DATABASE IF EXISTS "{PG_RESTORE_DB}" WITH (FORCE)')


def test_restore_refuses_a_database_that_holds_a_store(sqlite_store: Store, tmp_path: Path) -> None:
    """Restoring over data would mix two histories: refused, nothing changed; a backup never overwrites."""
    out = tmp_path / "b.sqlite3"
    sqlite_store.backup(out)
    counts = sqlite_store.row_counts()
    with pytest.raises(AppError) as err:
        sqlite_store.restore(out)
    assert err.value.msg_id == "err.backup.not_empty"
    assert sqlite_store.row_counts() == counts
    with pytest.raises(AppError) as err:
        sqlite_store.backup(out)
    assert err.value.msg_id == "err.backup.exists"
