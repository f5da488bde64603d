"""The follow-up table as published: grouping, 【…】, the store's exact texts, print setup, CSV with BOM."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
from python_calamine import CalamineWorkbook

from model.exports.followup_table import published_table, to_csv, to_xlsx
from model.store import JOINT, Store
from tests.model.exports.conftest import FY, METI_NEXT, METI_PROGRESS, MEXT_PROGRESS


def test_rows_follow_the_strategy_structure(store: Store) -> None:
    """5 pillars, 13 sub-areas with tables (1-4 has none), their ＜目標＞, 23 reportable rows, 2 parents."""
    table = published_table(store.snapshot(), 2020)
    counts = table["kind"].value_counts().to_dict()
    assert counts == {"pillar": 5, "area": 13, "goal": 13, "action": 23, "parent": 2}
    assert table.iloc[0]["action"] == "１．技術開発戦略"
    assert table.iloc[1]["action"] == "（１）主要技術領域"
    goal = store.snapshot().table("areas").set_index("area_id").loc["1-1", "goal_ja"]
    assert table.iloc[2]["action"] == f"＜目標＞{goal}"
    # every action row sits under the heading of its own sub-area
    area = None
    for r in table.itertuples(index=False):
        if r.kind == "area":
            area = r.area_id
        elif r.kind in ("action", "parent"):
            assert r.area_id == area


def test_action_text_carries_the_ministries_and_sub_rows_their_label(store: Store) -> None:
    """Tagged rows end with 【…】; sub rows ⅰ–ⅳ / ①–③ follow their parent's text as seed 002 prints them."""
    table = published_table(store.snapshot(), 2020).set_index("action_id", drop=False)
    assert (
        table.loc["1-1-01", "action"]
        == "｢主要技術領域｣について､｢重点技術課題｣と｢基礎基盤技術課題｣を特定\n【科技、総、文、経】"
    )
    assert table.loc["1-1-02", "kind"] == "parent"
    assert (
        table.loc["1-1-02", "action"]
        == "技術ロードマップを策定し、重点的な支援を推進等\n【科技、総、文、経】"
    )
    assert table.loc["1-1-02-i", "action"] == "（主要技術領域ⅰ）\n量子コンピュータ・量子シミュレーション"
    assert table.loc["1-2-02-1", "action"] == "量子融合イノベーション領域① 量子 AI"
    order = list(table["action_id"].dropna())
    assert order.index("1-1-02") + 1 == order.index("1-1-02-i")


def test_fy2020_cells_are_the_joint_text_from_the_store(store: Store) -> None:
    """進捗 and 次年度以降 are the stored joint text, character for character."""
    table = published_table(store.snapshot(), 2020).set_index("action_id", drop=False)
    fu = store.snapshot().followup(2020)
    assert set(fu["ministry_code"]) == {JOINT}
    for r in fu.itertuples(index=False):
        assert table.loc[r.action_id, "progress"] == (r.progress_ja or "―")
        assert table.loc[r.action_id, "next"] == (r.next_ja or "―")


def test_later_year_shows_each_ministry_prefixed_and_dashes_for_silence(reported_store: Store) -> None:
    """Two ministries on one row: each text prefixed by its name (tag order); unreported rows show ―."""
    table = published_table(reported_store.snapshot(), FY).set_index("action_id", drop=False)
    progress = table.loc["1-1-01", "progress"]
    assert progress == f"［文部科学省｜順調］\n{MEXT_PROGRESS}\n\n［経済産業省｜遅延］\n{METI_PROGRESS}"
    assert table.loc["1-1-01", "next"].endswith(f"［経済産業省｜遅延］\n{METI_NEXT}")
    assert table.loc["1-1-03", "progress"] == "―"


def test_xlsx_is_print_ready_and_holds_the_exact_texts(reported_store: Store) -> None:
    """A4 landscape, header row repeated, wrapped text, widths set; texts as stored, formulas neutralised."""
    data = to_xlsx(reported_store.snapshot(), 2020)
    ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.print_title_rows == "$3:$3"
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert [ws.cell(3, c).value for c in (1, 2, 3)] == ["取組", "進捗", "2021年度以降（の取組）"]
    assert ws.column_dimensions["B"].width == 64
    assert ws["B7"].alignment.wrap_text is True  # row 7: the first action (4 pillar, 5 area, 6 goal)
    assert "A4:C4" in {str(r) for r in ws.merged_cells.ranges}  # the pillar heading spans the table
    values = pd.DataFrame(CalamineWorkbook.from_object(io.BytesIO(data)).get_sheet_by_index(0).to_python())
    fu = reported_store.snapshot().followup(2020).set_index("action_id")
    assert fu.loc["1-1-01", "progress_ja"] in set(values[1])
    assert (values[0] == "１．技術開発戦略").sum() == 1
    assert values[0].str.contains("【内閣官房、科技、総、外、文、経】", regex=False).sum() == 3


def test_xlsx_and_csv_neutralise_formula_like_entries(reported_store: Store) -> None:
    """METI's '=HYPERLINK…' and '+…' are written as text with a leading apostrophe, never as formulas."""
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx(reported_store.snapshot(), FY))).worksheets[0]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    texts = [str(c.value) for c in cells]
    assert any(METI_PROGRESS in s for s in texts)
    assert not any(s.startswith(("=", "+", "-", "@")) for s in texts)
    rows = list(csv.reader(io.StringIO(to_csv(reported_store.snapshot(), FY).decode("utf-8-sig"))))
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)


def test_csv_is_utf8_with_bom_and_matches_the_table(store: Store) -> None:
    """The CSV opens in Excel with the Japanese intact: BOM, the same three columns and rows."""
    data = to_csv(store.snapshot(), 2020)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    table = published_table(store.snapshot(), 2020)
    assert rows[0] == ["取組", "進捗", "2021年度以降（の取組）"]
    assert len(rows) == len(table) + 1
    assert rows[1:] == table[["action", "progress", "next"]].values.tolist()


def test_every_xlsx_row_is_the_published_row_exactly(store: Store) -> None:
    """Read back with calamine, rows 4… are the published table cell for cell, on both backends."""
    data = to_xlsx(store.snapshot(), 2020)
    rows = CalamineWorkbook.from_object(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    table = published_table(store.snapshot(), 2020)
    body = [[str(c) for c in r[:3]] for r in rows[3:]]
    expected = [[a, p or "", n or ""] for a, p, n in table[["action", "progress", "next"]].values.tolist()]
    assert body == expected


def test_xlsx_rows_are_tall_enough_for_their_text(sqlite_store: Store) -> None:
    """Wrapped cells get a height from their text (LibreOffice would otherwise clip them to one line)."""
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx(sqlite_store.snapshot(), 2020))).worksheets[0]
    heights = {r: ws.row_dimensions[r].height for r in range(4, ws.max_row + 1)}
    assert all(h is not None and h >= 17 for h in heights.values())
    longest = max(range(4, ws.max_row + 1), key=lambda r: len(str(ws.cell(r, 2).value or "")))
    assert heights[longest] >= 150
