"""概要 Overview: the target cards, the trajectories, follow-up status per pillar, reporting completeness."""

from __future__ import annotations

import datetime as dt

from model.auth import User
from model.reporting.rounds import open_round
from model.store import Store
from tests.dashboard.apptest import MakeApp, annotation, captions, charts, trace_names, with_fy2021


def test_cards_show_latest_value_pct_projection_and_sample_badges(make_app: MakeApp) -> None:
    """Three cards with values in 万人 / 兆円, % of target, projected year, status and サンプル badges."""
    at = make_app()
    values = [(m.label, m.value) for m in at.metric]
    assert values[:3] == [
        ("最新値（2025年）", "150万人"),
        ("目標に対する達成率", "15.0%"),
        ("達成見込み年", "2028"),
    ]
    assert [v for _, v in values[3:9:3]] == ["4.3兆円", "0件"]
    badges = [m.value for m in at.markdown if "badge[" in m.value]
    assert badges.count(":red-badge[:material/science: サンプル]") == 3
    assert ":green-badge[順調]" in badges and ":orange-badge[やや遅れ]" in badges
    assert "「サンプル」の値は公式統計ではなく、表示確認用のサンプル値です。" in captions(at)


def test_trajectory_charts_carry_traces_title_source_and_sample_mark(make_app: MakeApp) -> None:
    """Each headline chart: actual, required path, projection, target; title; source; サンプル mark."""
    specs = charts(make_app())
    assert len(specs) == 5
    users = specs[0]
    assert trace_names(users) == [
        "実績（サンプル）",
        "目標達成に必要な経路",
        "現状の伸びによる見通し",
        "目標（1,000万人、2030年）",
    ]
    assert users["layout"]["title"]["text"] == "国内の量子技術の利用者：実績・必要経路・見通し"
    assert (
        annotation(users, "source")
        == "出典：「量子未来産業創出戦略」 §1; 実績値はサンプル値（公式統計ではない）"
    )
    assert annotation(users, "as_of") == "2026年3月31日時点"
    assert "サンプル" in (annotation(users, "sample") or "")
    assert [s["layout"]["meta"]["chart"] for s in specs] == [
        "headline-users",
        "headline-production",
        "headline-unicorns",
        "followup-status-pillar",
        "reporting-completeness",
    ]


def test_pillar_status_and_completeness_on_the_seed(make_app: MakeApp) -> None:
    """FY2020: 23 entries without status, by pillar; FY2021 being collected: 0 of 97 rows reported."""
    at = make_app()
    specs = charts(at)
    pillar = {t["name"]: t["y"] for t in specs[3]["data"]}
    assert pillar["未設定"] == [13, 2, 3, 2, 3]
    assert specs[3]["layout"]["title"]["text"] == "柱別の取組の状況（2020年度）"
    assert at.metric[-1].value == "0 / 97"
    completeness = {t["name"]: t["x"] for t in specs[4]["data"]}
    assert sum(completeness["報告済み"]) == 0 and sum(completeness["未報告"]) == 97


def test_overview_follows_new_ministry_entries(make_app: MakeApp, seeded: Store) -> None:
    """With the FY2021 round open and uploads in, the pillar chart shows their statuses; 4 rows reported."""
    open_round(seeded, 2021, User("secretariat", "secretariat"))
    with_fy2021(seeded)
    at = make_app(as_of=dt.date(2022, 3, 31))
    specs = charts(at)
    pillar = {t["name"]: t["y"] for t in specs[3]["data"]}
    assert (pillar["順調"], pillar["一部遅延"], pillar["完了"]) == (
        [1, 0, 0, 0, 0],
        [1, 0, 0, 0, 0],
        [0, 0, 0, 0, 1],
    )
    assert at.metric[-1].value == "4 / 97"


def test_overview_before_any_follow_up_year_shows_an_empty_state(make_app: MakeApp) -> None:
    """As of 2020-01-01 no follow-up year has started: a clear message, no error."""
    at = make_app(as_of=dt.date(2020, 1, 1))
    assert not at.exception
    assert any("まだ登録されていません" in i.value for i in at.info)


def test_overview_in_english(make_app: MakeApp) -> None:
    """English labels, numbers in millions and trillions, English chart text."""
    at = make_app(lang="en")
    values = [m.value for m in at.metric]
    assert values[0] == "1.5 million persons" and values[3] == "¥4.3 trillion"
    specs = charts(at)
    assert trace_names(specs[0])[0] == "Actual (sample)"
    assert annotation(specs[0], "as_of") == "As of 31 Mar 2026"
    assert (annotation(specs[0], "source") or "").startswith(
        "Source: Quantum Future Industry Creation Strategy"
    )
