"""フォローアップ表: published layout, filter row counts, search, 再掲 links, history, empty year."""

from __future__ import annotations

import datetime as dt

import pytest

from model.store import Store
from tests.dashboard.apptest import MakeApp, captions, followup_rows, followup_table, upload, with_fy2021

PAGE = "views/followup.py"


def test_seed_year_in_the_published_layout(make_app: MakeApp) -> None:
    """FY2020: 23 entries under 5 pillars, each sub-area with its ＜目標＞, owners in 【…】."""
    at = make_app(PAGE)
    assert not at.exception
    assert followup_rows(at) == 23
    assert "23 件（全 23 件中）" in captions(at)
    assert [h.value for h in at.header] == [  # numbered as seed 002 prints them
        "１．技術開発戦略",
        "２．国際戦略",
        "３．産業・イノベーション戦略",
        "４．知的財産・国際標準化戦略",
        "５．人材戦略",
    ]
    assert at.subheader[0].value == "（１）主要技術領域"
    html = "\n".join(m.value for m in at.markdown)
    assert "＜目標＞ 重点技術課題毎に「技術ロードマップ」を作成し" in html
    assert "【科技、総、文、経】" in html
    assert html.count("href='#act-") == 11  # every （再掲） bullet links to its original


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("fu_pillar", 1, 13),
        ("fu_pillar", 2, 2),
        ("fu_ministry", "MOFA", 3),
        ("fu_ministry", "IPHQ", 2),
        ("fu_status", "none", 23),
        ("fu_query", "量子暗号", 3),
        ("fu_query", "ＮＩＣＴ 東京", 1),
    ],
)
def test_each_filter_changes_the_rows_shown(
    make_app: MakeApp, key: str, value: object, expected: int
) -> None:
    """Pillar, ministry, status and full-text search narrow FY2020 to the expected count."""
    at = make_app(PAGE)
    if key == "fu_query":
        at.text_input(key=key).input(str(value)).run()
    else:
        at.selectbox(key=key).set_value(value).run()
    assert not at.exception
    assert followup_rows(at) == expected
    assert f"{expected} 件（全 23 件中）" in captions(at)


def test_area_filter_follows_the_pillar(make_app: MakeApp) -> None:
    """Pillar 1 offers its three sub-areas that hold actions (1-4 has none); 1-2 has 5 entries."""
    at = make_app(PAGE)
    at.selectbox(key="fu_pillar").set_value(1).run()
    assert at.selectbox(key="fu_area").options == [
        "すべて",
        "（１）主要技術領域",
        "（２）量子融合イノベーション領域",
        "（３）量子 inspired技術・準量子技術",
    ]
    at.selectbox(key="fu_area").set_value("1-2").run()
    assert followup_rows(at) == 5


def test_a_filter_with_no_match_shows_a_message(make_app: MakeApp) -> None:
    """No FY2020 entry has a status: filtering on 順調 shows the no-match message."""
    at = make_app(PAGE)
    at.selectbox(key="fu_status").set_value("順調").run()
    assert not at.exception
    assert [i.value for i in at.info] == ["条件に合う記載はありません。フィルタを緩めてください。"]


def test_empty_fiscal_year_shows_a_clear_empty_state(make_app: MakeApp) -> None:
    """FY2021, being collected and still empty, says so instead of showing an empty table."""
    at = make_app(PAGE)
    at.selectbox(key="fu_fy").set_value(2021).run()
    assert not at.exception
    assert at.info[0].value.startswith("2021年度のフォローアップはまだ登録されていません")
    assert len(at.dataframe) == 0


def test_ministry_entries_with_statuses(make_app: MakeApp, seeded: Store) -> None:
    """FY2021 uploads: 4 rows, MEXT 3, 順調 1, 未設定 1."""
    with_fy2021(seeded)
    at = make_app(PAGE)
    at.selectbox(key="fu_fy").set_value(2021).run()
    assert followup_rows(at) == 4
    at.selectbox(key="fu_ministry").set_value("MEXT").run()
    assert followup_rows(at) == 3
    at.selectbox(key="fu_ministry").set_value("__all__").run()
    at.selectbox(key="fu_status").set_value("順調").run()
    assert followup_rows(at) == 1
    at.selectbox(key="fu_status").set_value("none").run()
    assert followup_table(at)["府省"].tolist() == ["外務省"]


