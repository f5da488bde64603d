"""The follow-up table model: structure, filters, full-text search, 再掲 links, completeness, history."""

from __future__ import annotations

import pytest

from model.followup import (
    Filters,
    completeness,
    entries,
    entry_history,
    filter_entries,
    ministry_actions,
    owners,
    repeat_links,
    split_bullets,
    status_by_pillar,
    structure,
)
from model.store import Store
from tests.conftest import submit_followup as _upload


@pytest.fixture
def fy2021(store: Store) -> Store:
    """The seed plus FY2021 entries of MEXT (3, with statuses) and MOFA (1, without), on both backends."""
    _upload(
        store,
        "MEXT",
        2021,
        [
            ("1-1-01", "順調", "○ロードマップを改訂した。"),
            ("1-1-02-i", "一部遅延", "○量子コンピュータの開発を進めた。"),
            ("5-1-01", "完了", "○教育プログラムを開始した。"),
        ],
    )
    _upload(store, "MOFA", 2021, [("2-1-01", None, "○米国と協力を進めた。")])
    return store


def test_structure_places_every_action_in_its_pillar_and_area(sqlite_store: Store) -> None:
    """2020: 25 actions, sub rows inherit the parent's 【…】 tag and keep its title; 2023: 29, no owners."""
    st = structure(sqlite_store.snapshot())
    by = st.groupby("strategy_id").size().to_dict()
    assert by == {"innovation-2020": 25, "industry-2023": 29}
    old = st[st["strategy_id"] == "innovation-2020"]
    assert int(old["reportable"].sum()) == 23
    new = st[st["strategy_id"] == "industry-2023"]
    assert new["ministries_tag"].isna().all() and all(c == () for c in new["owner_codes"])
    row = st.set_index("action_id").loc["1-2-02-1"]
    assert (row["pillar_id"], row["area_id"], row["ministries_tag"]) == (1, "1-2", "科技、総、文、経")
    assert row["parent_title_ja"].startswith("｢融合領域ロードマップ｣")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), 23),
        (Filters(pillar=1), 13),
        (Filters(pillar=5), 3),
        (Filters(area="1-2"), 5),
        (Filters(ministry="MOFA"), 3),  # the joint text covers every owner: 2-1-01, 2-2-01, 5-2-01
        (Filters(ministry="IPHQ"), 2),
        (Filters(status="none"), 23),
        (Filters(status="順調"), 0),
        (Filters(query="量子暗号"), 3),
        (Filters(query="ＮＩＣＴ"), 5),  # full-width query matches half-width text
        (Filters(query="nict 東京"), 1),  # words are ANDed, case-insensitive
        (Filters(pillar=1, query="量子暗号"), 2),
    ],
)
def test_filters_on_the_seed_year(sqlite_store: Store, filters: Filters, expected: int) -> None:
    """Each filter narrows the FY2020 rows to the expected count."""
    df = entries(sqlite_store.snapshot(), 2020)
    assert len(filter_entries(df, filters, owners(sqlite_store.snapshot()))) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(fiscal_year=2021), 4),
        (Filters(fiscal_year=2021, ministry="MEXT"), 3),
        (Filters(fiscal_year=2021, status="順調"), 1),
        (Filters(fiscal_year=2021, status="none"), 1),
        (Filters(fiscal_year=2021, pillar=2), 1),
        (Filters(fiscal_year=2020, ministry="MEXT"), 23),
        (Filters(ministry="MEXT"), 26),
    ],
)
def test_filters_with_ministry_entries(fy2021: Store, filters: Filters, expected: int) -> None:
    """Ministry entries are filtered by their own code, year and status."""
    assert len(filter_entries(entries(fy2021.snapshot()), filters, owners(fy2021.snapshot()))) == expected


def test_split_bullets_keeps_continuation_paragraphs_with_their_bullet() -> None:
    """A line without ○ continues the bullet before it."""
    assert split_bullets("○一つ目\n続き\n〇二つ目") == ["○一つ目\n続き", "〇二つ目"]
    assert split_bullets(None) == []


