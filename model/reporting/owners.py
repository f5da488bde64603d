"""Who reports what: the follow-up rows and the numeric KPIs each ministry owns."""

from __future__ import annotations

import pandas as pd

from model.ministries import MinistryRegistry
from model.store import Store
from model.strategy import registry, reportable

# Goals that name neither an area nor an action (the 2030 headline targets, seed 004's milestones and the
# tracked indicators) are the strategy's as a whole: the Cabinet Office's science secretariat reports them.
DEFAULT_KPI_OWNER = "CSTI"


def owners_table(
    store: Store, actions: pd.DataFrame | None = None, ministries: MinistryRegistry | None = None
) -> pd.DataFrame:
    """action_id × ministry_code for every action (sub rows inherit their parent's tag).

    Same result as model.strategy.action_owners, with each distinct tag parsed once: an upload is
    checked against thousands of rows and this runs on every check.
    """
    actions = store.table("actions") if actions is None else actions
    ministries = registry(store) if ministries is None else ministries
    # Plain lists: iterating pandas' Arrow-backed string columns element by element is slow.
    action_ids = actions["action_id"].tolist()
    tags = dict(zip(action_ids, actions["ministries_tag"].tolist(), strict=True))
    parsed: dict[str, list[str]] = {}
    ids, codes = [], []
    for action_id, parent, tag in zip(
        action_ids, actions["parent_id"].tolist(), actions["ministries_tag"].tolist(), strict=True
    ):
        text = str(tags[parent] if isinstance(parent, str) else tag)
        if text not in parsed:
            parsed[text] = [m.code for m in ministries.parse_tags(text)]
        for code in parsed[text]:
            ids.append(action_id)
            codes.append(code)
    return pd.DataFrame({"action_id": ids, "ministry_code": codes})


def owned_action_ids(
    store: Store,
    ministry_code: str,
    actions: pd.DataFrame | None = None,
    ministries: MinistryRegistry | None = None,
) -> set[str]:
    """The reportable rows `ministry_code` co-owns."""
    actions = store.table("actions") if actions is None else actions
    owners = owners_table(store, actions, ministries)
    ids = set(owners.loc[owners["ministry_code"] == ministry_code, "action_id"].tolist())
    return ids & set(reportable(actions)["action_id"].tolist())


def goal_owners(
    store: Store, actions: pd.DataFrame | None = None, ministries: MinistryRegistry | None = None
) -> pd.DataFrame:
    """goal_id × ministry_code for numeric goals: the owners of the related action, else of the area."""
    actions = store.table("actions") if actions is None else actions
    goals = store.table("goals")
    goals = goals[goals["unit"] != "text"]
    owners = owners_table(store, actions, ministries)
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


def owned_goals(store: Store, ministry_code: str) -> pd.DataFrame:
    """The numeric goals whose values `ministry_code` reports, in goals.csv order."""
    goals = store.table("goals")
    owners = goal_owners(store)
    ids = set(owners.loc[owners["ministry_code"] == ministry_code, "goal_id"])
    return goals[goals["id"].isin(ids)].reset_index(drop=True)
