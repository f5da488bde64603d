"""A store made before store versions existed is brought up to date by `init`, losing nothing.

tests/fixtures/legacy/store_86f8979.sqlite3.gz was written by commit 86f8979's code: the seed, MEXT's FY2021
upload (submission 2), a FY2021 round (open, deadline 2022-05-31), a FY2020 round opened then closed, an
account `sec-legacy`, an assessment of 1-1-01 (遅延, 旧版の評価) and a status override of H-USERS (limited).
"""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from model.auth import get_user
from model.reporting.assessments import current_assessments
from model.reporting.rounds import get_round
from model.store import Store
from tests.conftest import FIXTURES, submit_followup


@pytest.fixture
def legacy(tmp_path: Path) -> Store:
    path = tmp_path / "legacy.sqlite3"
    path.write_bytes(gzip.decompress((FIXTURES / "legacy" / "store_86f8979.sqlite3.gz").read_bytes()))
    return Store(f"sqlite:///{path}")


def test_legacy_store_reads_as_before_after_init(legacy: Store) -> None:
    """Entries, rounds, accounts, assessments and overrides survive; old submission ids become versions."""
    assert legacy.version() == 0  # no `changes` table yet: not readable as snapshots
    # the seed (1) and MEXT's upload (2) keep their numbers, so a template's base version still fits; the
    # seed data set has grown since (the 2023 strategy, #10): its load is version 3, its new columns added
    assert legacy.init() == "updated"
    assert legacy.version() == 3
    snap = legacy.snapshot()
    assert snap.submissions()["change_id"].tolist()[:2] == [1, 2]
    assert len(snap.table("strategies")) == 3
    assert set(snap.table("pillars")["strategy_id"]) == {"innovation-2020", "industry-2023"}
    entry = snap.followup(2021).set_index("action_id").loc["1-1-01"]
    assert (entry["ministry_code"], entry["status"]) == ("MEXT", "順調")
    r2021, r2020 = get_round(snap, 2021), get_round(snap, 2020)
    assert r2021 is not None and r2020 is not None
    assert (r2021.status, r2021.deadline, r2020.status) == ("open", dt.date(2022, 5, 31), "closed")
    assert get_user(snap, "sec-legacy").role == "secretariat"
    assessed = current_assessments(snap, 2021)
    assert assessed[["action_id", "status", "comment"]].values.tolist() == [["1-1-01", "遅延", "旧版の評価"]]
    assert snap.status_overrides()[["goal_id", "status"]].values.tolist() == [["H-USERS", "limited"]]


def test_legacy_store_takes_new_writes_after_its_history(legacy: Store) -> None:
    """The next write follows the migrated ones and the new seed (3); the upgrade runs once."""
    legacy.init()
    submit_followup(legacy, "MOFA", 2021, [("2-1-01", None, "○新版で報告した。")])
    assert legacy.version() == 4
    assert legacy.init() == "unchanged" and legacy.version() == 4
    assert len(legacy.snapshot().followup(2021)) == 2
