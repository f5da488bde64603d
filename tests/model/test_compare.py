"""Year over year: added, changed, unchanged, gone-silent and pending actions and entries, with word-level
diffs inside changed bullets."""

from __future__ import annotations

from model.auth import operator
from model.compare import change_counts, compare_entries, compare_years, diff_html, similarity, words
from model.reporting.rounds import close_round, open_round
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
    assert change_counts(table) == {"added": 1, "changed": 1, "unchanged": 1, "gone_silent": 1, "pending": 0}
    assert list(table["action_id"]) == ["1-1-01", "3-1-01", "4-1-01", "5-1-01"]  # strategy order


def test_seed_year_against_an_empty_year_is_all_gone_silent(sqlite_store: Store) -> None:
    """Nothing reported for FY2021 yet: every FY2020 action has gone silent."""
    counts = change_counts(compare_years(sqlite_store.snapshot(), 2020, 2021))
    assert counts == {"added": 0, "changed": 0, "unchanged": 0, "gone_silent": 23, "pending": 0}


def test_not_yet_reported_is_pending_while_the_round_is_open_and_gone_silent_after(
    sqlite_store: Store,
) -> None:
    """「途絶」 only once the year's collection is over: while FY2021's round is open, FY2020's actions that
    have no FY2021 entry yet are pending."""
    open_round(sqlite_store, 2021, operator())
    _upload(sqlite_store, 2021, {"1-1-01": "○技術ロードマップを改訂した。"})
    counts = change_counts(compare_years(sqlite_store.snapshot(), 2020, 2021))
    assert counts == {"added": 0, "changed": 1, "unchanged": 0, "gone_silent": 0, "pending": 22}
    per_entry = change_counts(compare_entries(sqlite_store.snapshot(), 2020, 2021))
    assert per_entry["gone_silent"] == 0 and per_entry["pending"] == 22
    close_round(sqlite_store, 2021, operator())
    counts = change_counts(compare_years(sqlite_store.snapshot(), 2020, 2021))
    assert counts["gone_silent"] == 22 and counts["pending"] == 0


def _upload_as(store: Store, code: str, fy: int, rows: dict[str, tuple[str | None, str]]) -> None:
    followup = [
        {
            "action_id": a,
            "fiscal_year": fy,
            "ministry_code": code,
            "status": st,
            "progress_ja": text,
            "next_ja": None,
        }
        for a, (st, text) in rows.items()
    ]
    store.submit(ChangeSet("upload", f"{code.lower()}-user", code, fy, followup=followup))


def test_per_ministry_entries_with_the_status_change(store: Store) -> None:
    """Each owner's entry against its own of the year before: MEXT changed its text and its 状況, MOFA kept
    both, METI is new; against the joint published text when the year before has only that."""
    _upload_as(store, "MEXT", 2021, {"1-1-01": ("順調", "○開発を進めた。")})
    _upload_as(store, "MOFA", 2021, {"2-1-01": ("順調", "○協力を進めた。")})
    _upload_as(store, "MEXT", 2022, {"1-1-01": ("一部遅延", "○開発を加速した。")})
    _upload_as(store, "MOFA", 2022, {"2-1-01": ("順調", "○協力を進めた。")})
    _upload_as(store, "METI", 2022, {"1-1-01": ("順調", "○実証を始めた。")})
    table = compare_entries(store.snapshot(), 2021, 2022).set_index(["action_id", "ministry_code"])
    assert table.loc[("1-1-01", "MEXT"), ["change", "status_a", "status_b", "status_changed"]].tolist() == [
        "changed",
        "順調",
        "一部遅延",
        True,
    ]
    assert table.loc[("2-1-01", "MOFA"), ["change", "status_changed"]].tolist() == ["unchanged", False]
    assert table.loc[("1-1-01", "METI"), ["change", "baseline"]].tolist() == ["added", "none"]
    against_joint = compare_entries(store.snapshot(), 2020, 2021).set_index(["action_id", "ministry_code"])
    assert against_joint.loc[("1-1-01", "MEXT"), ["change", "baseline"]].tolist() == ["changed", "joint"]
    assert ("1-1-01", "JOINT") not in against_joint.index  # its owners' entries stand for it
    assert against_joint.loc[("3-1-01", "JOINT"), "change"] == "gone_silent"  # no owner reported it


def test_ministry_text_replacing_the_joint_text_is_a_change(sqlite_store: Store) -> None:
    """A ministry's own FY2021 text for an action compares with the FY2020 joint text."""
    _upload(sqlite_store, 2021, {"1-1-01": "○技術ロードマップを改訂した。"})
    table = compare_years(sqlite_store.snapshot(), 2020, 2021).set_index("action_id")
    assert table.loc["1-1-01", "change"] == "changed"
    assert table.loc["1-1-01", "ministries_a"] == "JOINT"
    assert table.loc["1-1-01", "ministries_b"] == "MEXT"


def test_diff_html_marks_removed_and_added_words() -> None:
    """Inside a changed bullet, Japanese text is compared by 文節-like words; HTML in the text is escaped."""
    assert diff_html("開発を進めた。", "開発を加速した。") == "開発を<del>進めた</del><ins>加速した</ins>。"
    assert diff_html("○量子コンピュータの実証を3件行った。", "○量子コンピュータの実証を5件行った。") == (
        "○量子コンピュータの実証を<del>3</del><ins>5</ins>件行った。"
    )
    text = "○量子コンピュータの開発を進めた（2023年度に100 qubit）。"
    assert "".join(words(text)) == text
    assert words(text)[:6] == ["○", "量子", "コンピュータ", "の", "開発を", "進めた"]
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
