"""Milestone status as of a date: done / overdue / due / no date, and the filters of the page."""

from __future__ import annotations

import datetime as dt

import pytest

from model.milestones import filter_milestones, milestone_status, milestones_table, status_counts
from model.store import Store

D = dt.date


@pytest.mark.parametrize(
    ("deadline", "achieved", "as_of", "expected"),
    [
        (D(2024, 3, 31), D(2023, 3, 1), D(2026, 1, 1), "done"),
        (D(2024, 3, 31), D(2023, 3, 1), D(2023, 1, 1), "due"),  # achieved later than the as-of date
        (D(2024, 3, 31), None, D(2024, 4, 1), "overdue"),
        (D(2024, 3, 31), None, D(2024, 3, 31), "due"),  # the deadline day itself is not overdue
        (None, None, D(2024, 1, 1), "no_date"),
        (None, D(2020, 1, 1), D(2024, 1, 1), "done"),
    ],
)
def test_milestone_status(deadline: D | None, achieved: D | None, as_of: D, expected: str) -> None:
    """Each combination of deadline, achievement and as-of date gives one status."""
    assert milestone_status(deadline, achieved, as_of) == expected


def test_seed_milestones_as_of_fy2025_end(sqlite_store: Store) -> None:
    """19 milestones; the RIKEN machine (M-004-01) is done, 12 are overdue and 6 still due."""
    table = milestones_table(sqlite_store.snapshot(), D(2026, 3, 31))
    assert len(table) == 19
    assert status_counts(table) == {"done": 1, "overdue": 12, "due": 6, "no_date": 0}
    row = table.set_index("goal_id").loc["M-004-01"]
    assert row["achieved_date"] == D(2023, 3, 1)
    assert row["evidence_ja"].startswith("令和5年3月に")
    assert list(table["deadline"]) == sorted(table["deadline"])


def test_fy_deadline_ends_on_31_march(sqlite_store: Store) -> None:
    """令和6年度頃 (M-004-03) is due until 2025-03-31 and overdue after."""
    before = milestones_table(sqlite_store.snapshot(), D(2025, 3, 31)).set_index("goal_id")
    after = milestones_table(sqlite_store.snapshot(), D(2025, 4, 1)).set_index("goal_id")
    assert before.loc["M-004-03", "deadline"] == D(2025, 3, 31)
    assert (before.loc["M-004-03", "status"], after.loc["M-004-03", "status"]) == ("due", "overdue")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, 19),
        ({"statuses": ["due"]}, 6),
        ({"statuses": ["done", "overdue"]}, 13),
        ({"pillar": 1}, 7),
        ({"year_from": 2027}, 6),
        ({"year_to": 2021}, 3),
        ({"year_from": 2023, "year_to": 2025, "statuses": ["overdue"]}, 5),
    ],
)
def test_filters(sqlite_store: Store, kwargs: dict[str, object], expected: int) -> None:
    """Status, pillar and deadline-year filters narrow the list to the expected count."""
    table = milestones_table(sqlite_store.snapshot(), D(2026, 3, 31))
    assert len(filter_milestones(table, **kwargs)) == expected  # type: ignore[arg-type]