def test_entry_history_on_demand(make_app: MakeApp, seeded: Store) -> None:
    """Choosing an entry shows its versions: MEXT's re-submitted entry has two."""
    with_fy2021(seeded)
    upload(seeded, "MEXT", 2021, [("1-1-01", "完了", "○技術ロードマップを改訂し、公表した。")])
    at = make_app(PAGE)
    at.selectbox(key="fu_fy").set_value(2021).run()
    assert len(at.dataframe) == 0  # nothing chosen yet: no history table
    at.selectbox(key="fu_history_pick").set_value("1-1-01|2021|MEXT").run()
    hist = at.dataframe[0].value
    assert hist["状況"].tolist() == ["順調", "完了"]
    assert hist["提出者"].tolist() == ["mext-user", "mext-user"]


def test_followup_page_in_english(make_app: MakeApp) -> None:
    """English filters and column names; the Japanese text itself stays Japanese."""
    at = make_app(PAGE, lang="en")
    assert at.selectbox(key="fu_fy").options[-2:] == ["FY2020", "All years"]
    df = followup_table(at)
    assert list(df.columns)[:3] == ["Action ID", "Sub-area", "Action"]
    assert "23 of 23 rows" in captions(at)


def test_a_write_shows_on_the_next_run_without_restarting(make_app: MakeApp, seeded: Store) -> None:
    """Cached reads are keyed by the store version: an upload after the first run appears on the next."""
    at = make_app(PAGE)
    at.selectbox(key="fu_fy").set_value(2021).run()
    assert at.info[0].value.startswith("2021年度のフォローアップはまだ登録されていません")
    with_fy2021(seeded)
    at.run()
    assert followup_rows(at) == 4


def test_strategy_filter_shows_a_2023_row_and_lives_in_the_url(seeded: Store, make_app: MakeApp) -> None:
    """A 2023 action assigned to 文 and reported for FY2024 shows under its strategy, numbered as seed 004
    prints it, with its owner; the choice is in the URL, and a link with ?strategy= opens it filtered."""
    from model.auth import operator
    from model.store import ChangeSet
    from model.structure import Edit
    from model.structure_edits import apply_edits

    apply_edits(seeded, operator(), [Edit("owners.set", "2301-1-01", {"owners": ["文"]}, 2024, "決定")])
    row = {"action_id": "2301-1-01", "fiscal_year": 2024, "ministry_code": "MEXT", "status": "順調"}
    row |= {"progress_ja": "○ユースケース実証を3件支援した。", "next_ja": "○対象を拡大する。"}
    seeded.submit(ChangeSet("upload", "mext-user", "MEXT", 2024, followup=[row]))
    at = make_app(PAGE, as_of=dt.date(2025, 3, 31))
    at.selectbox(key="fu_strategy").set_value("industry-2023").run()
    assert not at.exception, at.exception
    assert [i.value for i in at.info] == [] and followup_rows(at) == 1, [c.value for c in at.caption]
    assert at.query_params["strategy"] == "industry-2023"  # a bookmark of this view keeps the filter
    assert [h.value for h in at.header] == ["(1)量子コンピュータ（ソフトウェア、利用環境整備等）"]
    assert at.subheader[0].value == "①ユーザ産業の創出と振興"
    page = "\n".join(m.value for m in at.markdown)
    assert "ユースケース実証を3件支援した" in page and "【文】" in page
    at.selectbox(key="fu_strategy").set_value("innovation-2020").run()
    assert "ユースケース実証" not in "\n".join(m.value for m in at.markdown)
    assert [c for c in captions(at) if "件（全 1 件中）" in c] == ["0 件（全 1 件中）"]


def test_a_link_with_a_strategy_opens_the_page_filtered(make_app: MakeApp) -> None:
    """?strategy=industry-2023 selects that strategy: FY2020 has no 2023 rows, so none are shown."""
    from streamlit.testing.v1 import AppTest

    from tests.dashboard.apptest import APP, AS_OF

    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"], at.session_state["as_of"] = "ja", AS_OF
    at.query_params["strategy"] = "industry-2023"
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    assert at.selectbox(key="fu_strategy").value == "industry-2023"
    assert "0 件（全 23 件中）" in captions(at)
