"""目標・KPI Goals: the goal table, pillar and kind filters, one goal's chart, observations, history."""

from __future__ import annotations

import pytest

from tests.dashboard.apptest import MakeApp, annotation, captions, charts, trace_names

PAGE = "views/kpi.py"


def test_every_goal_is_listed_with_deadline_status_and_sample_mark(make_app: MakeApp) -> None:
    """42 goals; FY deadlines read as 年度; sample values marked."""
    at = make_app(PAGE)
    df = at.dataframe[0].value.set_index("ID")
    assert len(df) == 42
    assert df.loc["G-2-1", "期限"] == "2024年度"
    assert df.loc["H-USERS", "期限"] == "2030年"
    assert df.loc["H-USERS", "状況"] == "順調"
    assert df.loc["H-USERS", "サンプル"] == "サンプル"
    assert df.loc["G-3-1", "達成率"] == "160.0%"
    assert "42 件（全 42 件中）" in captions(at)


@pytest.mark.parametrize(
    ("pillar", "kind", "expected"),
    [
        (1, None, 10),  # 3 sub-area goals + 7 milestones of seed 002's pillar 1
        (None, "headline", 3),
        (None, "milestone", 19),
        (None, "indicator", 7),
        (2, "goal", 2),
        (5, "milestone", 3),
    ],
)
def test_filters_change_the_rows_shown(
    make_app: MakeApp, pillar: int | None, kind: str | None, expected: int
) -> None:
    """Pillar and kind filters narrow the table to the expected number of goals."""
    at = make_app(PAGE)
    if pillar is not None:
        at.selectbox(key="kpi_pillar").set_value(pillar).run()
    if kind is not None:
        at.selectbox(key="kpi_kind").set_value(kind).run()
    assert not at.exception
    assert len(at.dataframe[0].value) == expected
    assert f"{expected} 件（全 42 件中）" in captions(at)


def test_goal_detail_shows_chart_observations_and_history(make_app: MakeApp) -> None:
    """The hubs goal: one observation (8 hubs), its history, a chart with the target of 5."""
    at = make_app(PAGE)
    at.selectbox(key="kpi_goal").set_value("G-3-1").run()
    obs = at.dataframe[1].value
    assert obs["値"].tolist() == ["8件"]
    hist = at.dataframe[2].value
    assert hist["提出者"].tolist() == ["seed"]
    spec = charts(at)[0]
    assert trace_names(spec)[0] == "実績" and trace_names(spec)[-1].startswith("目標（5件")
    assert annotation(spec, "sample") is None
    assert any(
        c.startswith("出典：「量子技術イノベーション戦略のフォローアップについて」") for c in captions(at)
    )


def test_goal_without_observations_says_so(make_app: MakeApp) -> None:
    """A qualitative goal has no observations: an info line, not an empty table."""
    at = make_app(PAGE)
    at.selectbox(key="kpi_goal").set_value("G-1-1").run()
    assert any(i.value == "この目標には観測値がありません。" for i in at.info)


def test_goals_page_in_english(make_app: MakeApp) -> None:
    """English column names, kinds and deadlines."""
    at = make_app(PAGE, lang="en")
    df = at.dataframe[0].value.set_index("ID")
    assert df.loc["G-2-1", "Deadline"] == "FY2024"
    assert df.loc["H-USERS", "Kind"] == "2030 target"
    assert df.loc["H-USERS", "Latest"] == "1.5 million persons"
