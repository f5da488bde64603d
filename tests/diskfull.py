"""A real full disk for the fault tests: a small tmpfs mounted by the test and filled to its last byte.

The tests run as root (as CI does: .ci/run), which may mount. SQLite keeps its file there; PostgreSQL a
tablespace there, so the database server's own files hit the full disk, not a stand-in.
"""

from __future__ import annotations

import errno
import os
import pwd
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from model.store import Store


@contextmanager
def small_disk(size_mb: int, owner: str | None = None) -> Iterator[Path]:
    """A tmpfs of `size_mb` MB (owned by `owner` when given), unmounted at the end."""
    path = Path(tempfile.mkdtemp(prefix="qf_disk_"))
    options = f"size={size_mb}m,mode=0777"
    if owner is not None:
        entry = pwd.getpwnam(owner)
        options = f"size={size_mb}m,mode=0700,uid={entry.pw_uid},gid={entry.pw_gid}"
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True)
    if done.returncode != 0:
        path.rmdir()
        raise RuntimeError(f"the full-disk tests mount a tmpfs (root): {done.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "--lazy", str(path)], check=False)
        path.rmdir()


def fill(disk: Path) -> Path:
    """Write a file until the disk has not one byte left; returns it (delete it to free the disk)."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for chunk in (1 << 20, 1 << 16, 4096, 512, 1):
            block = b"\0" * chunk
            try:
                while True:
                    os.write(fd, block)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
    finally:
        os.close(fd)
    assert os.statvfs(disk).f_bavail == 0
    return filler


@contextmanager
def store_on(disk: Path, dialect: str, admin_url: str) -> Iterator[Store]:
    """An empty store whose data lives on `disk`: a SQLite file there, or a PostgreSQL database in a
    tablespace there (the disk must belong to the server's user: small_disk(owner="postgres"))."""
    if dialect == "sqlite":
        store = Store(f"sqlite:///{disk / 'store.sqlite3'}")
        try:
            yield store
        finally:
            store.engine.dispose()
        return
    name = f"qf_full_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE TABLESPACE {name} LOCATION '{disk}'"))
        conn.execute(sa.text(f'CREATE DATABASE "{name}" TABLESPACE {name}'))
    store = Store(sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False))
    try:
        yield store
    finally:
        store.engine.dispose()
        with admin.connect() as conn:
            conn.execute(
                sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": name},
            )
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(sa.text(f"DROP TABLESPACE IF EXISTS {name}"))
        admin.dispose()
