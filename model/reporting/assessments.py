"""The secretariat's own assessment of a follow-up entry, kept apart from the status the ministry reported."""

from __future__ import annotations

import pandas as pd

from model.auth import User, require_secretariat
from model.errors import AppError
from model.schemas import FOLLOWUP_STATUSES
from model.store import Snapshot, Store, per_snapshot
from model.text import checked_text

ASSESSMENT_KEY = ["action_id", "fiscal_year", "ministry_code"]


def assess(
    store: Store,
    user: User,
    *,
    action_id: str,
    fiscal_year: int,
    ministry_code: str,
    status: str | None,
    comment: str | None,
) -> int:
    """Record the secretariat's status and comment for one entry (a new row; the newest counts); the store
    version it made."""
    require_secretariat(user)
    if status is not None and status not in FOLLOWUP_STATUSES:
        raise AppError("err.assess.bad_status", value=status, allowed="／".join(FOLLOWUP_STATUSES))
    text = checked_text(comment or "", "field.comment")
    with store.transaction(user, "assessment") as tx:
        entries = tx.snapshot().followup(fiscal_year)
        hit = entries[(entries["action_id"] == action_id) & (entries["ministry_code"] == ministry_code)]
        if hit.empty:
            raise AppError("err.assess.no_entry", fy=fiscal_year, action=action_id, ministry=ministry_code)
        tx.record_assessment(action_id, fiscal_year, ministry_code, status, text or None)
        return tx.version


@per_snapshot
def current_assessments(snap: Snapshot, fiscal_year: int | None = None) -> pd.DataFrame:
    """The newest assessment per entry."""
    df = snap.assessments().drop(columns=["change_id"])
    df = df.drop_duplicates(ASSESSMENT_KEY, keep="last")  # oldest first: the last one is the newest
    if fiscal_year is not None:
        df = df[df["fiscal_year"] == fiscal_year]
    return df.sort_values(["action_id", "ministry_code"], kind="stable").reset_index(drop=True)


def followup_with_assessments(snap: Snapshot, fiscal_year: int) -> pd.DataFrame:
    """Entries of a year with the reported status and, beside it, the secretariat's."""
    entries = snap.followup(fiscal_year)
    ours = current_assessments(snap, fiscal_year)[
        ["action_id", "ministry_code", "status", "comment", "user_name"]
    ].rename(columns={"status": "assessed_status", "comment": "assessed_comment", "user_name": "assessed_by"})
    return entries.merge(ours, on=["action_id", "ministry_code"], how="left")
