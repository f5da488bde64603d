"""Store operations: seeding, change sets (submissions), current state and history as DataFrames."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.request import pathname2url

import sqlalchemy as sa
from sqlalchemy.exc import OperationalError, ProgrammingError, SQLAlchemyError

from model.config import database_url, seed_digest
from model.errors import AppError
from model.store._backup import backup, restore
from model.store._engine import PG_WRITE_LOCK, SNAPSHOT, TXN_MODE, WRITE, make_engine
from model.store._kept import keep, read_kept
from model.store._tables import (
    KPI_VALUES,
    changes,
    login_failures,
    meta,
    metadata,
    pending_uploads,
    reference,
    sessions,
    submission_files,
    users,
)
from model.store._upgrade import upgrade

# The snapshot, change-set and transaction modules (pandas) are imported where they are used: `status` and
# `kpi` print a kept output (model/store/_kept.py) through this module without pandas.
if TYPE_CHECKING:
    from model.seed import SeedData
    from model.store._changes import ChangeSet, Outcome
    from model.store._snapshot import Snapshot
    from model.store._transaction import Actor, Transaction

_NEWEST = sa.select(sa.func.coalesce(sa.func.max(changes.c.id), 0))
JOINT = "JOINT"  # ministry code of the published, jointly written follow-up text (seed 002)
SEED_USER = "seed"
DISK_FULL_BELOW = 1 << 20  # free bytes under which a disk counts as full (SQLite's files need some)


def _newest(conn: sa.Connection) -> int:
    """The newest change id; 0 on a database this product has not set up (no `changes` table)."""
    try:
        return int(conn.execute(_NEWEST).scalar_one())
    except (OperationalError, ProgrammingError) as exc:
        if "changes" in str(exc.orig):
            return 0
        raise


def open_store(url: str | None = None) -> Store:
    return Store(url or database_url())


class Store:
    """The database. Reads go through `snapshot()`; every write through `transaction()`."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name

    def _safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def _connect(self, mode: str | None) -> Iterator[sa.Connection]:
        try:
            with self._open(mode) as conn:
                conn.info[TXN_MODE] = mode  # pooled connections keep `info`: set it on every checkout
                if mode == SNAPSHOT and self.dialect == "postgresql":
                    conn = conn.execution_options(isolation_level="REPEATABLE READ")
                yield conn
        except OperationalError as exc:
            fault = _fault(exc.orig)
            if fault == "err.db_unreachable" and self._disk_full():
                fault = "err.db_full"  # SQLite says "disk I/O error" when it cannot even open its files
            raise AppError(fault, url=self._safe_url(), detail=_one_line(exc.orig)) from exc

    def _open(self, mode: str | None) -> sa.Connection:
        """A connection; on a full disk, for reading, a read-only one to the SQLite file when SQLite
        cannot make its shared-memory file there (nobody else has the database open)."""
        try:
            return self.engine.connect()
        except OperationalError:
            path = self._sqlite_path()
            if mode == WRITE or path is None or not self._disk_full() or _has_wal(path):
                raise
            return read_only_engine(path).connect()

    def _sqlite_path(self) -> Path | None:
        database = self.engine.url.database if self.dialect == "sqlite" else None
        if not database or database == ":memory:":
            return None
        return Path(database.removeprefix("file:"))

    def _disk_full(self) -> bool:
        """Whether the SQLite file's disk has (almost) no space left."""
        path = self._sqlite_path()
        try:
            return path is not None and shutil.disk_usage(path.parent).free < DISK_FULL_BELOW
        except OSError:
            return False

    # --- the one write door ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self, user: Actor | str, kind: str) -> Iterator[Transaction]:
        """One write transaction, all of it or nothing; writers are serialised (see _engine). The checks
        that must see the state the write changes (round open, stale template) run inside it."""
        from model.store._transaction import Transaction

        name = user if isinstance(user, str) else user.name
        with self._connect(WRITE) as conn, conn.begin():
            if self.dialect == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK})
            yield Transaction(conn, name, kind, self._safe_url())

    # --- reading --------------------------------------------------------------------------------------
    def version(self) -> int:
        """The store version: the newest change (0 before the store is initialised). One statement."""
        with self._connect(None) as conn:
            return _newest(conn)

    def snapshot(self, version: int | None = None, *, followup: bool = True) -> Snapshot:
        """The state at `version` (default: the newest), fully loaded, in one read transaction
        (`followup=False`: without the follow-up entries, for a reader that needs none)."""
        from model.store._snapshot import load_snapshot, require_version

        with self._connect(SNAPSHOT) as conn, conn.begin():
            newest = _newest(conn)
            require_version(newest)
            if version is not None and not 0 < version <= newest:
                raise AppError("err.bad_version", version=version, newest=newest)
            return load_snapshot(conn, version or newest, self._safe_url(), followup=followup)

    def submission_file(self, submission_id: int) -> bytes | None:
        """The original file of a submission (kept apart from snapshots: it can be large)."""
        with self._connect(None) as conn:
            row = conn.execute(
                sa.select(submission_files.c.content).where(submission_files.c.submission_id == submission_id)
            ).first()
        return bytes(row[0]) if row else None

    def row_counts(self) -> dict[str, int]:
        """Rows in every table, in one read transaction: what a failed write must leave unchanged."""
        with self._connect(SNAPSHOT) as conn, conn.begin():
            return {
                t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
                for t in metadata.sorted_tables
            }

    def backup(self, out: Path) -> int:
        """The whole store into a new SQLite file, consistent while others write; returns its version."""
        self.require_initialised()
        return backup(self.engine, out)

    def restore(self, source: Path) -> int:
        """Fill this empty database from a backup file; returns the version restored."""
        return restore(self.engine, source)

    def login_failures(
        self, user_name: str, client: str | None, since: dt.datetime
    ) -> tuple[list[dt.datetime], int]:
        """Failed logins since `since`: the times for this account (oldest first), and the count from
        this client (any account). One read, no version."""
        lf = login_failures
        with self._connect(None) as conn:
            times = conn.execute(
                sa.select(lf.c.created_at)
                .where(lf.c.user_name == user_name, lf.c.created_at >= since)
                .order_by(lf.c.created_at)
            ).scalars()
            mine = [t if t.tzinfo else t.replace(tzinfo=dt.UTC) for t in times]
            from_client = 0
            if client:
                from_client = int(
                    conn.execute(
                        sa.select(sa.func.count()).where(lf.c.client == client, lf.c.created_at >= since)
                    ).scalar_one()
                )
        return mine, from_client

    def password_hash(self, name: str) -> tuple[bool, str | None] | None:
        """(disabled, argon2 hash) of an account, None when there is none: for the login check only."""
        with self._connect(None) as conn:
            row = conn.execute(
                sa.select(users.c.disabled, users.c.password_hash).where(users.c.name == name)
            ).first()
        return None if row is None else (bool(row[0]), row[1])

    def session(self, token_hash: str) -> dict[str, Any] | None:
        """The session whose token has this hash (ended or not), None when there is none. One read."""
        s = sessions
        cols = [s.c.id, s.c.user_name, s.c.method, s.c.created_at, s.c.last_seen, s.c.expires_at,
                s.c.ended_at, s.c.ended_reason]  # fmt: skip
        with self._connect(None) as conn:
            row = conn.execute(sa.select(*cols).where(s.c.token_hash == token_hash)).first()
        if row is None:
            return None
        found = dict(row._mapping)
        for key in ("created_at", "last_seen", "expires_at", "ended_at"):
            t = found[key]
            if t is not None and t.tzinfo is None:  # SQLite keeps no zone: every time stored is UTC
                found[key] = t.replace(tzinfo=dt.UTC)
        return found

    def open_sessions(self, user_name: str) -> int:
        """How many sessions of this user are not ended (expired ones included until they are seen)."""
        s = sessions
        with self._connect(None) as conn:
            return int(
                conn.execute(
                    sa.select(sa.func.count()).where(s.c.user_name == user_name, s.c.ended_at.is_(None))
                ).scalar_one()
            )

    def pending_upload(self, session_id: int) -> dict[str, Any] | None:
        """The checked upload kept for this session (model/reporting/pending.py), None when there is none."""
        with self._connect(None) as conn:
            row = conn.execute(
                sa.select(pending_uploads).where(pending_uploads.c.session_id == session_id)
            ).first()
        if row is None:
            return None
        found = dict(row._mapping)
        found["content"] = bytes(found["content"])
        return found

    # --- outputs kept per version (model/store/_kept.py) ------------------------------------------------
    def kept_output(self, key: str) -> tuple[str, str] | None:
        """(stdout, stderr) a command printed under `key` at the newest version, if kept. One statement."""
        with self._connect(None) as conn:
            return read_kept(conn, key)

    def keep_output(self, key: str, version: int, stdout: str, stderr: str) -> bool:
        """Keep a command's output for `version`; False when the store cannot take it now (best effort:
        the command has printed already). On SQLite it waits 0.25 s at most for another writer, not 60."""
        try:
            with self._connect(WRITE) as conn:
                raw = conn.connection.driver_connection if self.dialect == "sqlite" else None
                if raw is not None:  # before BEGIN IMMEDIATE, which is where it would wait
                    raw.execute("PRAGMA busy_timeout = 250")
                try:
                    with conn.begin():
                        keep(conn, key, version, stdout, stderr)
                finally:
                    if raw is not None:
                        raw.execute("PRAGMA busy_timeout = 60000")
        except (AppError, SQLAlchemyError, OSError):
            return False
        return True

    # --- seeding --------------------------------------------------------------------------------------
    def is_initialised(self) -> bool:
        try:
            with self._connect(None) as conn:
                if not sa.inspect(conn).has_table("changes"):
                    return False
                return (
                    conn.execute(sa.select(meta.c.value).where(meta.c.key == "seed_sha256")).first()
                    is not None
                )
        except SQLAlchemyError:
            return False

    def require_initialised(self) -> None:
        if not self.is_initialised():
            raise AppError("err.not_initialised")

    def init(self, seed: SeedData | None = None) -> str:
        """Create the tables and load the seed; idempotent. Returns created | updated | unchanged."""
        from model.store._changes import ChangeSet, clean

        # The files' digest first: an unchanged seed (every start of the dashboard) is neither read nor
        # validated (pandera: most of a start).
        digest = seed.sha256 if seed is not None else seed_digest()
        with self.transaction(SEED_USER, "seed") as tx:
            conn = tx.conn
            metadata.create_all(conn)
            upgrade(conn, self.dialect)
            row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "seed_sha256")).first()
            previous = row[0] if row else None
            if digest is not None and previous == digest:
                return "unchanged"
            if seed is None:
                from model.seed import load_seed  # pandera: only where the seed is read and validated

                seed = load_seed()
            for name, table in reference.items():
                conn.execute(table.delete())
                records = [{str(k): clean(v) for k, v in r.items()} for r in seed[name].to_dict("records")]
                if records:
                    conn.execute(table.insert(), records)
            change = ChangeSet(
                kind="seed",
                user_name=SEED_USER,
                file_name="data/goals.csv + data/progress.xlsx",
                sha256=seed.sha256,
                followup=seed_followup_rows(seed),
                kpi=seed_kpi_rows(seed),
                note="seed data set",
            )
            tx.apply(change, tombstone_seeded=True)
            tx.version  # noqa: B018 — the reference tables changed: that is a new version even with no row
            values = {"key": "seed_sha256", "value": seed.sha256}
            if previous is None:
                conn.execute(meta.insert(), values)
            else:
                conn.execute(meta.update().where(meta.c.key == "seed_sha256"), values)
        return "created" if previous is None else "updated"

    # --- writing change sets --------------------------------------------------------------------------
    def submit(self, change: ChangeSet) -> Outcome:
        """Apply a change set in one transaction, recorded as one submission."""
        self.require_initialised()
        with self.transaction(change.user_name, change.kind) as tx:
            return tx.apply(change)


