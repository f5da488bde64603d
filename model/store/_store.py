"""Store operations: seeding, change sets (submissions), current state and history as DataFrames."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from model.config import database_url
from model.errors import AppError
from model.seed import SeedData, load_seed
from model.store._engine import PG_WRITE_LOCK, make_engine
from model.store._tables import (
    FOLLOWUP_KEY,
    FOLLOWUP_VALUES,
    KPI_KEY,
    KPI_VALUES,
    followup_versions,
    kpi_versions,
    meta,
    metadata,
    reference,
    status_overrides,
    submission_files,
    submissions,
)

JOINT = "JOINT"  # ministry code of the published, jointly written follow-up text (seed 002)
SEED_USER = "seed"


@dataclass
class ChangeSet:
    """What one submission wants the store to hold: whole rows, keyed, compared with the current state."""

    kind: str  # seed | upload | withdrawal | manual
    user_name: str
    ministry_code: str | None = None
    fiscal_year: int | None = None
    file_name: str | None = None
    sha256: str | None = None
    base_version: int | None = None
    content: bytes | None = None
    note: str | None = None
    withdraws_id: int | None = None
    followup: list[dict[str, Any]] = field(default_factory=list)
    kpi: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    submission_id: int | None  # None when nothing changed (no record is written for an empty change)
    added: int
    changed: int
    unchanged: int


def open_store(url: str | None = None) -> Store:
    return Store(url or database_url())


def _same(a: Any, b: Any) -> bool:
    na_a = a is None or (isinstance(a, float) and math.isnan(a))
    na_b = b is None or (isinstance(b, float) and math.isnan(b))
    if na_a or na_b:
        return na_a and na_b
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=0.0)
    return bool(a == b)


def _clean(value: Any) -> Any:
    """pandas NA/NaN to None, numpy scalars to Python, for the database driver."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") else value


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name

    # --- transactions -------------------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[sa.Connection]:
        """One write transaction: all of it or nothing. Writers are serialised (see _engine)."""
        try:
            with self.engine.begin() as conn:
                if self.dialect == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK})
                yield conn
        except OperationalError as exc:
            raise AppError("err.db_unreachable", url=self._safe_url(), detail=_one_line(exc.orig)) from exc

    @contextmanager
    def read(self) -> Iterator[sa.Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except OperationalError as exc:
            raise AppError("err.db_unreachable", url=self._safe_url(), detail=_one_line(exc.orig)) from exc

    def _safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # --- seeding ------------------------------------------------------------------------------------
    def is_initialised(self) -> bool:
        try:
            with self.read() as conn:
                if not sa.inspect(conn).has_table("meta"):
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
        seed = seed or load_seed()
        with self.write() as conn:
            metadata.create_all(conn)
            row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "seed_sha256")).first()
            previous = row[0] if row else None
            if previous == seed.sha256:
                return "unchanged"
            for name, table in reference.items():
                conn.execute(table.delete())
                records = [{str(k): _clean(v) for k, v in r.items()} for r in seed[name].to_dict("records")]
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
            self.apply(conn, change, tombstone_seeded=True)
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
        with self.write() as conn:
            return self.apply(conn, change)

    def preview(self, change: ChangeSet) -> tuple[list[RowChange], list[RowChange]]:
        """What `submit(change)` would do, row by row (follow-up, KPI), without writing anything."""
        self.require_initialised()
        with self.read() as conn:
            fu = classify(change.followup, self._current(conn, followup_versions, FOLLOWUP_KEY), FOLLOWUP_KEY,
                          FOLLOWUP_VALUES)  # fmt: skip
            kpi = classify(change.kpi, self._current(conn, kpi_versions, KPI_KEY), KPI_KEY, KPI_VALUES)
        return fu, kpi

    def apply(self, conn: sa.Connection, change: ChangeSet, *, tombstone_seeded: bool = False) -> Outcome:
        """Append `change` as one submission inside a transaction the caller opened with `write()`:
        for callers that must check something under the same write lock first (rounds, stale templates)."""
        now = dt.datetime.now(dt.UTC)
        fu_current = self._current(conn, followup_versions, FOLLOWUP_KEY)
        kpi_current = self._current(conn, kpi_versions, KPI_KEY)
        fu_new, fu_counts = _diff(change.followup, fu_current, FOLLOWUP_KEY, FOLLOWUP_VALUES)
        kpi_new, kpi_counts = _diff(change.kpi, kpi_current, KPI_KEY, KPI_VALUES)
        if tombstone_seeded:
            fu_new += _tombstones(
                change.followup, fu_current, FOLLOWUP_KEY, FOLLOWUP_VALUES, seeded_only=True
            )
            kpi_new += _tombstones(change.kpi, kpi_current, KPI_KEY, KPI_VALUES, seeded_only=True)
        added = fu_counts[0] + kpi_counts[0]
        changed = fu_counts[1] + kpi_counts[1]
        unchanged = fu_counts[2] + kpi_counts[2]
        if not fu_new and not kpi_new and change.kind == "seed":
            return Outcome(None, 0, 0, unchanged)
        sub_id = conn.execute(
            submissions.insert().returning(submissions.c.id),
            {
                "kind": change.kind,
                "ministry_code": change.ministry_code,
                "fiscal_year": change.fiscal_year,
                "user_name": change.user_name,
                "created_at": now,
                "file_name": change.file_name,
                "sha256": change.sha256,
                "base_version": change.base_version,
                "n_added": added,
                "n_changed": changed,
                "n_unchanged": unchanged,
                "outcome": "committed",
                "withdraws_id": change.withdraws_id,
                "note": change.note,
            },
        ).scalar_one()
        if change.content is not None:
            conn.execute(submission_files.insert(), {"submission_id": sub_id, "content": change.content})
        for rows, table in ((fu_new, followup_versions), (kpi_new, kpi_versions)):
            if rows:
                conn.execute(table.insert(), [{**r, "submission_id": sub_id} for r in rows])
        return Outcome(int(sub_id), added, changed, unchanged)

    @staticmethod
    def _current(
        conn: sa.Connection, table: sa.Table, key: tuple[str, ...]
    ) -> dict[tuple[Any, ...], dict[str, Any]]:
        """Newest version per key (deleted ones included, so that a re-add is seen as a change)."""
        newest = sa.select(sa.func.max(table.c.id)).group_by(*(table.c[k] for k in key))
        rows = conn.execute(
            sa.select(table, submissions.c.kind.label("_kind"))
            .join(submissions, submissions.c.id == table.c.submission_id)
            .where(table.c.id.in_(newest))
        ).mappings()
        return {tuple(r[k] for k in key): dict(r) for r in rows}

    # --- reading ------------------------------------------------------------------------------------
    def version(self) -> int:
        """The store version: the id of the newest submission (0 before any)."""
        with self.read() as conn:
            return int(
                conn.execute(sa.select(sa.func.coalesce(sa.func.max(submissions.c.id), 0))).scalar_one()
            )

    def table(self, name: str) -> pd.DataFrame:
        """A reference table (actions, goals, areas …) as a DataFrame, in seed order."""
        self.require_initialised()
        with self.read() as conn:
            return pd.read_sql(sa.select(reference[name]), conn)

    def followup(self, fiscal_year: int | None = None) -> pd.DataFrame:
        """The current follow-up entries (one row per action × fiscal year × ministry)."""
        df = self._current_frame(followup_versions, FOLLOWUP_KEY)
        return df[df["fiscal_year"] == fiscal_year].reset_index(drop=True) if fiscal_year is not None else df

    def kpi_observations(self) -> pd.DataFrame:
        """The current KPI observations, dates as datetime.date."""
        df = self._current_frame(kpi_versions, KPI_KEY)
        df["date"] = pd.to_datetime(df["date"]).dt.date
        df["sample"] = df["sample"].astype(bool)
        return df

    def _current_frame(self, table: sa.Table, key: tuple[str, ...]) -> pd.DataFrame:
        self.require_initialised()
        newest = sa.select(sa.func.max(table.c.id)).group_by(*(table.c[k] for k in key))
        query = (
            sa.select(
                table,
                submissions.c.kind.label("submission_kind"),
                submissions.c.user_name,
                submissions.c.created_at,
            )
            .join(submissions, submissions.c.id == table.c.submission_id)
            .where(table.c.id.in_(newest), table.c.deleted.is_(False))
            .order_by(*(table.c[k] for k in key))
        )
        with self.read() as conn:
            df = pd.read_sql(query, conn)
        return _fix_datetimes(df)

    def history(self, kind: str = "followup", **where: Any) -> pd.DataFrame:
        """Every version of follow-up entries (or KPI observations) matching `where`, oldest first."""
        self.require_initialised()
        table = followup_versions if kind == "followup" else kpi_versions
        query = (
            sa.select(
                table,
                submissions.c.kind.label("submission_kind"),
                submissions.c.user_name,
                submissions.c.created_at,
                submissions.c.file_name,
                submissions.c.outcome,
            )
            .join(submissions, submissions.c.id == table.c.submission_id)
            .order_by(table.c.id)
        )
        for col, value in where.items():
            if value is not None:
                query = query.where(table.c[col] == value)
        with self.read() as conn:
            return _fix_datetimes(pd.read_sql(query, conn))

    def submissions(self) -> pd.DataFrame:
        self.require_initialised()
        with self.read() as conn:
            return _fix_datetimes(pd.read_sql(sa.select(submissions).order_by(submissions.c.id), conn))

    def submission_file(self, submission_id: int) -> bytes | None:
        with self.read() as conn:
            row = conn.execute(
                sa.select(submission_files.c.content).where(submission_files.c.submission_id == submission_id)
            ).first()
        return bytes(row[0]) if row else None

    def status_overrides(self) -> pd.DataFrame:
        """The newest override per goal (status None means the override was cleared)."""
        self.require_initialised()
        newest = sa.select(sa.func.max(status_overrides.c.id)).group_by(status_overrides.c.goal_id)
        with self.read() as conn:
            df = pd.read_sql(sa.select(status_overrides).where(status_overrides.c.id.in_(newest)), conn)
        return _fix_datetimes(df[df["status"].notna()].reset_index(drop=True))

    def set_status_override(self, goal_id: str, status: str | None, reason: str, user_name: str) -> None:
        from model.kpi import STATUSES

        self.require_initialised()
        if status is not None and status not in STATUSES:
            raise AppError("err.bad_status", text=status, known=", ".join(STATUSES))
        if goal_id not in set(self.table("goals")["id"]):
            raise AppError("err.unknown_goal", text=goal_id)
        with self.write() as conn:
            conn.execute(
                status_overrides.insert(),
                {
                    "goal_id": goal_id,
                    "status": status,
                    "reason": reason,
                    "user_name": user_name,
                    "created_at": dt.datetime.now(dt.UTC),
                },
            )

    def row_counts(self) -> dict[str, int]:
        """Rows per table (reference and history), for `status`."""
        self.require_initialised()
        with self.read() as conn:
            out = {}
            for table in [*reference.values(), submissions, followup_versions, kpi_versions]:
                out[table.name] = int(
                    conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                )
            return out


