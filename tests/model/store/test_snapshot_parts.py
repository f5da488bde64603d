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
