"""Outputs kept per store version: what a reading command printed, printed again while nothing changed.

`python -m model status` and `kpi` derive their text from every entry of every fiscal year (at ten years,
seven ministries and 2,000 actions: a second of work), yet print the same text until the store changes. The
first run at a version keeps its text here; the next run at that version reads it in one statement, before
pandas, the snapshot or the structure are even imported.

The key is a digest of everything the text depends on besides the store's content: the command line, the
database URL, the application's code (every file under model/), the library versions and the day (a KPI's
default "as of" and a round's "today"). The content enters as the store version, which every write
changes. A kept row is therefore never served for another state; rows of older versions are deleted when a
newer one is kept. Keeping is best effort: a store that cannot be written (full disk, read-only file, a
database made before this table) still prints, it only computes again the next time.

This module imports SQLAlchemy and the standard library only: it runs on the fast path.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import sys
from importlib import metadata as dist
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from model.store._tables import changes, kept_outputs

MODEL = Path(__file__).resolve().parents[1]
_LIBRARIES = ("pandas", "numpy", "SQLAlchemy", "plotly")


@functools.cache
def code_digest() -> str:
    """sha256 over the application's files (model/**, paths and contents) and the library versions."""
    h = hashlib.sha256()
    for path in sorted(MODEL.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(MODEL)).encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
    h.update(sys.version.encode())
    for name in _LIBRARIES:
        try:
            h.update(f"{name}={dist.version(name)}".encode())
        except dist.PackageNotFoundError:
            h.update(f"{name}=none".encode())
    return h.hexdigest()


def output_key(command: dict[str, Any], url: str, *days: dt.date) -> str:
    """The key of a command's output: its options (JSON-able values), the database, the code, the day
    (the machine's and Tokyo's: what the command calls "today" is one of them)."""
    words = json.dumps(command, sort_keys=True, ensure_ascii=False, default=str)
    parts = [words, url, code_digest(), *(d.isoformat() for d in days)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def read_kept(conn: sa.Connection, key: str) -> tuple[str, str] | None:
    """(stdout, stderr) kept under `key` for the newest version; None when there is none (or no table)."""
    newest = sa.select(sa.func.coalesce(sa.func.max(changes.c.id), 0)).scalar_subquery()
    k = kept_outputs
    try:
        row = conn.execute(
            sa.select(k.c.stdout, k.c.stderr).where(k.c.key == key, k.c.version == newest)
        ).first()
    except SQLAlchemyError:  # a database made before this table, or not set up at all: compute
        return None
    return None if row is None else (str(row[0]), str(row[1]))


def keep(conn: sa.Connection, key: str, version: int, stdout: str, stderr: str) -> None:
    """Keep an output for `version` and delete those of older versions (in the caller's write
    transaction). Another process may have kept the same key first: then its row stays."""
    k = kept_outputs
    kept_outputs.create(conn, checkfirst=True)
    conn.execute(k.delete().where(k.c.version < version))
    exists = conn.execute(sa.select(k.c.version).where(k.c.key == key, k.c.version == version)).first()
    if exists is None:
        now = dt.datetime.now(dt.UTC)
        values = {"key": key, "version": version, "stdout": stdout, "stderr": stderr, "created_at": now}
        conn.execute(k.insert(), values)
