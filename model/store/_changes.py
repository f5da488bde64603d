"""Change sets and how they compare with the current state: the one diff that previews and commits share."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pandas as pd
import sqlalchemy as sa

from model.store._tables import submissions


@dataclass
class ChangeSet:
    """What one submission wants the store to hold: whole rows, keyed, compared with the current state."""

    kind: str  # seed | upload | withdrawal | manual
    user_name: str
    ministry_code: str | None = None
    fiscal_year: int | None = None
    file_name: str | None = None
    file_name_raw: bytes | None = None  # the file's name as sent; `file_name` is its display name
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


def _same(a: Any, b: Any) -> bool:
    if a is b or (type(a) is str and type(b) is str):  # the common cases first: texts, a value kept as is
        return a is b or a == b
    na_a = a is None or (isinstance(a, float) and math.isnan(a))
    na_b = b is None or (isinstance(b, float) and math.isnan(b))
    if na_a or na_b:
        return na_a and na_b
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=0.0)
    return bool(a == b)


def clean(value: Any) -> Any:
    """pandas NA/NaN to None, numpy scalars to Python, for the database driver."""
    if value is None or isinstance(value, str | int):  # the common cases first: pd.isna is slow on scalars
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") else value


class RowChange(NamedTuple):
    """One incoming row compared with the current state: what a preview shows and a commit appends (a
    named tuple: an upload check makes one per row, a frozen dataclass cost five times as much)."""

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
    columns = (*key, *values)
    out = []
    for r in rows:
        record = {c: clean(r.get(c)) for c in columns}
        deleted = record["deleted"] = bool(r.get("deleted", False))
        old = current.get(tuple(record[c] for c in key))
        live = old if old is not None and not old["deleted"] else None
        if live is None:
            change = "absent" if deleted else "added"
        elif not deleted and all(_same(live[c], record[c]) for c in values):
            change = "unchanged"
        else:
            change = "changed"
        out.append(RowChange(record, live, change))
    return out


def diff_rows(
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


def tombstones(
    rows: list[dict[str, Any]],
    current: dict[tuple[Any, ...], dict[str, Any]],
    key: tuple[str, ...],
    values: tuple[str, ...],
) -> list[dict[str, Any]]:
    """Deletion versions for seeded keys that `rows` no longer contains (seed rows removed from data/)."""
    wanted = {tuple(clean(r[c]) for c in key) for r in rows}
    out = []
    for k, old in current.items():
        if k in wanted or old["deleted"] or old["_kind"] != "seed":
            continue
        out.append({**{c: old[c] for c in (*key, *values)}, "deleted": True})
    return out


def current_rows(
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
