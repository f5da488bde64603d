"""A template from a fresh snapshot: its rows and labels come from the structure shared with earlier
snapshots (model/structure.py `per_structure`), its entries and KPI values from that snapshot alone.

The entries and values are read from the ministry's and year's versions (model/reporting/template.py
`_entries`, `_latest_observations`); they must equal what the store's current frames give, through new,
changed, withdrawn (restored) and deleted versions."""

from __future__ import annotations

from typing import Any

import pandas as pd

from model.format import format_value
from model.reporting import template
from model.reporting.commit import submit_file, withdraw
from model.reporting.owners import owned_goals
from model.reporting.template import followup_rows, issue_template, kpi_rows
from model.store import JOINT, Snapshot, Store
from tests.model.reporting.conftest import FY, SECRETARIAT, fill, make_editor


def _texts(snap: Snapshot, code: str, fy: int) -> dict[str, tuple[Any, ...]]:
    """action_id → (progress, next, status) from the store's current frame of the year."""
    df = snap.followup(fy)
    df = df[df["ministry_code"] == code]
    columns = [[None if pd.isna(v) else str(v) for v in df[c]] for c in ("progress_ja", "next_ja", "status")]
    return dict(zip(df["action_id"], zip(*columns, strict=True), strict=True))


def _kpi_as_derived(snap: Snapshot, code: str) -> list[list[Any]]:
    """The KPI rows as derived from the store's current observations (the newest date per goal)."""
    obs = snap.kpi_observations().sort_values("date")
    latest = obs.groupby("goal_id").tail(1).set_index("goal_id").to_dict("index")
    out = []
    for g in owned_goals(snap, code).to_dict("records"):
        o = latest.get(g["id"])
        value = None if o is None else format_value(float(o["value"]), str(g["unit"]), "ja")
        when = None if o is None else o["date"].isoformat()
        out.append([g["id"], value, when])
    return out


def _check(snap: Snapshot, code: str) -> list[list[Any]]:
    rows = followup_rows(snap, code, FY)
    sent, own, joint = _texts(snap, code, FY), _texts(snap, code, FY - 1), _texts(snap, JOINT, FY - 1)
    for r in rows:
        assert tuple(r[5:8]) == sent.get(r[0], (None, None, None)), r[0]
        assert tuple(r[9:11]) == (own.get(r[0]) or joint.get(r[0]) or (None, None, None))[:2], r[0]
    assert [[r[0], r[3], r[4]] for r in kpi_rows(snap, code)] == _kpi_as_derived(snap, code)
    return rows


def _g52(snap: Snapshot) -> list[Any]:
    return next(r for r in kpi_rows(snap, "MOFA") if r[0] == "G-5-2")


def test_a_fresh_snapshot_shows_its_own_entries_on_the_shared_rows(rstore: Store) -> None:
    user = make_editor(rstore, "MOFA")
    first = rstore.snapshot()
    rows = _check(first, "MOFA")
    assert any(r[9] for r in rows)  # last year's joint text (seed 002) is shown
    layout = template._layout(first, "MOFA", FY)

    def send(rows: dict[str, tuple[str, str, str]], kpi: list[list[Any]]) -> int:
        data = fill(issue_template(rstore, SECRETARIAT, "MOFA", FY), rows, kpi=kpi)
        _, outcome = submit_file(rstore, data, "mofa.xlsx", "MOFA", user)
        assert outcome is not None and outcome.submission_id is not None
        return outcome.submission_id

    once = send(
        {"2-1-01": ("一回目", "次", "順調"), "2-2-01": ("一回目", "次", "順調")},
        [["G-5-2", "2025-03-31", 3]],
    )
    after = rstore.snapshot()
    by_id = {r[0]: r for r in _check(after, "MOFA")}
    assert by_id["2-1-01"][5:8] == ["一回目", "次", "順調"]
    # the rows were not derived again: the same tuples as from the first snapshot
    assert all(a is b for a, b in zip(template._layout(after, "MOFA", FY), layout, strict=True))
    assert _g52(after)[3:5] == ["3", "2025-03-31"]

    twice = send(
        {"2-1-01": ("二回目", "次", "遅延"), "5-2-01": ("二回目", "次", "順調")},
        [["G-5-2", "2026-03-31", 5]],
    )
    by_id = {r[0]: r for r in _check(rstore.snapshot(), "MOFA")}
    assert by_id["2-1-01"][5:8] == ["二回目", "次", "遅延"]
    assert _g52(rstore.snapshot())[4] == "2026-03-31"

    withdraw(rstore, twice, user)  # restores the first upload's versions, deletes 5-2-01's
    by_id = {r[0]: r for r in _check(rstore.snapshot(), "MOFA")}
    assert by_id["2-1-01"][5:8] == ["一回目", "次", "順調"]
    assert by_id["5-2-01"][5:8] == [None, None, None]
    withdraw(rstore, once, user)  # every row of the year deleted again
    by_id = {r[0]: r for r in _check(rstore.snapshot(), "MOFA")}
    assert by_id["2-1-01"][5:8] == [None, None, None]
    assert _g52(rstore.snapshot())[4] != "2026-03-31"
