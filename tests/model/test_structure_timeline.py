"""Each fiscal year's structure is built from the year before it (model/structure.py `Timeline`): it must
equal the structure built from the seed and every edit again, whatever order the years are asked in."""

from __future__ import annotations

import hashlib
import random
import uuid
from pathlib import Path

import pandas as pd

from bench.scale_store import build as build_store
from model import structure as S
from model.store import Store
from model.structure import Edit


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


_CALLS: list[int | None] = []


@S.per_structure
def _counted(tl: S.Timeline, fiscal_year: int | None) -> int:
    """A fact of the structure that counts how often it is derived."""
    _CALLS.append(fiscal_year)
    return int(S.state(tl, fiscal_year).actions["in_force"].sum())


def test_structure_facts_are_shared_until_the_structure_changes(store: Store) -> None:
    """Facts of the structure alone (`per_structure`) are derived once for every snapshot of the same
    structure: a fresh snapshot after an upload reuses them; after an edit they are derived again and show
    the edit (the template's rows, who owns what)."""
    from model import strategy
    from model.auth import operator
    from model.reporting.template import followup_rows
    from model.structure_edits import apply_edits
    from tests.conftest import submit_followup

    first = store.snapshot()
    in_force = _counted(first, 2024)  # derived now, or by an earlier test on a store of the same content
    _CALLS.clear()
    reg = strategy.registry(first)
    owned = strategy.owned_action_ids(first, "MOFA", 2024)
    assert "2-1-01" in owned
    assert "2-1-01" in [r[0] for r in followup_rows(first, "MOFA", 2024)]

    submit_followup(store, "MOFA", 2021, [("2-1-01", "順調", "○進めた。")])
    uploaded = store.snapshot()
    assert uploaded.version > first.version
    assert _counted(uploaded, 2024) == in_force
    assert _CALLS == []  # not derived again
    assert strategy.registry(uploaded) is reg
    assert S.timeline(uploaded) is S.timeline(first)

    # a reason no other store holds: the edited structure cannot have been derived before
    reason = f"統合により終了 {uuid.uuid4().hex}"
    apply_edits(store, operator(), [Edit("action.retire", "2-1-01", {}, 2024, reason)])
    edited = store.snapshot()
    assert S.timeline(edited) is not S.timeline(first)
    assert _counted(edited, 2024) == in_force - 1
    assert _CALLS == [2024]
    assert strategy.registry(edited) is not reg
    assert "2-1-01" not in strategy.owned_action_ids(edited, "MOFA", 2024)
    assert "2-1-01" not in [r[0] for r in followup_rows(edited, "MOFA", 2024)]
    assert "2-1-01" in [r[0] for r in followup_rows(edited, "MOFA", 2023)]  # in force the year before
    # the earlier snapshots keep theirs
    assert "2-1-01" in strategy.owned_action_ids(uploaded, "MOFA", 2024)


def test_the_content_key_tells_values_apart() -> None:
    """Columns that differ in a value, a missing value, a type or a name make different digests; equal
    columns read again make the same one."""

    def digest(values: pd.Series) -> str:
        h = hashlib.sha256()
        S._digest_column(h, values)
        return h.hexdigest()

    text = ["一", None, "None", "", "_x0041_"]
    variants = [
        pd.Series(text, dtype="str"),
        pd.Series(["一", "None", "None", "", "_x0041_"], dtype="str"),
        pd.Series(["一", None, "None", None, "_x0041_"], dtype="str"),
        pd.Series(["一", None, "None", "", "_x0042_"], dtype="str"),
        pd.Series(text, dtype=object),
        pd.Series([1, 2, 3]),
        pd.Series([1.0, 2.0, 3.0]),
        pd.Series([1.0, float("nan"), 3.0]),
        pd.Series([True, False, True]),
    ]
    digests = [digest(v) for v in variants]
    assert len(set(digests)) == len(digests)
    assert digest(pd.Series(text, dtype="str")) == digests[0]
    assert digest(pd.Series(list(text), dtype=object)) == digests[4]
