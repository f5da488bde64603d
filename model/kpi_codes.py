"""The KPI statuses and directions as codes: a module without pandas, for the command line's choices."""

from __future__ import annotations

STATUSES = ("achieved", "on_track", "moderate", "limited", "deteriorating", "missed", "no_data", "no_target")
DIRECTIONS = ("increase", "decrease", "maintain")
