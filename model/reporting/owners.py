"""Who reports what: the rows and the numeric KPIs each ministry owns (defined in model.strategy, the one
place ownership is defined, and re-exported here)."""

from __future__ import annotations

from model.strategy import DEFAULT_KPI_OWNER, goal_owners, owned_action_ids, owned_goals

__all__ = ["DEFAULT_KPI_OWNER", "goal_owners", "owned_action_ids", "owned_goals"]
