"""Who reports what: the numeric KPIs each ministry owns (rows: model.strategy, re-exported here)."""

from __future__ import annotations

import pandas as pd

from model import strategy
from model.store import Snapshot, per_snapshot
from model.strategy import owned_action_ids
from model.strategy import owners as action_owners

__all__ = ["DEFAULT_KPI_OWNER", "goal_owners", "owned_action_ids", "owned_goals"]

# Goals that name neither an area nor an action (the 2030 headline targets, seed 004's milestones and the
# tracked indicators) are the strategy's as a whole: the Cabinet Office's science secretariat reports them.
DEFAULT_KPI_OWNER = "CSTI"


@per_snapshot
def goal_owners(snap: Snapshot) -> pd.DataFrame:
    """goal_id × ministry_code for numeric goals: the owners of the related action, else of the area."""
    actions = strategy.actions(snap)  # the seed's and those the secretariat added
    goals = strategy.goals(snap)
    goals = goals[goals["unit"] != "text"]
    owners = action_owners(snap)
    area_of = dict(zip(actions["action_id"].tolist(), actions["area_id"].tolist(), strict=True))
    by_action: dict[str, set[str]] = {}
    by_area: dict[str, set[str]] = {}
    for action_id, code in zip(owners["action_id"].tolist(), owners["ministry_code"].tolist(), strict=True):
        by_action.setdefault(action_id, set()).add(code)
        by_area.setdefault(area_of[action_id], set()).add(code)
    rows = []
    for goal_id, related, area in zip(goals["id"], goals["related_action"], goals["area"], strict=True):
        if isinstance(related, str) and related in by_action:
            codes = by_action[related]
        elif isinstance(area, str) and area in by_area:
            codes = by_area[area]
        else:
            codes = {DEFAULT_KPI_OWNER}
        rows += [{"goal_id": goal_id, "ministry_code": c} for c in sorted(codes)]
    return pd.DataFrame(rows, columns=["goal_id", "ministry_code"])


def owned_goals(snap: Snapshot, ministry_code: str) -> pd.DataFrame:
    """The numeric goals whose values `ministry_code` reports, in goals.csv order."""
    goals = strategy.goals(snap)
    owners = goal_owners(snap)
    ids = set(owners.loc[owners["ministry_code"] == ministry_code, "goal_id"])
    return goals[goals["id"].isin(ids)].reset_index(drop=True)
