"""The store on SQLite and PostgreSQL: idempotent seeding, atomic submissions, append-only history."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from model.auth import operator
from model.errors import AppError
from model.goals import set_override
from model.seed import SeedData
from model.store import JOINT, ChangeSet, Store


def _entry(action_id: str = "1-1-01", **values: object) -> dict[str, object]:
    return {
        "action_id": action_id,
        "fiscal_year": 2021,
        "ministry_code": "MEXT",
        "progress_ja": "○進捗",
        "next_ja": "○次年度",
        "status": "順調",
        **values,
    }


def test_seeding_creates_the_published_followup(store: Store) -> None:
    """FY2020: one joint entry per reportable row (23), text as in seed 002, no invented status."""
    fu = store.snapshot().followup(2020)
    assert len(fu) == 23
    assert set(fu["ministry_code"]) == {JOINT}
    assert fu["status"].isna().all()
    first = fu.set_index("action_id").loc["1-1-02-i", "progress_ja"]
    assert first.startswith("○Q-LEAP において、理研を中心にゲート型量子コンピュータの開発を")


def test_seeding_twice_changes_nothing(empty_store: Store, seed: SeedData) -> None:
    """The second init is a no-op: same row counts, same store version, no new submission."""
    assert empty_store.init(seed) == "created"
    counts, version = empty_store.row_counts(), empty_store.version()
    assert empty_store.init(seed) == "unchanged"
    assert empty_store.row_counts() == counts
    assert empty_store.version() == version == 1


def test_changed_seed_is_recorded_as_a_new_seed_version(store: Store, seed: SeedData) -> None:
    """Editing data/ and re-running init appends versions (and tombstones) instead of overwriting."""
    bullets = seed["bullets"].copy()
    bullets.loc[bullets["bullet_id"] == "1-1-01/P01", "text_ja"] = "○変更後"
    bullets = bullets[bullets["action_id"] != "5-3-01"]
    changed = SeedData({**seed.tables, "bullets": bullets}, "different-sha")
    assert store.init(changed) == "updated"
    history = store.snapshot().history(action_id="1-1-01")
    assert len(history) == 2 and history["progress_ja"].iloc[-1].startswith("○変更後")
    assert "5-3-01" not in set(store.snapshot().followup(2020)["action_id"])
    assert store.snapshot().history(action_id="5-3-01")["deleted"].tolist() == [False, True]


def test_submission_records_counts_and_keeps_every_version(store: Store) -> None:
    """Add, change, resubmit: three submissions, history keeps both texts, current shows the last."""
    out1 = store.submit(ChangeSet("upload", "mext-user", "MEXT", 2021, followup=[_entry(), _entry("1-1-03")]))
    assert (out1.added, out1.changed, out1.unchanged) == (2, 0, 0)
    out2 = store.submit(
        ChangeSet(
            "upload", "mext-user", "MEXT", 2021, followup=[_entry(progress_ja="○改訂"), _entry("1-1-03")]
        )
    )
    assert (out2.added, out2.changed, out2.unchanged) == (0, 1, 1)
    h = store.snapshot().history(action_id="1-1-01", fiscal_year=2021)
    assert h["progress_ja"].tolist() == ["○進捗", "○改訂"]
    assert h["submission_id"].tolist() == [out1.submission_id, out2.submission_id]
    current = store.snapshot().followup(2021).set_index("action_id")
    assert current.loc["1-1-01", "progress_ja"] == "○改訂"
    subs = store.snapshot().submissions()
    assert subs.set_index("id").loc[out2.submission_id, "n_changed"] == 1


def test_failing_submission_leaves_no_row_behind(store: Store) -> None:
    """A row the database refuses (action_id NULL) aborts the whole submission: nothing is stored."""
    before_counts, before_version = store.row_counts(), store.version()
    bad = ChangeSet(
        "upload",
        "u",
        "MEXT",
        2021,
        followup=[_entry(), _entry(action_id=None)],
        kpi=[{"goal_id": "H-USERS", "date": "2026-01-01", "value": 1.0, "sample": False}],
        content=b"file bytes",
    )
    with pytest.raises(IntegrityError):
        store.submit(bad)
    assert store.row_counts() == before_counts
    assert store.version() == before_version
    assert store.snapshot().followup(2021).empty


def test_kpi_observation_versions_and_status_override(store: Store) -> None:
    """A corrected KPI value is a new version; an override is kept apart from the computed status."""
    row = {
        "goal_id": "H-USERS",
        "date": "2026-04-01",
        "value": 2_000_000.0,
        "unit": "persons",
        "sample": True,
        "source": "SAMPLE",
        "note": "サンプル",
    }
    store.submit(ChangeSet("manual", "secretariat", kpi=[row]))
    store.submit(ChangeSet("manual", "secretariat", kpi=[{**row, "value": 2_100_000.0}]))
    obs = store.snapshot().kpi_observations()
    assert obs.loc[(obs["goal_id"] == "H-USERS"), "value"].max() == 2_100_000.0
    assert store.snapshot().history("kpi", goal_id="H-USERS", date="2026-04-01")["value"].tolist() == [
        2_000_000.0,
        2_100_000.0,
    ]
    set_override(store, operator(), "H-USERS", "limited", "統計の見直し待ち")
    assert store.snapshot().status_overrides().set_index("goal_id").loc["H-USERS", "status"] == "limited"
    with pytest.raises(AppError):
        set_override(store, operator(), "H-USERS", "fine", "理由")


def test_original_file_is_kept(store: Store) -> None:
    """The uploaded bytes are stored with the submission."""
    out = store.submit(
        ChangeSet(
            "upload",
            "u",
            "MEXT",
            2021,
            followup=[_entry()],
            content=b"xlsx-bytes",
            file_name="mext.xlsx",
            sha256="ab" * 32,
        )
    )
    assert out.submission_id is not None
    assert store.submission_file(out.submission_id) == b"xlsx-bytes"


def test_uninitialised_store_says_so(empty_store: Store) -> None:
    """Reading before init is a clear AppError, not an SQL error."""
    with pytest.raises(AppError) as err:
        empty_store.snapshot()
    assert err.value.msg_id == "err.not_initialised"


def test_history_tables_have_no_update_path(store: Store) -> None:
    """Append-only: versions only grow; the newest per key wins."""
    with store.engine.connect() as conn:
        n = conn.execute(sa.text("SELECT count(*) FROM followup_versions")).scalar_one()
    store.submit(ChangeSet("upload", "u", "MEXT", 2021, followup=[_entry()]))
    store.submit(ChangeSet("upload", "u", "MEXT", 2021, followup=[_entry(status="遅延")]))
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM followup_versions")).scalar_one() == n + 2