def _one_line(exc: BaseException | None) -> str:
    return " ".join(str(exc).split())[:200]


def _fix_datetimes(df: pd.DataFrame) -> pd.DataFrame:
    """SQLite returns timestamps as text: convert at the store boundary, always to UTC."""
    if "created_at" in df:
        df["created_at"] = pd.to_datetime(df["created_at"], utc=True, format="mixed")
    return df


@dataclass(frozen=True)
class RowChange:
    """One incoming row compared with the current state: what a preview shows and a commit appends."""

    record: dict[str, Any]  # the row as it would be stored
    before: dict[str, Any] | None  # the current live version, None when the key is new (or was deleted)
    change: str  # added | changed | unchanged | absent (a deletion of a key that holds nothing)


def classify(
    rows: list[dict[str, Any]],
    current: dict[tuple[Any, ...], dict[str, Any]],
    key: tuple[str, ...],
    values: tuple[str, ...],
) -> list[RowChange]:
    """Compare each row with the newest version of its key."""
    out = []
    for r in rows:
        record = {c: _clean(r.get(c)) for c in (*key, *values)}
        record["deleted"] = bool(r.get("deleted", False))
        old = current.get(tuple(record[c] for c in key))
        live = old if old is not None and not old["deleted"] else None
        if live is None:
            change = "absent" if record["deleted"] else "added"
        elif not record["deleted"] and all(_same(live[c], record[c]) for c in values):
            change = "unchanged"
        else:
            change = "changed"
        out.append(RowChange(record, live, change))
    return out


