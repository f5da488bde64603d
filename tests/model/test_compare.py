"""Year over year: added, changed, unchanged and gone-silent actions, with character-level diffs."""

from __future__ import annotations

from model.compare import change_counts, compare_years, diff_html, similarity
from model.store import ChangeSet, Store


def _upload(store: Store, fy: int, rows: dict[str, str]) -> None:
    store.submit(
        ChangeSet(
            "upload",
            "mext-user",
            "MEXT",
            fy,
            followup=[
                {
                    "action_id": a,
                    "fiscal_year": fy,
                    "ministry_code": "MEXT",
                    "progress_ja": text,
                    "next_ja": None,
                }
                for a, text in rows.items()
            ],
        )
    )


def test_two_uploaded_years_classify_every_action(store: Store) -> None:
    """FY2021 → FY2022: one changed, one unchanged, one added, one gone silent (both backends)."""
    _upload(store, 2021, {"1-1-01": "○開発を進めた。", "3-1-01": "○拠点を整備した。", "5-1-01": "○同じ。"})
    _upload(store, 2022, {"1-1-01": "○開発を加速した。", "5-1-01": "○同じ。", "4-1-01": "○新規。"})
    table = compare_years(store.snapshot(), 2021, 2022)
    kinds = dict(zip(table["action_id"], table["change"], strict=True))
    assert kinds == {"1-1-01": "changed", "3-1-01": "gone_silent", "4-1-01": "added", "5-1-01": "unchanged"}
    assert change_counts(table) == {"added": 1, "changed": 1, "unchanged": 1, "gone_silent": 1}
    assert list(table["action_id"]) == ["1-1-01", "3-1-01", "4-1-01", "5-1-01"]  # strategy order


def test_seed_year_against_an_empty_year_is_all_gone_silent(sqlite_store: Store) -> None:
    """Nothing reported for FY2021 yet: every FY2020 action has gone silent."""
    counts = change_counts(compare_years(sqlite_store.snapshot(), 2020, 2021))
    assert counts == {"added": 0, "changed": 0, "unchanged": 0, "gone_silent": 23}


def test_ministry_text_replacing_the_joint_text_is_a_change(sqlite_store: Store) -> None:
    """A ministry's own FY2021 text for an action compares with the FY2020 joint text."""
    _upload(sqlite_store, 2021, {"1-1-01": "○技術ロードマップを改訂した。"})
    table = compare_years(sqlite_store.snapshot(), 2020, 2021).set_index("action_id")
    assert table.loc["1-1-01", "change"] == "changed"
    assert table.loc["1-1-01", "ministries_a"] == "JOINT"
    assert table.loc["1-1-01", "ministries_b"] == "MEXT"


def test_diff_html_marks_removed_and_added_characters() -> None:
    """Japanese text is compared by character; HTML in the text is escaped."""
    assert diff_html("開発を進めた。", "開発を加速した。") == "開発を<del>進め</del><ins>加速し</ins>た。"
    assert diff_html(None, "<b>") == "<ins>&lt;b&gt;</ins>"
    assert diff_html("一\n二", "一\n二") == "一<br>二"


def test_similarity_is_one_for_equal_text() -> None:
    """Equal texts are fully similar; disjoint ones not at all."""
    assert similarity("同じ", "同じ") == 1.0
    assert similarity("あ", "い") == 0.0


def test_diff_html_shows_a_rewritten_bullet_whole() -> None:
    """A bullet that kept little of its text is shown as removed then added, not as character noise."""
    html = diff_html("○あいうえお\n○同じ", "○かきくけこ\n○同じ\n○新しい")
    assert html == "<del>○あいうえお</del><br><ins>○かきくけこ</ins><br>○同じ<br><ins>○新しい</ins>"
