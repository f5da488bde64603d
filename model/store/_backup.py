"""Backup and restore: the whole store as one SQLite file, taken safely while the dashboard writes.

* SQLite (the embedded default): SQLite's online backup API copies a live WAL database consistently (a
  plain file copy misses what is still in the `-wal` file).
* Any other database (PostgreSQL): a logical copy of every table into a new SQLite file, read in one
  REPEATABLE READ transaction, so the copy is one consistent state.

A restore copies every table of such a file into an empty database of either kind (tables in dependency
order; PostgreSQL's id sequences moved past the copied ids). It refuses a database that already holds a
store: restoring over data would mix two histories.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa

from model.errors import AppError
from model.store._engine import SNAPSHOT, TXN_MODE
from model.store._tables import metadata


def backup(engine: sa.Engine, out: Path) -> int:
    """Write the store to `out` (a new SQLite file); returns the version it holds."""
    if out.exists():
        raise AppError("err.backup.exists", path=str(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()
        try:
            target = sqlite3.connect(out)
            try:
                raw.driver_connection.backup(target)  # type: ignore[union-attr]
            finally:
                target.close()
        finally:
            raw.close()
    else:
        _logical_copy(engine, out)
    return _version_of(out)


def _logical_copy(engine: sa.Engine, out: Path) -> None:
    target = sa.create_engine(f"sqlite:///{out}")
    try:
        metadata.create_all(target)
        with engine.connect() as conn:
            conn.info[TXN_MODE] = SNAPSHOT
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin(), target.begin() as dst:
                for table in metadata.sorted_tables:
                    rows = [dict(r) for r in conn.execute(sa.select(table)).mappings()]
                    if rows:
                        dst.execute(table.insert(), rows)
    finally:
        target.dispose()


def restore(engine: sa.Engine, source: Path) -> int:
    """Copy the store in `source` (a backup file) into the empty database of `engine`; returns its version."""
    if not source.is_file():
        raise AppError("err.backup.missing", path=str(source))
    version = _version_of(source)
    src = sa.create_engine(f"sqlite:///{source}")
    try:
        with engine.begin() as dst:
            inspector = sa.inspect(dst)
            if inspector.has_table("meta") or inspector.has_table("changes"):
                raise AppError("err.backup.not_empty")
            metadata.create_all(dst)
            with src.connect() as conn:
                present = set(sa.inspect(conn).get_table_names())
                for table in metadata.sorted_tables:
                    if table.name not in present:  # a backup made before the table existed
                        continue
                    rows = [dict(r) for r in conn.execute(sa.select(table)).mappings()]
                    if rows:
                        dst.execute(table.insert(), rows)
            if engine.dialect.name == "postgresql":
                for table in metadata.sorted_tables:
                    if "id" in table.c and table.c.id.primary_key and isinstance(table.c.id.type, sa.Integer):
                        after = sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0) + 1).scalar_subquery()
                        sequence = sa.func.pg_get_serial_sequence(table.name, "id")
                        dst.execute(sa.select(sa.func.setval(sequence, after, False)))
    finally:
        src.dispose()
    return version


def _version_of(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT coalesce(max(id), 0) FROM changes").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise AppError("err.backup.unreadable", path=str(path), detail=str(exc)) from exc
