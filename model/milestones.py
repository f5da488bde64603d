"""Dated milestones and their status as of a date: done / overdue / due / no date.

A milestone is a goal of kind `milestone`. It is *done* when `milestones_status` records an achieved date
on or before the as-of date (the seeds state it happened); otherwise *overdue* when its deadline has
passed, *due* when the deadline is still ahead, and *no date* when the text gives none.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from model import strategy
from model.goals import target_date
from model.store import Snapshot, per_snapshot

MILESTONE_STATUSES = ("done", "overdue", "due", "no_date")

MILESTONE_COLUMNS = [
    "goal_id",
    "title_ja",
    "title_en",
    "pillar",
    "area",
    "deadline",
    "deadline_text_ja",
    "achieved_date",
    "evidence_ja",
    "evidence_source",
    "status",
    "related_action",
    "source",
]


def milestone_status(deadline: dt.date | None, achieved: dt.date | None, as_of: dt.date) -> str:
    """The status of one milestone as of a date."""
    if achieved is not None and achieved <= as_of:
        return "done"
    if deadline is None:
        return "no_date"
    return "overdue" if deadline < as_of else "due"


def _date_or_none(value: object) -> dt.date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]
        return None
    return dt.date.fromisoformat(str(value)[:10])


@per_snapshot
def milestones_table(snap: Snapshot, as_of: dt.date | None = None) -> pd.DataFrame:
    """One row per milestone with its deadline, achieved date, evidence and status, by deadline."""
    as_of = as_of or dt.date.today()
    goals = strategy.goals(snap)
    goals = goals[goals["kind"] == "milestone"]
    done = snap.table("milestones_status").set_index("goal_id")
    rows = []
    for _, g in goals.iterrows():
        deadline = target_date(g)
        found = done.loc[g["id"]] if g["id"] in done.index else None
        achieved = None if found is None else _date_or_none(found["achieved_date"])
        rows.append(
            {
                "goal_id": g["id"],
                "title_ja": g["title_ja"],
                "title_en": g["title_en"],
                "pillar": None if pd.isna(g["pillar"]) else int(g["pillar"]),
                "area": None if pd.isna(g["area"]) else str(g["area"]),
                "deadline": deadline,
                "deadline_text_ja": None if pd.isna(g["target_text_ja"]) else str(g["target_text_ja"]),
                "achieved_date": achieved,
                "evidence_ja": None if found is None else found["evidence_ja"],
                "evidence_source": None if found is None else found["evidence_source"],
                "status": milestone_status(deadline, achieved, as_of),
                "related_action": None if pd.isna(g["related_action"]) else str(g["related_action"]),
                "source": g["source"],
            }
        )
    table = pd.DataFrame(rows, columns=MILESTONE_COLUMNS)
    order = table["deadline"].map(lambda d: d or dt.date.max)
    return table.assign(_o=order).sort_values(["_o", "goal_id"]).drop(columns="_o").reset_index(drop=True)


def filter_milestones(
    table: pd.DataFrame,
    *,
    statuses: list[str] | None = None,
    pillar: int | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> pd.DataFrame:
    """Milestones by status (None: any; an empty list: none), pillar and deadline year range
    (milestones with no date pass a year filter)."""
    out = table
    if statuses is not None:
        out = out[out["status"].isin(statuses)]
    if pillar is not None:
        out = out[out["pillar"] == pillar]
    years = out["deadline"].map(lambda d: d.year if d else None)
    keep = pd.Series(True, index=out.index, dtype=bool)
    if year_from is not None:
        keep &= years.map(lambda y: y is None or y >= year_from).astype(bool)
    if year_to is not None:
        keep &= years.map(lambda y: y is None or y <= year_to).astype(bool)
    out = out.loc[keep]
    return out.reset_index(drop=True)


def status_counts(table: pd.DataFrame) -> dict[str, int]:
    return {s: int((table["status"] == s).sum()) for s in MILESTONE_STATUSES}