def _diff(
    rows: list[dict[str, Any]],
    current: dict[tuple[Any, ...], dict[str, Any]],
    key: tuple[str, ...],
    values: tuple[str, ...],
) -> tuple[list[dict[str, Any]], tuple[int, int, int]]:
    """New versions to append for `rows`, and the counts (added, changed, unchanged)."""
    compared = classify(rows, current, key, values)
    counts = tuple(sum(c.change == kind for c in compared) for kind in ("added", "changed", "unchanged"))
    new = [c.record for c in compared if c.change in ("added", "changed")]
    return new, (counts[0], counts[1], counts[2])


def _tombstones(
    rows: list[dict[str, Any]],
    current: dict[tuple[Any, ...], dict[str, Any]],
    key: tuple[str, ...],
    values: tuple[str, ...],
    *,
    seeded_only: bool,
) -> list[dict[str, Any]]:
    """Deletion versions for current keys that `rows` no longer contains (seed rows removed from data/)."""
    wanted = {tuple(_clean(r[c]) for c in key) for r in rows}
    out = []
    for k, old in current.items():
        if k in wanted or old["deleted"] or (seeded_only and old["_kind"] != "seed"):
            continue
        out.append({**{c: old[c] for c in (*key, *values)}, "deleted": True})
    return out


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
