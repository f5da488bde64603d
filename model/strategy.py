"""The strategy's structure as the store holds it, and who owns what: the one place ownership is defined.

An action's owners are the ministries its 【…】 tag names; sub rows (ⅰ–ⅳ, ①–③) have no tag of their own and
inherit their parent's. A ministry reports on the reportable rows it co-owns (23 in seed 002).
"""

from __future__ import annotations

import pandas as pd

from model.ministries import MinistryRegistry
from model.store import Snapshot, per_snapshot


@per_snapshot
def registry(snap: Snapshot) -> MinistryRegistry:
    return MinistryRegistry.from_frame(snap.table("ministries"))


def reportable(actions: pd.DataFrame) -> pd.DataFrame:
    """The rows a follow-up entry is written for (23 in seed 002)."""
    return actions[actions["reportable"].astype(bool)].reset_index(drop=True)


@per_snapshot
def owners(snap: Snapshot) -> pd.DataFrame:
    """One row per action × owning ministry (`tagged`: False for a sub row, which inherits the tag)."""
    actions = snap.table("actions")
    ministries = registry(snap)
    # Plain lists, each distinct tag parsed once: iterating Arrow-backed string columns is slow.
    action_ids = actions["action_id"].tolist()
    tags = dict(zip(action_ids, actions["ministries_tag"].tolist(), strict=True))
    parsed: dict[str, list[str]] = {}
    rows: list[tuple[str, str, bool]] = []
    for action_id, parent in zip(action_ids, actions["parent_id"].tolist(), strict=True):
        sub_row = isinstance(parent, str)
        text = str(tags[parent] if sub_row else tags[action_id])
        if text not in parsed:
            parsed[text] = [m.code for m in ministries.parse_tags(text)]
        rows += [(action_id, code, not sub_row) for code in parsed[text]]
    return pd.DataFrame(rows, columns=["action_id", "ministry_code", "tagged"])


@per_snapshot
def owned_action_ids(snap: Snapshot, ministry_code: str) -> set[str]:
    """The reportable rows `ministry_code` co-owns."""
    own = owners(snap)
    ids = set(own.loc[own["ministry_code"] == ministry_code, "action_id"].tolist())
    return ids & set(reportable(snap.table("actions"))["action_id"].tolist())
