"""府省別, 年度比較, マイルストーン, 国際連携: filters, charts (traces, title, source), empty years."""

from __future__ import annotations

from model.auth import User
from model.reporting.rounds import open_round
from model.store import Store
from tests.dashboard.apptest import MakeApp, annotation, captions, charts, metrics, trace_names, with_fy2021

# --- 府省別 Ministries -----------------------------------------------------------------------------------


def test_ministries_summary_for_the_year_being_collected(make_app: MakeApp) -> None:
    """FY2021 (collected, empty): 7 ministries, 97 owned rows, none reported, a clear empty state."""
    at = make_app("views/ministries.py")
    summary = at.dataframe[0].value
    assert len(summary) == 7
    assert summary["担当する取組"].sum() == 97 and summary["報告あり"].sum() == 0
    assert set(summary["最終提出"]) == {"提出なし"}
    assert at.info[0].value.startswith("2021年度のフォローアップはまだ登録されていません")
    spec = charts(at)[0]
    assert trace_names(spec) == ["報告済み", "未報告"]
    assert spec["layout"]["title"]["text"] == "府省別の報告状況（2021年度）"


def test_ministry_detail_after_uploads(make_app: MakeApp, seeded: Store) -> None:
    """With the FY2021 round open, MEXT has 3 of its 23 rows reported, each with its status."""
    open_round(seeded, 2021, User("secretariat", "secretariat"))
    with_fy2021(seeded)
    at = make_app("views/ministries.py")
    at.selectbox(key="min_code").set_value("MEXT").run()
    m = metrics(at)
    assert (m["担当する取組"], m["報告あり"], m["報告なし"]) == ("23", "3", "20")
    actions = at.dataframe[1].value
    assert len(actions) == 23
    assert actions.set_index("取組ID").loc["1-1-02-i", "状況"] == "一部遅延"
    assert (actions["記載"] == "自府省").sum() == 3


def test_ministries_fy2020_counts_the_joint_text(make_app: MakeApp) -> None:
    """FY2020's published joint text covers every owner."""
    at = make_app("views/ministries.py")
    at.selectbox(key="min_fy").set_value(2020).run()
    assert at.dataframe[0].value["報告なし"].sum() == 0
    assert set(at.dataframe[1].value["記載"]) == {"共同記載"}


# --- 年度比較 Year over year -------------------------------------------------------------------------------


def test_compare_seed_year_with_the_empty_collection_year(make_app: MakeApp) -> None:
    """FY2020 → FY2021 (empty): every action gone silent, and the empty year is said to be empty."""
    at = make_app("views/compare.py")
    m = metrics(at)
    assert (m["追加"], m["変更"], m["変更なし"], m["途絶（記載なし）"]) == ("0", "0", "0", "23")
    assert any(i.value.startswith("2021年度のフォローアップはまだ登録されていません") for i in at.info)
    assert len(at.expander) == 23


def test_compare_highlights_text_differences(make_app: MakeApp, seeded: Store) -> None:
    """FY2020 → FY2021 with uploads: 4 changed (diffs marked), 19 gone silent; pills filter them."""
    with_fy2021(seeded)
    at = make_app("views/compare.py")
    m = metrics(at)
    assert (m["変更"], m["途絶（記載なし）"]) == ("4", "19")
    diffs = [x.value for x in at.markdown if "qf-diff" in x.value and "<del>" in x.value]
    assert diffs and "<ins>" in diffs[0]
    at.pills(key="cmp_show").set_value(["changed"]).run()
    assert "4 件（全 23 件中）" in captions(at)
    assert len(at.expander) == 4


def test_compare_never_calls_an_open_rounds_missing_entries_gone_silent(
    make_app: MakeApp, seeded: Store
) -> None:
    """FY2021's round open: the 19 actions no ministry reported yet are 未報告（受付中）, none 途絶; each
    entry says its ministry and the change of 状況 (the joint text had none)."""
    open_round(seeded, 2021, User("secretariat", "secretariat"))
    with_fy2021(seeded)
    at = make_app("views/compare.py")
    m = metrics(at)
    assert (m["変更"], m["途絶（記載なし）"], m["未報告（受付中）"], m["状況の変更"]) == ("4", "0", "19", "3")
    headers = [e.label for e in at.expander]
    assert any(
        h.startswith("**1-1-02-i**") and "文部科学省" in h and "状況 — → 一部遅延" in h for h in headers
    )


