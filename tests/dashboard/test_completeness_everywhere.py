"""One definition of "reported" (model.followup.completeness), the same numbers on every surface: the
overview, the ministries page, the rounds page, the deck and `python -m model status --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from model import cli
from model.auth import User
from model.exports.briefing import missing_section
from model.followup import completeness
from model.reporting.rounds import open_round
from model.store import Store
from model.strategy import registry
from tests.dashboard.apptest import with_fy2021
from tests.dashboard.sqlcount import SECRETARIAT, page_app, with_accounts


def _table(at: AppTest, first_column: str) -> list[list[str]]:
    frame = next(d.value for d in at.dataframe if d.value.columns[0] == first_column)
    return frame.astype(str).values.tolist()


@pytest.mark.parametrize(
    ("fy", "uploads"),
    [(2020, False), (2021, True)],
    ids=["FY2020 published joint text, round open", "FY2021 round in progress"],
)
def test_completeness_is_the_same_number_on_every_surface(
    seeded: Store, capsys: pytest.CaptureFixture[str], fy: int, uploads: bool
) -> None:
    """Per ministry (owned, reported) and the total agree across three pages, the deck and the CLI."""
    with_accounts(seeded)
    open_round(
        seeded, fy, User("secretariat", "secretariat")
    )  # the year being collected: the overview shows it
    if uploads:
        with_fy2021(seeded)
    snap = seeded.snapshot()
    comp = completeness(snap, fy)
    names = {m.code: m.name_ja for m in registry(snap)}
    expected = {
        str(r["ministry_code"]): (int(r["owned"]), int(r["reported"])) for r in comp.to_dict("records")
    }
    total = f"{sum(r for _, r in expected.values())} / {sum(o for o, _ in expected.values())}"
    if fy == 2020:  # the joint published text covers every owner of every row
        assert all(o == r for o, r in expected.values()) and total == "97 / 97"
    else:
        assert expected["MEXT"][1] >= 3 and expected["MOFA"] == (3, 1)

    # The collection under way is shown to logged-in staff; readers who are not logged in see none of it.
    overview = page_app("overview", SECRETARIAT)
    overview.run()
    assert {m.label: m.value for m in overview.metric}["報告済みの取組（府省×取組）"] == total
    public = page_app("overview", None)
    public.run()
    assert "報告済みの取組（府省×取組）" not in {m.label for m in public.metric}

    ministries = page_app("ministries", SECRETARIAT)
    ministries.run()
    shown = {row[0]: (int(row[1]), int(row[2])) for row in _table(ministries, "府省")}
    assert shown == {names[c]: v for c, v in expected.items()}

    rounds = page_app("rounds", SECRETARIAT)
    rounds.run()
    progress = {row[0]: (int(row[1]), int(row[2])) for row in _table(rounds, "府省")}
    assert progress == {names[c]: v for c, v in expected.items()}

    deck = missing_section(snap, "ja", fy)
    owed_missing = {row[0].text: (int(row[1].text), int(row[2].text)) for row in deck.rows}
    labels = {m.code: m.label("ja") for m in registry(snap)}
    assert owed_missing == {labels[c]: (o, o - r) for c, (o, r) in expected.items() if o > r}

    assert cli.main(["status", "--json", "--database-url", seeded.url]) == 0
    status = json.loads(capsys.readouterr().out)["completeness"][str(fy)]
    assert {c: (v["owned"], v["reported"]) for c, v in status.items()} == expected


def test_sqlcount_pages_match_the_router() -> None:
    """The pages the statement-count test walks are every page script the dashboard has."""
    from tests.dashboard.sqlcount import PAGES

    views = Path(__file__).resolve().parents[2] / "dashboard" / "views"
    assert sorted(p for p, _ in PAGES) == sorted(f.stem for f in views.glob("*.py"))
