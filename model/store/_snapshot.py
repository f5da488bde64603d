"""An immutable, fully loaded view of the store at one version.

History is append-only and every versioned row names the change that wrote it, so the state at version v
is exact and reproducible: the newest row per key among those written by changes ≤ v. A snapshot is read
in one read transaction (no write lock on SQLite; REPEATABLE READ on PostgreSQL) and never touches the
database again: every view, figure, export and CLI read takes one and computes from it.

Derived facts (ownership, completeness, the KPI table, …) are defined in their own modules and memoised
here through `Snapshot.derive`, so each is computed once per snapshot however many pages ask for it.
Frames handed out are shallow copies: pandas' copy-on-write keeps the snapshot's own data unchanged
whatever a caller does to them.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Concatenate, ParamSpec, TypeVar

import numpy as np
import pandas as pd
import sqlalchemy as sa

from model.errors import AppError
from model.store._changes import ChangeSet, RowChange, classify, clean
from model.store._tables import (
    FOLLOWUP_KEY,
    FOLLOWUP_VALUES,
    KPI_KEY,
    KPI_VALUES,
    assessments,
    followup_versions,
    issued_templates,
    kpi_versions,
    ministry_contacts,
    publications,
    reference,
    reminders,
    review_events,
    round_events,
    status_overrides,
    structure_edits,
    submissions,
    users,
)

T = TypeVar("T")
P = ParamSpec("P")

# Columns of the current-state frames, as the store has always returned them.
_HISTORY_EXTRA = ("submission_kind", "user_name", "created_at", "file_name", "outcome")
_CURRENT_EXTRA = ("submission_kind", "user_name", "created_at")


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The store's state at `version`. Build one with `Store.snapshot()`."""

    version: int
    url: str  # the database, password hidden (for display)
    _tables: Mapping[str, pd.DataFrame]
    _followup_versions: pd.DataFrame | None  # None: loaded without them (`snapshot(followup=False)`)
    _kpi_history: pd.DataFrame
    _submissions: pd.DataFrame
    _overrides: pd.DataFrame
    _assessments: pd.DataFrame
    _rounds: pd.DataFrame
    _users: pd.DataFrame
    _structure_edits: pd.DataFrame
    _review_events: pd.DataFrame
    _contacts: pd.DataFrame
    _reminders: pd.DataFrame
    _templates: pd.DataFrame
    _publications: pd.DataFrame = field(default_factory=pd.DataFrame)
    _memo: dict[Hashable, Any] = field(default_factory=dict, repr=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    @property
    def _followup_history(self) -> pd.DataFrame:
        if self._followup_versions is None:
            raise RuntimeError("this snapshot was loaded without follow-up entries (followup=False)")
        return self._followup_versions

    # --- memoised derived facts -----------------------------------------------------------------------
    def derive(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()` once per snapshot and key (thread-safe: pages of several sessions share one)."""
        with self._lock:
            if key not in self._memo:
                self._memo[key] = compute()
            value: T = self._memo[key]
        return handed_out(value)

    # --- reference tables -----------------------------------------------------------------------------
    def table(self, name: str) -> pd.DataFrame:
        """A reference table (actions, goals, areas …), in seed order."""
        if name not in self._tables:
            raise KeyError(f"unknown table {name!r}; known: {', '.join(self._tables)}")
        return self._tables[name].copy(deep=False)

    # --- reported data --------------------------------------------------------------------------------
    def followup(self, fiscal_year: int | None = None) -> pd.DataFrame:
        """The current follow-up entries (one row per action × fiscal year × ministry), in key order."""
        every = ("followup",)
        with self._lock:
            known = every in self._memo
        if fiscal_year is None or known:
            df = self.derive(every, lambda: current_frame(self._followup_history, FOLLOWUP_KEY))
            return df if fiscal_year is None else df[df["fiscal_year"] == fiscal_year].reset_index(drop=True)
        # One year's current rows from that year's versions alone (the key holds the year, so this is the
        # same frame as filtering every year's): a template or an upload check from a new snapshot needs one
        # year, and ten years of versions cost ten times as much to sort.
        hist = self._followup_history
        return self.derive(
            ("followup", fiscal_year),
            lambda: current_frame(hist[hist["fiscal_year"] == fiscal_year], FOLLOWUP_KEY),
        )

    def kpi_observations(self) -> pd.DataFrame:
        """The current KPI observations, dates as datetime.date."""

        def build() -> pd.DataFrame:
            df = current_frame(self._kpi_history, KPI_KEY)
            df["date"] = pd.to_datetime(df["date"]).dt.date
            df["sample"] = df["sample"].astype(bool)
            return df

        return self.derive(("kpi_observations",), build)

    def history(self, kind: str = "followup", **where: Any) -> pd.DataFrame:
        """Every version of follow-up entries (or KPI observations) matching `where`, oldest first."""
        df = self._followup_history if kind == "followup" else self._kpi_history
        mask = pd.Series(True, index=df.index)
        for col, value in where.items():
            if value is not None:
                mask &= df[col] == value
        cols = [c for c in df.columns if c != "change_id"]
        return df.loc[mask, cols].reset_index(drop=True)

    def submissions(self) -> pd.DataFrame:
        """Every submission (seed, uploads, withdrawals), oldest first; `outcome` as of this version."""
        return self._submissions.copy(deep=False)

    def status_overrides(self) -> pd.DataFrame:
        """The newest override per goal (a cleared override is not listed)."""

        def build() -> pd.DataFrame:
            newest = self._overrides.sort_values("id").drop_duplicates("goal_id", keep="last")
            newest = newest[newest["status"].notna()].sort_values("id")
            return newest.drop(columns=["change_id"]).reset_index(drop=True)

        return self.derive(("status_overrides",), build)

    def override_history(self) -> pd.DataFrame:
        """Every status override and clearing (status None), oldest first."""
        return self._overrides.drop(columns=["change_id"])

    def assessments(self) -> pd.DataFrame:
        """Every assessment the secretariat recorded, oldest first (the newest per entry counts)."""
        return self._assessments.copy(deep=False)

    def round_events(self) -> pd.DataFrame:
        """Every opening and closing of a collection round, oldest first."""
        return self._rounds.copy(deep=False)

    def review_events(self) -> pd.DataFrame:
        """Every return and acceptance of an entry by the secretariat, oldest first."""
        return self._review_events.copy(deep=False)

    def ministry_contacts(self) -> pd.DataFrame:
        """Every setting of a ministry's contact addresses, oldest first (the newest per ministry counts)."""
        return self._contacts.copy(deep=False)

    def reminders(self) -> pd.DataFrame:
        """Every reminder sent or tried, oldest first."""
        return self._reminders.copy(deep=False)

    def issued_template(self, template_id: str) -> dict[str, Any] | None:
        """The record of the template `template_id` this store issued (ministry_code, fiscal_year, round_id,
        base_version, template_version, user_name, created_at), None when it issued no such template."""
        found = self._templates[self._templates["id"] == template_id]
        if found.empty:
            return None
        return {str(k): v for k, v in found.iloc[0].to_dict().items()}

    def structure_edits(self) -> pd.DataFrame:
        """Every edit of the strategies' structure, oldest first (`payload` as the JSON text stored)."""
        return self._structure_edits.copy(deep=False)

    def publications(self) -> pd.DataFrame:
        """Every publication of a fiscal year (the version it pinned, who, when), oldest first."""
        return self._publications.copy(deep=False)

    def as_published(self, pins: Mapping[int, int]) -> Snapshot:
        """What is public: each fiscal year in `pins` as of the version its publication pinned, years not in
        `pins` absent; what belongs to no fiscal year (KPI observations, structure edits, overrides, rounds)
        as of the newest pin. Reference tables, accounts and the publications themselves as now. The
        result's version is the newest pin (0 when nothing is published), and its `url` ends in "#published"
        so that no cache keyed by (url, version) mistakes it for the store's own state at that version.
        Each publication pins a version newer than every earlier pin, so (url, version) names one view."""
        newest = max(pins.values(), default=0)

        def by_year(df: pd.DataFrame, *, unbound: bool = False) -> pd.DataFrame:
            if df.empty:
                return df
            cut = df["fiscal_year"].map(lambda fy: pins.get(int(fy), -1) if pd.notna(fy) else newest)
            keep = df["change_id"] <= cut if unbound else df["fiscal_year"].notna() & (df["change_id"] <= cut)
            return df[keep].reset_index(drop=True)

        def upto(df: pd.DataFrame) -> pd.DataFrame:
            return df if df.empty else df[df["change_id"] <= newest].reset_index(drop=True)

        subs = by_year(self._submissions, unbound=True).copy()
        undone = set(subs.loc[subs["kind"] == "withdrawal", "withdraws_id"].dropna().astype(int))
        subs["outcome"] = ["withdrawn" if i in undone else "committed" for i in subs["id"]]
        outcome = subs.set_index("id")["outcome"]

        def versions(rows: pd.DataFrame) -> pd.DataFrame:
            rows = rows[rows["submission_id"].isin(outcome.index)].copy()
            rows["outcome"] = rows["submission_id"].map(outcome)
            return rows.reset_index(drop=True)

        kpi = self._kpi_history
        return Snapshot(
            version=newest,
            url=f"{self.url}#published",
            _tables=self._tables,
            _followup_versions=versions(by_year(self._followup_history)),
            _kpi_history=versions(kpi[kpi["change_id"] <= newest]),
            _submissions=subs,
            _overrides=upto(self._overrides),
            _assessments=by_year(self._assessments),
            _rounds=upto(self._rounds),
            _users=self._users,
            _structure_edits=upto(self._structure_edits),
            _review_events=by_year(self._review_events),
            _contacts=upto(self._contacts),
            _reminders=upto(self._reminders),
            _templates=self._templates.iloc[0:0],  # readers who are not logged in upload nothing
            _publications=self._publications,
        )

    def compare(self, change: ChangeSet) -> tuple[list[RowChange], list[RowChange]]:
        """What storing `change` would do to this state, row by row (follow-up, KPI): the comparison a
        commit makes, for the preview a ministry sees before it commits."""
        years = {r.get("fiscal_year") for r in change.followup}
        codes = {r.get("ministry_code") for r in change.followup}
        # A side the change writes nothing to has nothing to compare (a follow-up-only upload: no KPI).
        fu = self.current_rows(years, codes) if change.followup else {}
        kpi = _by_key(current_frame(self._kpi_history, KPI_KEY), KPI_KEY, change.kpi) if change.kpi else {}
        return (
            classify(change.followup, fu, FOLLOWUP_KEY, FOLLOWUP_VALUES),
            classify(change.kpi, kpi, KPI_KEY, KPI_VALUES),
        )

    def current_rows(
        self, fiscal_years: Iterable[Any], ministry_codes: Iterable[Any]
    ) -> dict[tuple[Any, ...], dict[str, Any]]:
        """The current follow-up rows of these fiscal years and ministries, by key, as `clean` makes them
        (memoised: an upload check asks for its ministry's year while the file is parsed, and compares
        with it after). Only the versions of those years and ministries are read: the current state of
        their keys is the same, and the store holds every year of every ministry."""
        years, codes = frozenset(fiscal_years), frozenset(ministry_codes)

        def build() -> dict[tuple[Any, ...], dict[str, Any]]:
            hist = self._followup_history
            hist = hist[hist["fiscal_year"].isin(years) & hist["ministry_code"].isin(codes)]
            return _by_key(current_frame(hist, FOLLOWUP_KEY), FOLLOWUP_KEY, None)

        return self.derive(("current-followup-rows", years, codes), build)

    def users(self) -> pd.DataFrame:
        """The accounts (no password hashes), by name. Accounts are settings, not reported data: a
        snapshot of an earlier version still lists today's accounts."""
        return self._users.copy(deep=False)


def handed_out(value: T) -> T:
    """What a memoised value is handed out as: frames as shallow copies (copy-on-write protects ours),
    lists, sets and dicts as new containers, so that no caller can change what the next one gets (also
    model.structure's facts shared across snapshots)."""
    if isinstance(value, pd.DataFrame | pd.Series):
        return value.copy(deep=False)  # type: ignore[return-value]
    if isinstance(value, list | set | dict):
        return type(value)(value)
    return value


def per_snapshot(fn: Callable[Concatenate[Snapshot, P], T]) -> Callable[Concatenate[Snapshot, P], T]:
    """Memoise a pure function of a snapshot (and hashable arguments) on that snapshot: the fact is
    computed once per snapshot, however many pages, charts and exports ask for it."""

    @functools.wraps(fn)
    def wrapper(snap: Snapshot, /, *args: P.args, **kwargs: P.kwargs) -> T:
        key = (fn.__module__, fn.__qualname__, args, tuple(sorted(kwargs.items())))
        return snap.derive(key, lambda: fn(snap, *args, **kwargs))

    return wrapper


def current_frame(history: pd.DataFrame, key: tuple[str, ...]) -> pd.DataFrame:
    """Newest version per key, deletions dropped, in key order, with who submitted it and when."""
    newest = history.drop_duplicates(list(key), keep="last")  # history is in id order
    newest = newest[~newest["deleted"].astype(bool)]
    cols = [c for c in history.columns if c not in {"change_id", "file_name", "outcome"}]
    return newest.sort_values(list(key), kind="stable")[cols].reset_index(drop=True)


def _by_key(
    df: pd.DataFrame, key: tuple[str, ...], rows: list[dict[str, Any]] | None
) -> dict[tuple[Any, ...], dict[str, Any]]:
    """The current rows of the keys `rows` name (None: of every key in `df`), by key. Read column by
    column (DataFrame.to_dict was most of an upload check at ten years of follow-up)."""
    wanted = None if rows is None else {tuple(clean(r.get(c)) for c in key) for r in rows}
    names = [str(c) for c in df.columns]
    columns = [_cleaned(df[c]) for c in df.columns]
    at = [names.index(c) for c in key]
    keys = zip(*(columns[i] for i in at), strict=True)
    return {
        k: dict(zip(names, values, strict=True))
        for k, values in zip(keys, zip(*columns, strict=True), strict=True)
        if wanted is None or k in wanted
    }


def _cleaned(column: pd.Series) -> list[Any]:
    """A column's values as `clean` makes them. NumPy integers and flags, and texts without NA, are what it
    returns already (most columns): `clean` is called only on the others, not 20,000 times per upload
    check."""
    values = column.tolist()
    dtype = column.dtype
    if (isinstance(dtype, np.dtype) and dtype.kind in "iub") or (
        isinstance(dtype, pd.StringDtype) and not column.hasnans
    ):
        return values
    return [clean(v) for v in values]


def _fix_datetimes(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    """SQLite returns timestamps as text: convert at the store boundary, always to UTC."""
    for col in cols or ("created_at",):
        if col in df:
            df[col] = pd.to_datetime(df[col], utc=True, format="mixed")
    return df


def _read_plain(conn: sa.Connection, query: sa.Select[Any], columns: list[str]) -> pd.DataFrame:
    """Rows of a query whose columns are text, integers and flags, read through the driver's own cursor in
    the same transaction: the ten years of follow-up text are most of a snapshot, and SQLAlchemy's result
    rows (which convert no type here) took longer than the read itself."""
    sql = query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(sql))
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return pd.DataFrame(rows, columns=columns)


def load_snapshot(conn: sa.Connection, version: int, url: str, *, followup: bool = True) -> Snapshot:
    """Read everything written by changes ≤ `version` on `conn` (one read transaction). `followup=False`
    leaves the follow-up entries out (most of a large store: ten years of text), for a reader that needs
    none, such as the KPI table; asking such a snapshot for them raises."""
    tables = {name: pd.read_sql(sa.select(t), conn) for name, t in reference.items()}
    s = submissions
    visible = s.c.change_id <= version
    subs = _fix_datetimes(pd.read_sql(sa.select(s).where(visible).order_by(s.c.id), conn))
    # A withdrawal marks the submission it undid; at an earlier version that submission still stood.
    undone = set(subs.loc[subs["kind"] == "withdrawal", "withdraws_id"].dropna().astype(int))
    subs["outcome"] = ["withdrawn" if i in undone else "committed" for i in subs["id"]]
    outcome = subs.set_index("id")["outcome"]

    by_id = subs.set_index("id")

    def versions(table: sa.Table) -> pd.DataFrame:
        # The submission's columns are mapped from `subs` (read and converted once) rather than joined onto
        # every version row: at ten years of follow-up that is most of what a snapshot takes to load.
        query = sa.select(table).join(s, s.c.id == table.c.submission_id).where(visible).order_by(table.c.id)
        if table is followup_versions:
            df = _read_plain(conn, query, [c.name for c in table.columns])
        else:
            df = pd.read_sql(query, conn)
        ids = df["submission_id"]
        df["submission_kind"] = ids.map(by_id["kind"])
        for col in ("user_name", "created_at", "file_name", "change_id"):
            df[col] = ids.map(by_id[col])
        df["deleted"] = df["deleted"].astype(bool)
        df["outcome"] = ids.map(outcome)
        return df

    def appended(table: sa.Table, *cols: str) -> pd.DataFrame:
        query = sa.select(table).where(table.c.change_id <= version).order_by(table.c.id)
        return _fix_datetimes(pd.read_sql(query, conn), *cols)

    user_cols = [users.c.name, users.c.role, users.c.ministry_code, users.c.disabled, users.c.created_at]
    user_frame = _fix_datetimes(pd.read_sql(sa.select(*user_cols).order_by(users.c.name), conn))
    user_frame["disabled"] = user_frame["disabled"].astype(bool)
    return Snapshot(
        version=version,
        url=url,
        _tables=tables,
        _followup_versions=versions(followup_versions) if followup else None,
        _kpi_history=versions(kpi_versions),
        _submissions=subs,
        _overrides=appended(status_overrides),
        _assessments=appended(assessments),
        _rounds=appended(round_events),
        _users=user_frame,
        _structure_edits=appended(structure_edits),
        _review_events=appended(review_events),
        _publications=appended(publications),
        _contacts=appended(ministry_contacts),
        _reminders=appended(reminders),
        _templates=appended(issued_templates),
    )


def require_version(version: int) -> None:
    if version <= 0:
        raise AppError("err.not_initialised")