def _has_wal(path: Path) -> bool:
    """Whether the SQLite file has commits in its write-ahead log (then only SQLite's own reading, with
    its shared memory, sees them all)."""
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def read_only_engine(path: Path) -> sa.Engine:
    """The SQLite file opened read-only and immutable (no shared memory, no locks): right only while
    nothing can write it, which a full disk and an empty WAL ensure; a connection per use."""
    uri = f"file:{pathname2url(str(path))}?mode=ro&immutable=1"
    return sa.create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        poolclass=sa.pool.NullPool,
    )


def _fault(exc: BaseException | None) -> str:
    """The message for a database fault, named for what it is (SQLite's and PostgreSQL's own words)."""
    text = str(exc).lower()
    if "disk is full" in text or "no space left" in text or "could not extend file" in text:
        return "err.db_full"
    if "readonly database" in text or "read-only" in text or "read only" in text:
        return "err.db_readonly"
    if "password authentication failed" in text or "authentication failed" in text:
        return "err.db_auth"
    return "err.db_unreachable"


def _one_line(exc: BaseException | None) -> str:
    return " ".join(str(exc).split())[:200]


def seed_followup_rows(seed: SeedData) -> list[dict[str, Any]]:
    """The published FY follow-up text of seed 002 as entries: one per reportable action and year."""
    bullets = seed["bullets"].sort_values(["action_id", "fiscal_year", "column", "seq"])
    out = []
    for (action_id, fy), group in bullets.groupby(["action_id", "fiscal_year"], sort=False):
        texts = {col: "\n".join(g["text_ja"]) for col, g in group.groupby("column")}
        out.append(
            {
                "action_id": action_id,
                "fiscal_year": int(str(fy)),
                "ministry_code": JOINT,
                "progress_ja": texts.get("progress"),
                "next_ja": texts.get("next"),
                "status": None,  # the published table reports no status: none is invented
            }
        )
    return out


def seed_kpi_rows(seed: SeedData) -> list[dict[str, Any]]:
    obs = seed["kpi_observations"]
    return [{c: r[c] for c in ("goal_id", "date", *KPI_VALUES)} for r in obs.to_dict("records")]
