"""The secretariat's status override: on every surface while it stands, gone when cleared, refused to
anyone but the secretariat (model, command line and page)."""

from __future__ import annotations

import html
import io

import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from model import cli
from model.auth import add_user, operator
from model.exports.deck import build_deck
from model.figures import build_chart
from model.goals import kpi_table, override_history, set_override
from model.store import Store
from tests.dashboard.apptest import AS_OF, READER, annotation
from tests.dashboard.sqlcount import SECRETARIAT, page_app, with_accounts

OVERRIDDEN = "遅れ（事務局判断。算定では順調）"


def surfaces(store: Store) -> dict[str, object]:
    """H-USERS's status as the KPI table, the trajectory chart, the overview card and the deck show it."""
    snap = store.snapshot()
    row = kpi_table(snap, as_of=AS_OF, kinds=("headline",)).set_index("goal_id").loc["H-USERS"]
    chart = build_chart("headline-users", snap, "ja", AS_OF)
    overview = page_app("overview", READER)  # staff: an override shows to the public once published
    overview.run()
    badges = [m.value for m in overview.markdown if "badge[" in m.value]
    deck = Presentation(
        io.BytesIO(build_deck(snap, fiscal_year=2020, lang="ja", as_of=AS_OF, charts=[]).data)
    )
    kpi_slide = deck.slides[1]
    cells = [c.text for s in kpi_slide.shapes if s.has_table for r in s.table.rows for c in r.cells]
    return {
        "table": (row["status"], row["computed_status"]),
        "chart": annotation(chart.to_plotly_json(), "status"),
        "card": (badges[0], any("事務局判断" in b for b in badges)),
        "deck": next(c for c in cells if "遅れ" in c or "順調" in c),
        "notes": kpi_slide.notes_slide.notes_text_frame.text,
    }


def test_an_override_shows_everywhere_and_clearing_restores_the_computed_status(seeded: Store) -> None:
    """Set: the effective status with the secretariat's mark and the computed one beside it on the
    table, the chart, the card and the deck (its notes give the reason); cleared: the computed status."""
    before = surfaces(seeded)
    assert before["table"] == ("on_track", "on_track")
    assert str(before["chart"]).startswith("順調｜") and before["deck"] == "順調"
    assert before["card"] == (":green-badge[順調]", False)

    set_override(seeded, operator(), "H-USERS", "limited", "統計の見直し待ち")
    after = surfaces(seeded)
    assert after["table"] == ("limited", "on_track")
    assert str(after["chart"]).startswith(OVERRIDDEN + "｜")
    assert after["card"] == (":red-badge[遅れ]", True)
    assert after["deck"] == OVERRIDDEN
    assert "事務局判断：遅れ（理由：統計の見直し待ち。" in str(after["notes"])
    assert "比 R（方向 × 実績 ÷ |必要|）：1.489（閾値 0.95 / 0.60 / 0.00）" in str(after["notes"])

    set_override(seeded, operator(), "H-USERS", None, "統計が公表された")
    cleared = surfaces(seeded)
    notes = cleared.pop("notes")
    assert cleared == {k: v for k, v in before.items() if k != "notes"}
    assert str(notes).replace("データ版：4", "データ版：2") == before["notes"]  # two writes later
    history = override_history(seeded.snapshot(), "H-USERS")
    assert history["status"].tolist() == ["limited", None]
    assert history["reason"].tolist() == ["統計の見直し待ち", "統計が公表された"]


def test_the_command_line_refuses_an_override_from_an_editor(
    sqlite_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """One line on stderr, exit 1, nothing written; the secretariat's own override goes through."""
    add_user(
        sqlite_store, "ed1", "editor", password="kibou-no-ryoushi-2030", ministry_code="MEXT", by=operator()
    )
    version = sqlite_store.version()
    argv = [
        "kpi",
        "override",
        "H-USERS",
        "--status",
        "on_track",
        "--reason",
        "x",
        "--database-url",
        sqlite_store.url,
    ]
    assert cli.main([*argv, "--user", "ed1"]) == 1
    err = capsys.readouterr().err
    assert err == "error: この操作は事務局のみが行えます（ed1）。\n"
    assert sqlite_store.version() == version
    assert cli.main(argv) == 0
    assert sqlite_store.snapshot().status_overrides()["status"].tolist() == ["on_track"]


def test_the_secretariat_sets_and_clears_an_override_on_the_goals_page(seeded: Store) -> None:
    """The form on a goal's detail: a reason is required; the status and its history show at once."""
    with_accounts(seeded)
    at: AppTest = page_app("kpi", SECRETARIAT)
    at.run()
    assert at.selectbox(key="kpi_goal").value == "H-USERS"
    at.selectbox(key="override_status_H-USERS").set_value("limited")
    at.button(key="FormSubmitter:override_H-USERS-事務局判断を記録").click().run()
    errors = [html.unescape(e.value) for e in at.error]  # messages are written as text, marks escaped
    assert errors == ["事務局判断の状況には理由が必要です（--reason に書いてください）。"]
    at.text_area(key="override_reason_H-USERS").input("統計の見直し待ち")
    at.button(key="FormSubmitter:override_H-USERS-事務局判断を記録").click().run()
    assert not at.exception and not at.error
    assert seeded.snapshot().status_overrides()["status"].tolist() == ["limited"]
    at.run()
    history = next(d.value for d in at.dataframe if "理由" in d.value.columns)
    assert history["理由"].tolist() == ["統計の見直し待ち"]
    viewer = page_app("kpi", None)
    viewer.run()
    assert not [e for e in viewer.text_area if str(e.key).startswith("override_reason")]
