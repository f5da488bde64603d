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
