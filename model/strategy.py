"""The strategies and who owns what: the one place ownership is defined.

An action's owners are the ministries its 【…】 tag names; sub rows (ⅰ–ⅳ, ①–③) have no tag of their own and
inherit their parent's; the secretariat's `owners.set` edits (model/structure.py) name others from a fiscal
year on. A ministry reports on the reportable rows in force that it co-owns (23 in seed 002). Every function
takes the fiscal year whose structure it means; None means the structure as it stands now.
"""

from __future__ import annotations

import pandas as pd

from model.ministries import MinistryRegistry
from model.store import Snapshot
from model.structure import Timeline, per_structure, state


@per_structure
def registry(tl: Timeline) -> MinistryRegistry:
    """Every ministry: the seed's and those the secretariat added."""
    return state(tl).registry


@per_structure
def strategies(tl: Timeline) -> pd.DataFrame:
    """The strategies followed up, oldest first."""
    return tl.tables["strategies"].sort_values("date").reset_index(drop=True)


def actions(source: Snapshot | Timeline, fiscal_year: int | None = None) -> pd.DataFrame:
    """Every action known in `fiscal_year` (in force or not: see `in_force`), in the strategies' order."""
    return state(source, fiscal_year).actions.copy(deep=False)


def reportable(actions: pd.DataFrame) -> pd.DataFrame:
    """The rows a follow-up entry is written for (23 in seed 002), among those in force."""
    keep = actions["reportable"].astype(bool)
    if "in_force" in actions:
        keep &= actions["in_force"].astype(bool)
    return actions[keep].reset_index(drop=True)


@per_structure
def owners(tl: Timeline, fiscal_year: int | None = None) -> pd.DataFrame:
    """One row per action in force × owning ministry (`tagged`: False for a sub row, which inherits)."""
    acts = actions(tl, fiscal_year)
    acts = acts[acts["in_force"]]
    rows = [
        (action_id, code, not isinstance(parent, str))
        for action_id, parent, codes in zip(
            acts["action_id"].tolist(), acts["parent_id"].tolist(), acts["owner_codes"].tolist(), strict=True
        )
        for code in codes
    ]
    return pd.DataFrame(rows, columns=["action_id", "ministry_code", "tagged"])


@per_structure
def owned_action_ids(tl: Timeline, ministry_code: str, fiscal_year: int | None = None) -> set[str]:
    """The reportable rows in force in `fiscal_year` that `ministry_code` co-owns."""
    own = owners(tl, fiscal_year)
    ids = set(own.loc[own["ministry_code"] == ministry_code, "action_id"].tolist())
    return ids & set(reportable(actions(tl, fiscal_year))["action_id"].tolist())


def owner_tag(snap: Snapshot, codes: tuple[str, ...] | list[str]) -> str | None:
    """The 【…】 text for a list of owners ("科技、総、文、経"); None when there is none."""
    reg = registry(snap)
    return "、".join(reg.get(c).tag for c in codes) or None


# Goals that name neither an area nor an action (the 2030 headline targets, seed 004's milestones and the
# tracked indicators) are the strategy's as a whole: the Cabinet Office's science secretariat reports them.
DEFAULT_KPI_OWNER = "CSTI"


@per_structure
def goal_owners(tl: Timeline) -> pd.DataFrame:
    """goal_id × ministry_code for numeric goals: the owners of the related action, else of the area."""
    acts = actions(tl)  # the seed's and those the secretariat added
    numeric = goals(tl)
    numeric = numeric[numeric["unit"] != "text"]
    own = owners(tl)
    area_of = dict(zip(acts["action_id"].tolist(), acts["area_id"].tolist(), strict=True))
    by_action: dict[str, set[str]] = {}
    by_area: dict[str, set[str]] = {}
    for action_id, code in zip(own["action_id"].tolist(), own["ministry_code"].tolist(), strict=True):
        by_action.setdefault(action_id, set()).add(code)
        by_area.setdefault(area_of[action_id], set()).add(code)
    rows = []
    for goal_id, related, area in zip(numeric["id"], numeric["related_action"], numeric["area"], strict=True):
        if isinstance(related, str) and related in by_action:
            codes = by_action[related]
        elif isinstance(area, str) and area in by_area:
            codes = by_area[area]
        else:
            codes = {DEFAULT_KPI_OWNER}
        rows += [{"goal_id": goal_id, "ministry_code": c} for c in sorted(codes)]
    return pd.DataFrame(rows, columns=["goal_id", "ministry_code"])


@per_structure
def owned_goals(tl: Timeline, ministry_code: str) -> pd.DataFrame:
    """The numeric goals whose values `ministry_code` reports, in goals.csv order."""
    every = goals(tl)
    own = goal_owners(tl)
    ids = set(own.loc[own["ministry_code"] == ministry_code, "goal_id"])
    return every[every["id"].isin(ids)].reset_index(drop=True)


def goals(source: Snapshot | Timeline) -> pd.DataFrame:
    """Every goal: the seed's and those the secretariat added."""
    return state(source).goals.copy(deep=False)


def links(source: Snapshot | Timeline) -> pd.DataFrame:
    """The crosswalk between actions of different strategies (action_id, related_id, relation)."""
    return state(source).links.copy(deep=False)
