"""Engines for the embedded SQLite default and any server database named by DATABASE_URL."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from model.errors import AppError

# Write transactions on PostgreSQL take this advisory lock: writes are rare (a few uploads a day) and
# serialising them makes the diff against the current state, and the stale-template check, exact.
PG_WRITE_LOCK = 7_316_2020


def make_engine(url: str) -> sa.Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise AppError("err.db_bad_url", url=_without_password(url)) from exc
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        return sa.create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, ImportError, NoSuchModuleError) as exc:
        raise AppError("err.db_bad_url", url=parsed.render_as_string(hide_password=True)) from exc


def _without_password(url: str) -> str:
    """A URL that did not parse, with anything between '://user:' and '@' masked: never print a password."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    # timeout: a writer waits up to 60 s for another writer instead of failing with "database is locked".
    engine = sa.create_engine(url, connect_args={"timeout": 60})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself (pysqlite's own handling defers it).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")  # readers see the last commit while one writer works
        cur.execute("PRAGMA busy_timeout = 60000")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        mode = conn.info.get(TXN_MODE)
        if mode == WRITE:
            # IMMEDIATE takes the write lock at the start: two writers never interleave a read-then-write.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif mode == SNAPSHOT:
            # A deferred transaction takes no lock; under WAL its first read fixes the view it keeps.
            conn.exec_driver_sql("BEGIN")
        # Otherwise (one statement, e.g. the version): no BEGIN, the statement is its own transaction.

    return engine


# Connection.info key telling the SQLite "begin" hook what kind of transaction a connection opens.
TXN_MODE = "qf_txn_mode"
WRITE, SNAPSHOT = "write", "snapshot"
