"""The strategies and who owns what: the one place ownership is defined.

An action's owners are the ministries its 【…】 tag names; sub rows (ⅰ–ⅳ, ①–③) have no tag of their own and
inherit their parent's; the secretariat's `owners.set` edits (model/structure.py) name others from a fiscal
year on. A ministry reports on the reportable rows in force that it co-owns (23 in seed 002). Every function
takes the fiscal year whose structure it means; None means the structure as it stands now.
"""

from __future__ import annotations

import pandas as pd

from model.ministries import MinistryRegistry
from model.store import Snapshot, per_snapshot
from model.structure import state


@per_snapshot
def registry(snap: Snapshot) -> MinistryRegistry:
    """Every ministry: the seed's and those the secretariat added."""
    return state(snap).registry


@per_snapshot
def strategies(snap: Snapshot) -> pd.DataFrame:
    """The strategies followed up, oldest first."""
    return snap.table("strategies").sort_values("date").reset_index(drop=True)


@per_snapshot
def actions(snap: Snapshot, fiscal_year: int | None = None) -> pd.DataFrame:
    """Every action known in `fiscal_year` (in force or not: see `in_force`), in the strategies' order."""
    # state(snap) for now, as registry and goals ask: state(snap, None) would be memoised apart and built
    # a second time from a fresh snapshot.
    now = fiscal_year is None
    return (state(snap) if now else state(snap, fiscal_year)).actions.copy(deep=False)


def reportable(actions: pd.DataFrame) -> pd.DataFrame:
    """The rows a follow-up entry is written for (23 in seed 002), among those in force."""
    keep = actions["reportable"].astype(bool)
    if "in_force" in actions:
        keep &= actions["in_force"].astype(bool)
    return actions[keep].reset_index(drop=True)


@per_snapshot
def owners(snap: Snapshot, fiscal_year: int | None = None) -> pd.DataFrame:
    """One row per action in force × owning ministry (`tagged`: False for a sub row, which inherits)."""
    acts = actions(snap, fiscal_year)
    acts = acts[acts["in_force"]]
    rows = [
        (action_id, code, not isinstance(parent, str))
        for action_id, parent, codes in zip(
            acts["action_id"].tolist(), acts["parent_id"].tolist(), acts["owner_codes"].tolist(), strict=True
        )
        for code in codes
    ]
    return pd.DataFrame(rows, columns=["action_id", "ministry_code", "tagged"])


@per_snapshot
def owned_action_ids(snap: Snapshot, ministry_code: str, fiscal_year: int | None = None) -> set[str]:
    """The reportable rows in force in `fiscal_year` that `ministry_code` co-owns."""
    own = owners(snap, fiscal_year)
    ids = set(own.loc[own["ministry_code"] == ministry_code, "action_id"].tolist())
    return ids & set(reportable(actions(snap, fiscal_year))["action_id"].tolist())


def owner_tag(snap: Snapshot, codes: tuple[str, ...] | list[str]) -> str | None:
    """The 【…】 text for a list of owners ("科技、総、文、経"); None when there is none."""
    reg = registry(snap)
    return "、".join(reg.get(c).tag for c in codes) or None


@per_snapshot
def goals(snap: Snapshot) -> pd.DataFrame:
    """Every goal: the seed's and those the secretariat added."""
    return state(snap).goals.copy(deep=False)


@per_snapshot
def links(snap: Snapshot) -> pd.DataFrame:
    """The crosswalk between actions of different strategies (action_id, related_id, relation)."""
    return state(snap).links.copy(deep=False)
