"""Who reports what: the follow-up rows and the numeric KPIs each ministry owns."""

from __future__ import annotations

import pandas as pd

from model.store import Store
from model.strategy import action_owners, registry, reportable

# Goals that name neither an area nor an action (the 2030 headline targets, seed 004's milestones and the
# tracked indicators) are the strategy's as a whole: the Cabinet Office's science secretariat reports them.
DEFAULT_KPI_OWNER = "CSTI"


def owners_table(store: Store) -> pd.DataFrame:
    """action_id × ministry_code for every action (sub rows inherit their parent's tag)."""
    return action_owners(store.table("actions"), registry(store))


def owned_action_ids(store: Store, ministry_code: str) -> set[str]:
    """The reportable rows `ministry_code` co-owns."""
    actions = store.table("actions")
    owners = action_owners(actions, registry(store))
    ids = set(owners.loc[owners["ministry_code"] == ministry_code, "action_id"])
    return ids & set(reportable(actions)["action_id"])


def goal_owners(store: Store) -> pd.DataFrame:
    """goal_id × ministry_code for numeric goals: the owners of the related action, else of the area."""
    goals = store.table("goals")
    goals = goals[goals["unit"] != "text"]
    owners = owners_table(store)
    actions = store.table("actions")[["action_id", "area_id"]]
    by_area = (
        owners.merge(actions, on="action_id")
        .groupby("area_id")["ministry_code"]
        .agg(lambda s: sorted(set(s)))
    )
    by_action = owners.groupby("action_id")["ministry_code"].agg(lambda s: sorted(set(s)))
    rows = []
    for g in goals.itertuples(index=False):
        related = g.related_action if isinstance(g.related_action, str) else None
        area = g.area if isinstance(g.area, str) else None
        if related and related in by_action:
            codes = by_action[related]
        elif area and area in by_area:
            codes = by_area[area]
        else:
            codes = [DEFAULT_KPI_OWNER]
        rows += [{"goal_id": g.id, "ministry_code": c} for c in codes]
    return pd.DataFrame(rows, columns=["goal_id", "ministry_code"])


def owned_goals(store: Store, ministry_code: str) -> pd.DataFrame:
    """The numeric goals whose values `ministry_code` reports, in goals.csv order."""
    goals = store.table("goals")
    owners = goal_owners(store)
    ids = set(owners.loc[owners["ministry_code"] == ministry_code, "goal_id"])
    return goals[goals["id"].isin(ids)].reset_index(drop=True)
