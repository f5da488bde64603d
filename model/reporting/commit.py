"""Commit a validated upload, withdraw a submission, read the history.

A commit re-checks the round and the stale-template rule inside the same write transaction that stores
the rows, so two uploads cannot race past each other; it is one submission record with the original file.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import sqlalchemy as sa

from model.auth import User, require_write
from model.errors import AppError
from model.messages import t
from model.report import Problem
from model.reporting.upload import Upload, check_upload, round_problems, stale_problems
from model.store import ChangeSet, Store
from model.store._store import Outcome
from model.store._tables import (
    FOLLOWUP_KEY,
    FOLLOWUP_VALUES,
    KPI_KEY,
    KPI_VALUES,
    followup_versions,
    kpi_versions,
    submissions,
)


class UploadRejected(AppError):
    """A commit refused with the full problem list; nothing was stored."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("up.rejected", n=len(problems))


def commit_upload(store: Store, up: Upload, user: User) -> Outcome:
    """Store a validated upload as one submission; raises UploadRejected (nothing stored) otherwise."""
    require_write(user, up.ministry_code)
    if not up.ok:
        raise UploadRejected(up.problems)
    change = up.change_set(user.name)
    with store.write() as conn:
        # Checked again under the write lock: the round may have closed, another upload may have landed.
        problems = round_problems(conn, up) + stale_problems(conn, up)
        if problems:
            raise UploadRejected(problems)
        return store.apply(conn, change)


def submit_file(
    store: Store,
    data: bytes,
    file_name: str,
    ministry: str,
    user: User,
    *,
    fiscal_year: int | None = None,
    lang: str = "ja",
) -> tuple[Upload, Outcome | None]:
    """Validate and commit in one call (the command line's `submit`); the outcome is None when rejected."""
    up = check_upload(store, data, file_name, ministry, fiscal_year=fiscal_year, lang=lang)
    require_write(user, up.ministry_code)
    if not up.ok:
        return up, None
    try:
        return up, commit_upload(store, up, user)
    except UploadRejected as rejected:
        up.problems = rejected.problems
        up.preview = None
        return up, None


# --- withdrawal -----------------------------------------------------------------------------------------
def withdraw(store: Store, submission_id: int, user: User, note: str | None = None) -> Outcome:
    """Undo a submission: append versions restoring what was there before it, recorded as a withdrawal."""
    store.require_initialised()
    with store.write() as conn:
        sub = conn.execute(sa.select(submissions).where(submissions.c.id == submission_id)).mappings().first()
        if sub is None:
            raise AppError("err.withdraw.unknown", id=submission_id)
        if sub["kind"] != "upload":
            raise AppError("err.withdraw.not_upload", id=submission_id)
        if sub["outcome"] == "withdrawn":
            raise AppError("err.withdraw.already", id=submission_id)
        require_write(user, str(sub["ministry_code"]))
        fu = _restore(conn, followup_versions, FOLLOWUP_KEY, FOLLOWUP_VALUES, submission_id)
        kpi = _restore(conn, kpi_versions, KPI_KEY, KPI_VALUES, submission_id)
        change = ChangeSet(
            kind="withdrawal",
            user_name=user.name,
            ministry_code=sub["ministry_code"],
            fiscal_year=sub["fiscal_year"],
            withdraws_id=submission_id,
            note=note,
            followup=fu,
            kpi=kpi,
        )
        outcome = store.apply(conn, change)
        conn.execute(
            submissions.update().where(submissions.c.id == submission_id).values(outcome="withdrawn")
        )
        return outcome


def _restore(
    conn: sa.Connection, table: sa.Table, key: tuple[str, ...], values: tuple[str, ...], submission_id: int
) -> list[dict[str, Any]]:
    """For every key the submission wrote: the version before it (or a deletion when there was none)."""
    mine = conn.execute(sa.select(table).where(table.c.submission_id == submission_id)).mappings().all()
    out = []
    for row in mine:
        where = [table.c[k] == row[k] for k in key]
        # A later upload blocks; one already withdrawn (and the withdrawal that undid it) does not.
        later = conn.execute(
            sa.select(sa.func.min(table.c.submission_id))
            .join(submissions, submissions.c.id == table.c.submission_id)
            .where(
                *where,
                table.c.id > row["id"],
                submissions.c.kind != "withdrawal",
                submissions.c.outcome != "withdrawn",
            )
        ).scalar()
        if later is not None:
            raise AppError("err.withdraw.later", id=submission_id, later=int(later))
        before = (
            conn.execute(sa.select(table).where(*where, table.c.id < row["id"]).order_by(table.c.id.desc()))
            .mappings()
            .first()
        )
        restored = {k: row[k] for k in key}
        if before is None:
            restored.update({v: row[v] for v in values}, deleted=True)
        else:
            restored.update({v: before[v] for v in values}, deleted=bool(before["deleted"]))
        out.append(restored)
    return out


# --- history --------------------------------------------------------------------------------------------
def submission_history(store: Store, ministry_code: str | None = None) -> pd.DataFrame:
    """Uploads and withdrawals, newest first (optionally one ministry's)."""
    subs = store.submissions()
    subs = subs[subs["kind"].isin(["upload", "withdrawal"])]
    if ministry_code is not None:
        subs = subs[subs["ministry_code"] == ministry_code]
    return subs.sort_values("id", ascending=False).reset_index(drop=True)


def row_history(
    store: Store, action_id: str, fiscal_year: int | None = None, ministry_code: str | None = None
) -> pd.DataFrame:
    """Every version of one row (all ministries and years unless narrowed), oldest first."""
    return store.history(
        "followup", action_id=action_id, fiscal_year=fiscal_year, ministry_code=ministry_code
    )


def committed_message(outcome: Outcome, lang: str) -> str:
    return t(
        "up.committed",
        lang,
        id=outcome.submission_id,
        added=outcome.added,
        changed=outcome.changed,
        unchanged=outcome.unchanged,
    )
