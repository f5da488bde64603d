"""Each fiscal year's structure is built from the year before it (model/structure.py `_Timeline`): it must
equal the structure built from the seed and every edit again, whatever order the years are asked in."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

from bench.scale_store import build as build_store
from model import structure as S
from model.store import Store


def test_every_year_equals_a_build_from_scratch(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'timeline.sqlite3'}")
    built = build_store(store, years=4, ministries=3, actions=60, via="changes")
    snap = store.snapshot()
    edits = S.stored_edits(snap)
    ops = {e.op for e in edits}
    assert {"action.add", "action.reword", "action.retire", "owners.set"} <= ops  # every kind is exercised
    y = built.years
    # An earlier year asked after a later one (built from a stored builder that a later year started from),
    # then every year and "now" in a shuffled order.
    rest: list[int | None] = [None, *range(y[0] - 2, y[-1] + 2)]
    random.Random(4).shuffle(rest)
    years = [y[0], y[2], y[1], y[3], *rest]
    for fy in years:
        got = S.state(snap, fy)
        want = S.build(S.seed_tables(snap), edits, fy)
        pd.testing.assert_frame_equal(got.actions, want.actions)
        pd.testing.assert_frame_equal(got.goals, want.goals)
        pd.testing.assert_frame_equal(got.links, want.links)
        pd.testing.assert_frame_equal(got.ministries, want.ministries)
    # a later year's edits never leak into an earlier year's structure
    first, last = S.state(snap, built.years[0]).actions, S.state(snap, built.years[-1]).actions
    assert first["in_force"].sum() != last["in_force"].sum() or not first.equals(last)


def test_snapshots_share_a_structure_until_the_structure_changes(store: Store) -> None:
    """A snapshot after a write that changed no structure (a submission) finds the structure made already;
    after an edit, and only then, a new one is made, holding the edit."""
    from model.auth import operator
    from model.structure import Edit
    from model.structure_edits import apply_edits
    from tests.conftest import submit_followup

    before = S.state(store.snapshot(), 2024)
    submit_followup(store, "MEXT", 2021, [("1-1-01", "順調", "○進めた。")])
    after_upload = store.snapshot()
    assert after_upload.followup(2021)["action_id"].tolist().count("1-1-01") >= 1
    assert S.state(after_upload, 2024) is before
    apply_edits(store, operator(), [Edit("action.retire", "2-1-01", {}, 2024, "統合により終了")])
    edited = S.state(store.snapshot(), 2024)
    assert edited is not before
    in_force = dict(zip(edited.actions["action_id"], edited.actions["in_force"], strict=True))
    assert not in_force["2-1-01"]
    assert dict(zip(before.actions["action_id"], before.actions["in_force"], strict=True))["2-1-01"]
    # and it is the structure a build from scratch gives
    pd.testing.assert_frame_equal(
        edited.actions,
        S.build(S.seed_tables(store.snapshot()), S.stored_edits(store.snapshot()), 2024).actions,
    )