def test_repeat_links_point_every_seed_repeat_to_its_original(sqlite_store: Store) -> None:
    """All 11 （再掲） bullets of FY2020 link to the action of the bullet they repeat."""
    links = repeat_links(entries(sqlite_store.snapshot(), 2020), sqlite_store.snapshot().table("bullets"))
    assert len(links) == 11
    assert links[("1-1-02-iii", 2020, "JOINT", "progress_ja", 0)] == "1-1-02-ii"
    assert links[("1-3-02", 2020, "JOINT", "progress_ja", 2)] == "1-2-03"
    assert sorted(set(links.values())) == ["1-1-02-ii", "1-1-03", "1-2-03"]


def test_repeat_links_match_uploaded_text_by_content(fy2021: Store) -> None:
    """A ministry's （再掲） bullet links to the earlier bullet with the same text."""
    _upload(fy2021, "METI", 2021, [("3-1-01", "順調", "○ロードマップを改訂した。（再掲）")])
    links = repeat_links(entries(fy2021.snapshot(), 2021))
    assert links == {("3-1-01", 2021, "METI", "progress_ja", 0): "1-1-01"}


def test_completeness_counts_joint_text_as_reported(sqlite_store: Store) -> None:
    """FY2020's joint text covers every owner; FY2021 has nothing yet."""
    full = completeness(sqlite_store.snapshot(), 2020).set_index("ministry_code")
    assert full["missing"].sum() == 0
    assert full.loc["MEXT", "owned"] == 23 and full.loc["CSTI", "owned"] == 20
    empty = completeness(sqlite_store.snapshot(), 2021).set_index("ministry_code")
    assert empty["reported"].sum() == 0
    assert empty["last_submission"].isna().all()


def test_completeness_after_uploads(fy2021: Store) -> None:
    """MEXT has 3 of 23 rows, MOFA 1 of 3, each with a last-submission time."""
    comp = completeness(fy2021.snapshot(), 2021).set_index("ministry_code")
    assert (comp.loc["MEXT", "reported"], comp.loc["MEXT", "missing"]) == (3, 20)
    assert (comp.loc["MOFA", "reported"], comp.loc["MOFA", "missing"]) == (1, 2)
    assert comp.loc["MEXT", "last_submission"] is not None
    assert comp.loc["METI", "reported"] == 0


def test_ministry_actions_marks_own_joint_and_missing_entries(fy2021: Store) -> None:
    """MEXT's rows for FY2021: 3 own entries with statuses, 20 without an entry."""
    rows = ministry_actions(fy2021.snapshot(), "MEXT", 2021).set_index("action_id")
    assert int(rows["has_entry"].sum()) == 3
    assert rows.loc["1-1-02-i", "status"] == "一部遅延"
    joint = ministry_actions(fy2021.snapshot(), "MEXT", 2020)
    assert set(joint["ministry_code"]) == {"JOINT"}


def test_status_by_pillar_counts_ministry_statuses(fy2021: Store) -> None:
    """FY2021 statuses land in their pillar's row."""
    counts = status_by_pillar(fy2021.snapshot(), 2021)
    assert counts.loc[1, "順調"] == 1 and counts.loc[1, "一部遅延"] == 1
    assert counts.loc[5, "完了"] == 1 and counts.loc[2, "none"] == 1
    assert int(counts.to_numpy().sum()) == 4


def test_entry_history_lists_every_version(fy2021: Store) -> None:
    """A re-submitted entry has two versions, oldest first, each with its submission."""
    _upload(fy2021, "MEXT", 2021, [("1-1-01", "完了", "○ロードマップを改訂し、公表した。")])
    hist = entry_history(fy2021.snapshot(), "1-1-01", 2021, "MEXT")
    assert list(hist["status"]) == ["順調", "完了"]
    assert hist["submission_id"].is_monotonic_increasing
