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


def test_current_rows_are_the_current_entries_of_those_years_and_ministries(store: Store) -> None:
    """`Snapshot.current_rows` (what an upload is compared with): the current entries of the years and
    ministries asked for, by key, with plain Python values; a replaced row shows its newest text."""
    from tests.conftest import submit_followup

    submit_followup(store, "MEXT", 2021, [("1-1-01", "順調", "○一回目。"), ("1-1-02", "遅延", "○遅れ。")])
    submit_followup(store, "MEXT", 2021, [("1-1-01", "完了", "○二回目。")])
    snap = store.snapshot()
    rows = snap.current_rows({2021}, {"MEXT"})
    fu = snap.followup(2021)
    mine = fu[fu["ministry_code"] == "MEXT"]
    assert (
        set(rows)
        == {(a, 2021, "MEXT") for a in mine["action_id"]}
        == {
            ("1-1-01", 2021, "MEXT"),
            ("1-1-02", 2021, "MEXT"),
        }
    )
    first = rows[("1-1-01", 2021, "MEXT")]
    assert (first["progress_ja"], first["status"], first["deleted"]) == ("○二回目。", "完了", False)
    assert type(first["fiscal_year"]) is int and type(first["progress_ja"]) is str
    every = snap.followup()
    seeded = int(every.loc[every["ministry_code"] == "JOINT", "fiscal_year"].max())  # the published text
    joint = snap.current_rows({seeded}, {"JOINT"})
    assert (
        len(joint) == int(((every["ministry_code"] == "JOINT") & (every["fiscal_year"] == seeded)).sum()) > 0
    )
    both = snap.current_rows({2021, seeded}, {"MEXT", "JOINT"})
    assert both.keys() == rows.keys() | joint.keys()
