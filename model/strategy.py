"""The strategy's structure as the store holds it: pillars → areas → actions, and who owns what."""

from __future__ import annotations

import pandas as pd

from model.ministries import MinistryRegistry
from model.store import Store


def registry(store: Store) -> MinistryRegistry:
    return MinistryRegistry.from_frame(store.table("ministries"))


def action_owners(actions: pd.DataFrame, ministries: MinistryRegistry) -> pd.DataFrame:
    """One row per action × owning ministry; sub rows (ⅰ–ⅳ, ①–③) inherit their parent's 【…】 tag."""
    tags = actions.set_index("action_id")["ministries_tag"]
    rows = []
    for a in actions.to_dict("records"):
        parent = a["parent_id"]
        sub_row = isinstance(parent, str)
        tag = tags[parent] if sub_row else a["ministries_tag"]
        for m in ministries.parse_tags(str(tag)):
            rows.append({"action_id": a["action_id"], "ministry_code": m.code, "tagged": not sub_row})
    return pd.DataFrame(rows, columns=["action_id", "ministry_code", "tagged"])


def reportable(actions: pd.DataFrame) -> pd.DataFrame:
    """The rows a follow-up entry is written for (23 in seed 002)."""
    return actions[actions["reportable"].astype(bool)].reset_index(drop=True)


def owned_rows(store: Store, ministry_code: str) -> pd.DataFrame:
    """The reportable rows a ministry co-owns, with their area and pillar."""
    actions = store.table("actions")
    owners = action_owners(actions, registry(store))
    ids = set(owners.loc[owners["ministry_code"] == ministry_code, "action_id"])
    rows = reportable(actions)
    return rows[rows["action_id"].isin(ids)].reset_index(drop=True)
