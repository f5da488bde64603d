"""The secretariat's own assessment of a follow-up entry, kept apart from the status the ministry reported."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import sqlalchemy as sa

from model.auth import User, ensure_tables, require_secretariat
from model.errors import AppError
from model.schemas import FOLLOWUP_STATUSES
from model.store import Store
from model.store._tables import assessments


def assess(
    store: Store,
    user: User,
    *,
    action_id: str,
    fiscal_year: int,
    ministry_code: str,
    status: str | None,
    comment: str | None,
) -> None:
    """Record the secretariat's status and comment for one entry (a new row; the newest counts)."""
    require_secretariat(user)
    ensure_tables(store)
    if status is not None and status not in FOLLOWUP_STATUSES:
        raise AppError("err.assess.bad_status", value=status, allowed="／".join(FOLLOWUP_STATUSES))
    entries = store.followup(fiscal_year)
    hit = entries[(entries["action_id"] == action_id) & (entries["ministry_code"] == ministry_code)]
    if hit.empty:
        raise AppError("err.assess.no_entry", fy=fiscal_year, action=action_id, ministry=ministry_code)
    with store.write() as conn:
        conn.execute(
            assessments.insert(),
            {
                "action_id": action_id,
                "fiscal_year": fiscal_year,
                "ministry_code": ministry_code,
                "status": status,
                "comment": (comment or "").strip() or None,
                "user_name": user.name,
                "created_at": dt.datetime.now(dt.UTC),
            },
        )


def current_assessments(store: Store, fiscal_year: int | None = None) -> pd.DataFrame:
    """The newest assessment per entry."""
    ensure_tables(store)
    a = assessments
    newest = sa.select(sa.func.max(a.c.id)).group_by(a.c.action_id, a.c.fiscal_year, a.c.ministry_code)
    query = sa.select(a).where(a.c.id.in_(newest)).order_by(a.c.action_id, a.c.ministry_code)
    if fiscal_year is not None:
        query = query.where(a.c.fiscal_year == fiscal_year)
    with store.read() as conn:
        df = pd.read_sql(query, conn)
    df["created_at"] = pd.to_datetime(df["created_at"], utc=True, format="mixed")
    return df


def followup_with_assessments(store: Store, fiscal_year: int) -> pd.DataFrame:
    """Entries of a year with the reported status and, beside it, the secretariat's."""
    entries = store.followup(fiscal_year)
    ours = current_assessments(store, fiscal_year)[
        ["action_id", "ministry_code", "status", "comment", "user_name"]
    ].rename(columns={"status": "assessed_status", "comment": "assessed_comment", "user_name": "assessed_by"})
    return entries.merge(ours, on=["action_id", "ministry_code"], how="left")