def test_compare_same_year_asks_for_two_years(make_app: MakeApp) -> None:
    """Picking one year twice gives a warning, not an error."""
    at = make_app("views/compare.py")
    at.selectbox(key="cmp_a").set_value(2021).run()
    assert not at.exception
    assert at.warning[0].value == "異なる2つの年度を選んでください。"


# --- マイルストーン Milestones -----------------------------------------------------------------------------


def test_milestones_counts_chart_and_sources(make_app: MakeApp) -> None:
    """As of 2026-03-31: 1 done, 12 overdue, 6 due; the chart and table carry every milestone."""
    at = make_app("views/milestones.py")
    m = metrics(at)
    assert (m["達成"], m["期限超過（達成の記録なし）"], m["期限前"], m["期日なし"]) == ("1", "12", "6", "0")
    spec = charts(at)[0]
    assert trace_names(spec) == ["達成", "期限超過（達成の記録なし）", "期限前"]
    assert sum(len(t["x"]) for t in spec["data"]) == 19
    assert spec["layout"]["title"]["text"] == "マイルストーンの時系列"
    assert annotation(spec, "source") == (
        "出典：「量子技術イノベーション戦略のフォローアップについて」; 「量子未来産業創出戦略」"
    )
    table = at.dataframe[0].value.set_index("ID")
    assert len(table) == 19
    assert table.loc["M-004-03", "期限"] == "2024年度"
    assert table.loc["M-004-01", "達成の根拠"].startswith("2023年3月：令和5年3月に")


def test_milestone_filters_change_rows_and_chart(make_app: MakeApp) -> None:
    """Status, pillar and year filters narrow table and chart alike."""
    at = make_app("views/milestones.py")
    at.pills(key="ms_status").set_value(["due"]).run()
    assert len(at.dataframe[0].value) == 6
    assert trace_names(charts(at)[0]) == ["期限前"]
    at.pills(key="ms_status").set_value(["done", "overdue", "due", "no_date"]).run()
    at.selectbox(key="ms_pillar").set_value(1).run()
    assert len(at.dataframe[0].value) == 7
    at.selectbox(key="ms_pillar").set_value("__all__").run()
    at.slider(key="ms_years").set_value((2027, 2050)).run()
    assert "6 件（全 19 件中）" in captions(at)


def test_milestones_with_nothing_selected_say_so(make_app: MakeApp) -> None:
    """Deselecting every status gives the no-match message and no chart."""
    at = make_app("views/milestones.py")
    at.pills(key="ms_status").set_value([]).run()
    assert not at.exception
    assert at.info[0].value == "条件に合う記載はありません。フィルタを緩めてください。"
    assert charts(at) == []


# --- 国際連携 International --------------------------------------------------------------------------------


def test_international_page_charts_and_tables(make_app: MakeApp) -> None:
    """Frameworks by the FY2024 deadline (4), agreements (7), the matrix, events (17)."""
    at = make_app("views/international.py")
    m = metrics(at)
    assert (m["期限までの枠組み"], m["うち二国間"], m["基準日時点の枠組み"]) == ("4", "2", "9")
    specs = charts(at)
    assert [s["layout"]["meta"]["chart"] for s in specs] == [
        "frameworks-vs-goal",
        "agreements-timeline",
        "partner-area-matrix",
        "events-timeline",
    ]
    assert trace_names(specs[0]) == ["二国間（累計）", "多国間（累計）", "合計（累計）"]
    assert trace_names(specs[1]) == ["協力覚書", "共同声明", "協力趣意書"]
    assert specs[2]["data"][0]["type"] == "heatmap"
    assert all((annotation(s, "source") or "").startswith("出典：") for s in specs)
    assert len(at.dataframe[0].value) == 7 and len(at.dataframe[1].value) == 17
    assert (
        at.dataframe[0].value["協力分野"].iloc[0]
        == "研究・イノベーション対話、教育・人材育成・人材交流、インフラ・試験施設"
    )


def test_international_as_of_an_earlier_date(make_app: MakeApp) -> None:
    """As of 2025-03-31 only two agreements exist and all frameworks fall within the deadline."""
    import datetime as dt

    at = make_app("views/international.py", as_of=dt.date(2025, 3, 31))
    m = metrics(at)
    assert (m["期限までの枠組み"], m["基準日時点の枠組み"]) == ("4", "4")
    assert len(at.dataframe[0].value) == 2


def test_international_in_english(make_app: MakeApp) -> None:
    """English partner names and chart titles."""
    at = make_app("views/international.py", lang="en")
    assert at.dataframe[0].value["Partner"].tolist()[0] == "United States"
    assert charts(at)[1]["layout"]["title"]["text"] == "Bilateral agreements on a timeline"
