"""International cooperation: agreements, partner × area matrix, events, frameworks against G-2-1."""

from __future__ import annotations

import datetime as dt

from model.international import (
    agreements_table,
    events_table,
    frameworks,
    frameworks_vs_goal,
    partner_area_matrix,
)
from model.store import Store


def test_agreements_in_date_order_with_their_areas(sqlite_store: Store) -> None:
    """Seven agreements from the US statement (2019-12) to Singapore (2026-01-09), areas as code lists."""
    ag = agreements_table(sqlite_store.snapshot())
    assert list(ag["partner_en"]) == [
        "United States",
        "Denmark",
        "United Kingdom",
        "European Union",
        "Germany",
        "Switzerland",
        "Singapore",
    ]
    assert ag.iloc[0]["area_codes"] == ["research", "education_talent", "infrastructure"]
    assert ag.iloc[-1]["date"] == dt.date(2026, 1, 9)


def test_partner_area_matrix(sqlite_store: Store) -> None:
    """7 partners × 10 areas; the UK MoC names commercialisation twice; Denmark only general cooperation."""
    m = partner_area_matrix(sqlite_store.snapshot())
    assert m.shape == (7, 10)
    assert m.loc["英国", "commercialisation_investment"] == 2
    assert m.loc["デンマーク"].sum() == 1 and m.loc["デンマーク", "general"] == 1
    assert int(m.to_numpy().sum()) == 32  # every row of agreement_areas


def test_events_in_date_order(sqlite_store: Store) -> None:
    """17 events, seven of them MDQ meetings, the first in May 2022."""
    ev = events_table(sqlite_store.snapshot())
    assert len(ev) == 17
    mdq = ev[ev["kind"] == "mdq"]
    assert len(mdq) == 7 and mdq.iloc[0]["date_start"] == dt.date(2022, 5, 1)


def test_frameworks_are_agreements_plus_multilateral_groups(sqlite_store: Store) -> None:
    """7 bilateral agreements + MDQ + QDG = 9 frameworks."""
    fw = frameworks(sqlite_store.snapshot())
    assert len(fw) == 9
    assert list(fw.loc[fw["kind"] == "multilateral", "framework_id"]) == ["EV-MDQ-01", "EV-QDG-2024"]


def test_frameworks_against_the_fy2024_deadline(sqlite_store: Store) -> None:
    """By 2025-03-31 (end of FY2024) four frameworks existed: US, Denmark, MDQ, QDG."""
    found = frameworks_vs_goal(sqlite_store.snapshot(), dt.date(2026, 3, 31))
    assert found["deadline"] == dt.date(2025, 3, 31)
    assert (found["count_by_deadline"], found["bilateral_by_deadline"], found["count_as_of"]) == (4, 2, 9)
    earlier = frameworks_vs_goal(sqlite_store.snapshot(), dt.date(2022, 1, 1))
    assert (earlier["count_as_of"], earlier["count_by_deadline"]) == (1, 1)
