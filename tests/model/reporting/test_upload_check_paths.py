"""Issue 12: the ways an upload check was made faster keep what it finds — texts shared across the parse
child's reply, the row scan's fast pattern, the snapshot's work done while the child parses, one comparison
for the KPI owners' rule and the preview."""

from __future__ import annotations

import io
import multiprocessing
from typing import Any

import openpyxl
import pandas as pd
import pytest

from model.errors import AppError
from model.reporting import _sheets
from model.reporting.commit import commit_upload
from model.reporting.template import issue_template
from model.reporting.upload import check_upload
from model.store import FOLLOWUP_VALUES, Snapshot, Store
from tests.model.reporting.conftest import FY, SECRETARIAT, fill, make_editor

MB = 1024 * 1024


def _xlsx(rows: list[list[Any]]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _parse(data: bytes, **kwargs: Any) -> _sheets.Parsed:
    return _sheets.parse(
        data, "xlsx", False, max_rows=20_000, max_columns=200, memory=256 * MB, seconds=30, **kwargs
    )


def test_a_columns_repeated_texts_cross_from_the_child_as_one_object() -> None:
    """Equal texts of a column arrive as one string (pickled once), equal to what the file holds; another
    column's equal text stays its own."""
    rows = [["状況", "別"], *[["順調", f"行{i}"] for i in range(5)], ["遅延", "順調"], [1.5, None]]
    parsed = _parse(_xlsx(rows))
    assert parsed.error is None
    got = parsed.sheets["Sheet"]
    assert got == [["状況", "別"], *[["順調", f"行{i}"] for i in range(5)], ["遅延", "順調"], [1.5, ""]]
    assert all(r[0] is got[1][0] for r in got[1:6])  # one object: the reply holds it once
    assert got[6][1] is not got[1][0]  # another column's text is its own


def test_a_text_over_the_cap_is_cut_its_length_kept_and_the_cut_text_shared() -> None:
    long = "長" * (_sheets.CELL_CAP + 10)
    rows: list[list[Any]] = [["a", long], ["a", long + "x"], [3, "b"]]
    lengths: dict[tuple[str, int, int], int] = {}
    _sheets._cap_and_share("S", rows, lengths)
    assert rows[0][1] == rows[1][1] == long[: _sheets.CELL_CAP] and rows[1][1] is rows[0][1]
    assert lengths == {("S", 1, 2): len(long), ("S", 2, 2): len(long) + 1}
    assert rows[1][0] is rows[0][0] and rows[2] == [3, "b"]


def test_a_column_of_many_distinct_texts_stops_being_remembered() -> None:
    """Past _SHARED distinct values a column's new texts are not remembered (bounded memory); values are
    unchanged and a text seen before the bound is still shared."""
    n = _sheets._SHARED + 50
    rows = [[f"t{i}"] for i in range(n)] + [["t0"], [f"t{n - 1}"]]
    parsed = _parse(_xlsx(rows))
    got = [r[0] for r in parsed.sheets["Sheet"]]
    assert got == [f"t{i}" for i in range(n)] + ["t0", f"t{n - 1}"]
    assert got[n] is got[0]  # remembered
    assert got[n + 1] is not got[n - 1]  # past the bound: a copy, equal


@pytest.mark.parametrize(
    ("xml", "rows"),
    [
        (b'<sheetData><row r="1"><c r="A1"/></row><row r="7"><c r="A7"/></row></sheetData>', 7),
        (b'<x:sheetData><x:row r="1"/><x:row spans="1:2" r="25000"/></x:sheetData>', 25_000),
        # a prefixed far row among plain ones: the fast pattern alone would miss it
        (b'<sheetData><row r="3"/></sheetData><x:row r="30000"/>', 30_000),
        (b"<sheetData><row><c/></row><row/><row/></sheetData>", 3),  # unnumbered rows are counted
        (b'<sheetData><row r="2"><c r="ZZ2"/></row></sheetData>', _sheets.FAR),
    ],
)
def test_the_row_scan_finds_the_farthest_row_with_or_without_a_prefix(xml: bytes, rows: int) -> None:
    assert _sheets.xlsx_extent(xml) == rows


def _parse_children() -> list[multiprocessing.Process]:
    return [p for p in multiprocessing.active_children() if p.name == "qf-parse"]


def test_meanwhile_runs_while_the_child_parses() -> None:
    """The caller's work runs once the child has started, before its answer is read."""
    seen: list[bool] = []
    parsed = _parse(_xlsx([["a"], ["b"]]), meanwhile=lambda: seen.append(bool(_parse_children())))
    assert seen == [True] and parsed.error is None and parsed.sheets["Sheet"] == [["a"], ["b"]]
    assert not _parse_children()


def test_what_meanwhile_raises_is_raised_and_the_child_is_stopped() -> None:
    def fail() -> None:
        raise LookupError("unknown ministry")

    with pytest.raises(LookupError, match="unknown ministry"):
        _parse(_xlsx([["a"]]), meanwhile=fail)
    assert not _parse_children()
    assert _parse(_xlsx([["a"]])).sheets["Sheet"] == [["a"]]  # the turn was given back


def test_an_unknown_ministry_is_still_an_error_after_the_parse_started(sqlite_rstore: Store) -> None:
    data = fill(issue_template(sqlite_rstore, SECRETARIAT, "MOFA", FY), {"2-1-01": ("a", "b", "順調")})
    with pytest.raises(AppError, match="XYZ"):
        check_upload(sqlite_rstore.snapshot(), data, "m.xlsx", "XYZ")
    assert not _parse_children()


def test_one_comparison_serves_the_kpi_owners_rule_and_the_preview(
    sqlite_rstore: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upload with follow-up rows and a KPI value, checked as the ministry's editor: the store is
    compared once, and the preview is that comparison, row by row, before and after."""
    store = sqlite_rstore
    user = make_editor(store, "MOFA")
    first = fill(issue_template(store, SECRETARIAT, "MOFA", FY), {"2-1-01": ("旧", "次", "順調")})
    commit_upload(store, check_upload(store.snapshot(), first, "a.xlsx", "MOFA", user=user), user)
    data = fill(
        issue_template(store, SECRETARIAT, "MOFA", FY),
        {"2-1-01": ("新", None, "完了"), "5-2-01": ("開始した。", "継続する。", "遅延")},
        kpi=[["G-5-2", "令和7年3月31日", "３"]],
    )
    calls: list[int] = []
    compare = Snapshot.compare

    def counted(self: Snapshot, change: Any) -> Any:
        calls.append(1)
        return compare(self, change)

    monkeypatch.setattr(Snapshot, "compare", counted)
    snap = store.snapshot()
    up = check_upload(snap, data, "b.xlsx", "MOFA", user=user)
    assert up.ok, [str(p) for p in up.problems]
    assert len(calls) == 1
    assert up.preview is not None
    # The preview as it was built before (a frame from one dict per row), from a comparison of its own.
    fu, kpi = compare(snap, up.change_set(""))
    expected_fu = pd.DataFrame(
        [
            {
                "action_id": c.record["action_id"],
                "change": c.change,
                **{f"{col}_before": (c.before or {}).get(col) for col in FOLLOWUP_VALUES},
                **{f"{col}_after": c.record[col] for col in FOLLOWUP_VALUES},
            }
            for c in fu
        ],
        columns=up.preview.followup.columns,
    )
    expected_kpi = pd.DataFrame(
        [
            {
                "goal_id": c.record["goal_id"],
                "date": c.record["date"],
                "change": c.change,
                "value_before": (c.before or {}).get("value"),
                "value_after": c.record["value"],
            }
            for c in kpi
        ],
        columns=up.preview.kpi.columns,
    )
    pd.testing.assert_frame_equal(up.preview.followup, expected_fu)
    pd.testing.assert_frame_equal(up.preview.kpi, expected_kpi)
    by_id = up.preview.followup.set_index("action_id")
    assert by_id.loc["2-1-01", ["change", "progress_ja_before", "progress_ja_after"]].tolist() == [
        "changed",
        "旧",
        "新",
    ]
    assert pd.isna(by_id.loc["2-1-01", "next_ja_after"]) and by_id.loc["5-2-01", "change"] == "added"
    assert up.preview.counts() == {"added": 2, "changed": 1, "unchanged": 0}


def test_the_current_rows_compared_are_plain_python_values(rstore: Store) -> None:
    """The rows a comparison holds as `before` have no NaN and no NumPy scalars (SQLite and PostgreSQL):
    a text the store holds as NULL is None, a number is an int."""
    store = rstore
    user = make_editor(store, "MOFA")
    rows = {"2-1-01": ("済んだ。", None, "完了"), "2-2-01": ("進めた。", "続ける。", "順調")}
    data = fill(issue_template(store, SECRETARIAT, "MOFA", FY), rows)
    commit_upload(store, check_upload(store.snapshot(), data, "a.xlsx", "MOFA", user=user), user)
    up = check_upload(store.snapshot(), data, "a.xlsx", "MOFA", user=user)
    fu, _ = store.snapshot().compare(up.change_set(""))
    before = {c.record["action_id"]: c.before for c in fu}
    assert {c.change for c in fu} == {"unchanged"}
    done = before["2-1-01"]
    assert done is not None and done["next_ja"] is None and done["status"] == "完了"
    for row in before.values():
        assert row is not None
        assert type(row["id"]) is int and type(row["submission_id"]) is int and row["deleted"] is False
        assert all(type(row[c]) is str for c in ("action_id", "ministry_code", "progress_ja", "status"))
