"""`Store.snapshot(followup=False)`: the KPI table's reader loads no follow-up entries (most of a large
store), gets the same KPI table, and is refused the entries rather than given none."""

from __future__ import annotations

import pandas as pd
import pytest

from model.goals import kpi_table
from model.store import Store


def test_a_snapshot_without_followup_gives_the_same_kpi_table_and_refuses_entries(store: Store) -> None:
    full, light = store.snapshot(), store.snapshot(followup=False)
    assert light.version == full.version
    assert len(full.followup()) > 0
    pd.testing.assert_frame_equal(kpi_table(light), kpi_table(full))
    with pytest.raises(RuntimeError, match="without follow-up"):
        light.followup()
    with pytest.raises(RuntimeError, match="without follow-up"):
        light.history("followup")


def test_one_years_entries_are_the_same_whether_or_not_every_year_was_read_first(store: Store) -> None:
    """followup(fy) from that year's versions alone (a new snapshot) equals every year's frame filtered."""
    years = [*sorted(set(store.snapshot().followup()["fiscal_year"])), 1999]
    for fy in years:
        alone = store.snapshot().followup(fy)
        after_all = store.snapshot()
        every = after_all.followup()
        filtered = after_all.followup(fy)
        pd.testing.assert_frame_equal(alone, filtered)
        assert len(alone) == int((every["fiscal_year"] == fy).sum())
    assert len(store.snapshot().followup(years[0])) > 0
