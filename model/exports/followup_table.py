"""The follow-up table as published (seed 002's layout): 取組 / 進捗 / 次年度以降の取組, grouped by pillar and
sub-area with the ＜目標＞ line, each action with its ministries in 【…】.

`published_table` builds the rows once; `to_xlsx` (print-ready: A4 landscape, header row repeated on every
page, wrapped text, fixed column widths) and `to_csv` (UTF-8 with BOM) write them. Texts are the store's,
character for character; only formula-like cells are neutralised and characters the intake rule refuses
revealed, and an .xlsx cell is cut at Excel's limit (see `safe`).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import unicodedata
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.header_footer import HeaderFooterItem, _HeaderFooterPart
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from model.calendar_ja import format_date, format_fy
from model.errors import AppError
from model.exports.safe import csv_bytes, neutralise, xlsx_cell
from model.followup import area_label, pillar_label, structure
from model.messages import t
from model.ministries import MinistryRegistry
from model.reporting.publication import is_provisional
from model.store import JOINT, Snapshot
from model.strategy import registry, strategies

COLUMNS = ["kind", "pillar_id", "area_id", "action_id", "action", "progress", "next"]
"""kind: pillar | area | goal | parent (a heading action whose text sits above its sub rows) | action."""

_CIRCLED = set("①②③④⑤⑥⑦⑧⑨⑩")


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value)
    return text if text.strip() else None


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in r.items()} for r in df.to_dict("records")]


def _tag(tag: str) -> str:
    return f"【{tag}】"


def _sub_label(area_name: str, label: str, title: str) -> str:
    """As seed 002 prints a sub row: （主要技術領域ⅰ）⏎title, or 量子融合イノベーション領域① title."""
    if label in _CIRCLED:
        return f"{area_name}{label} {title}"
    return f"（{area_name}{label}）\n{title}"


def _entry_text(entries: pd.DataFrame, column: str, order: list[str], ministries: MinistryRegistry) -> str:
    """The cell for one action: the joint text as printed; a ministry's text prefixed by its name."""
    empty = t("ft.empty")
    rank = {code: i for i, code in enumerate(order)}
    rows = sorted(
        entries.to_dict("records"),
        key=lambda r: (
            r["ministry_code"] != JOINT,
            rank.get(r["ministry_code"], len(rank)),
            r["ministry_code"],
        ),
    )
    parts = []
    for r in rows:
        body = _text(r[column]) or empty
        if r["ministry_code"] == JOINT:
            parts.append(body)
            continue
        code = str(r["ministry_code"])
        name = ministries.get(code).name_ja if code in ministries.codes else code
        status = _text(r.get("status"))
        prefix = (
            t("ft.ministry_prefix_status", name=name, status=status)
            if status
            else t("ft.ministry_prefix", name=name)
        )
        parts.append(f"{prefix}\n{body}")
    return "\n\n".join(parts) if parts else empty


def strategies_in(snap: Snapshot, fiscal_year: int, strategy_id: str | None = None) -> list[dict[str, Any]]:
    """The strategies a fiscal year's table covers: those with actions in force that year (or the one
    asked for), oldest first."""
    st = structure(snap, fiscal_year)
    live = set(st.loc[st["in_force"] & st["reportable"], "strategy_id"])
    rows = _records(strategies(snap))
    if strategy_id is not None:
        if strategy_id not in {str(r["strategy_id"]) for r in rows}:
            known = ", ".join(str(r["strategy_id"]) for r in rows)
            raise AppError("err.unknown_strategy", text=strategy_id, known=known)
        return [r for r in rows if r["strategy_id"] == strategy_id]
    return [r for r in rows if r["strategy_id"] in live]


def published_table(snap: Snapshot, fiscal_year: int, strategy_id: str | None = None) -> pd.DataFrame:
    """Every row of the published table for a fiscal year, in printed order (see COLUMNS): the structure
    in force that year, each strategy numbered as its own document prints it. A table of several
    strategies starts each with a `strategy` heading row."""
    st = structure(snap, fiscal_year)
    st = st[st["in_force"]]
    chosen = strategies_in(snap, fiscal_year, strategy_id)
    ministries = registry(snap)
    entries = snap.followup(fiscal_year)
    by_action = {str(k): g for k, g in entries.groupby("action_id")}
    pillars = snap.table("pillars").sort_values(["no"])
    areas = snap.table("areas")
    unassigned = t("st.unassigned")
    rows: list[dict[str, Any]] = []

    def add(kind: str, pillar: int, area: str | None, action: str | None, *cells: str) -> None:
        a, p, n = (*cells, "", "")[:3]
        rows.append(dict(zip(COLUMNS, (kind, pillar, area, action, a, p, n), strict=True)))

    for s in chosen:
        sid = str(s["strategy_id"])
        mine = st[st["strategy_id"] == sid]
        if len(chosen) > 1:
            add("strategy", 0, None, None, f"{s['title_ja']}（{s['decided_ja']}）")
        for p in _records(pillars[pillars["strategy_id"] == sid]):
            pid = int(p["pillar_id"])
            in_pillar = mine[mine["pillar_id"] == pid]
            if in_pillar.empty:
                continue
            first = in_pillar.iloc[0].to_dict()
            add("pillar", pid, None, None, pillar_label(first))
            for ar in _records(areas[areas["pillar_id"] == pid].sort_values("no")):
                area_id = str(ar["area_id"])
                own = _records(in_pillar[in_pillar["area_id"] == area_id])
                if not own:  # 1-4 is in the table of contents only: no ＜目標＞, no table
                    continue
                label = area_label(own[0])
                if label:
                    add("area", pid, area_id, None, label)
                goal = _text(ar["goal_ja"])
                if goal:
                    add("goal", pid, area_id, None, t("ft.goal", text=goal))
                group = None
                for a in own:
                    if _text(a["group_ja"]) and a["group_ja"] != group:
                        group = a["group_ja"]
                        add("group", pid, area_id, None, f"<{group}>")
                    action_id = str(a["action_id"])
                    tag = _text(a["ministries_tag"]) or unassigned
                    if not a["reportable"]:
                        # A heading row (e.g. 技術ロードマップを策定し…): its sub rows carry the entries.
                        add("parent", pid, area_id, action_id, f"{a['title_ja']}\n{_tag(tag)}")
                        continue
                    if _text(a["parent_id"]):
                        text = _sub_label(str(ar["name_ja"]), str(a["sub_label"]), str(a["title_ja"]))
                    else:
                        text = f"{a['title_ja']}\n{_tag(tag)}"
                    found = by_action.get(action_id, entries.iloc[0:0])
                    order = list(a["owner_codes"])
                    add(
                        "action",
                        pid,
                        area_id,
                        action_id,
                        text,
                        _entry_text(found, "progress_ja", order, ministries),
                        _entry_text(found, "next_ja", order, ministries),
                    )
    return pd.DataFrame(rows, columns=COLUMNS)


def table_title(snap: Snapshot, fiscal_year: int, strategy_id: str | None = None) -> str:
    names = "・".join(f"「{s['title_ja']}」" for s in strategies_in(snap, fiscal_year, strategy_id))
    return t("ft.title", strategies=names, fy=format_fy(fiscal_year))


def header(fiscal_year: int) -> list[str]:
    return [t("ft.col.action"), t("ft.col.progress"), t("ft.col.next", next_fy=fiscal_year + 1)]


# --- writers ------------------------------------------------------------------------------------------

WIDTHS = {"A": 40, "B": 64, "C": 56}
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_FILLS = {
    "header": PatternFill("solid", fgColor="1F3864"),
    "strategy": PatternFill("solid", fgColor="B4C6E7"),
    "pillar": PatternFill("solid", fgColor="D9E1F2"),
    "area": PatternFill("solid", fgColor="EDF1F9"),
}
FONT_NAME = "IPAexGothic"
_SPANNING = ("strategy", "pillar", "area", "goal", "group")  # heading rows across the three columns


# Spreadsheets do not grow a row to fit wrapped text written by a program (LibreOffice keeps the default
# height, so the PDF shows one clipped line): the height is estimated from the text. Measured on the
# LibreOffice PDF of the 2020 table: a full-width character of the 10 pt font takes about 1.45 units of
# column width, a half-width one about 0.85, a line 12.5 pt (the estimate errs on the generous side).
_LINE_PT = 13.0
_PAD_PT = 4.0
_MAX_ROW_PT = 409.0  # the tallest row Excel allows


def _text_width(text: str) -> float:
    return sum(1.45 if unicodedata.east_asian_width(ch) in "WFA" else 0.85 for ch in text)


def _lines(text: str, width: float) -> int:
    usable = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(_text_width(line) / usable)) for line in text.split("\n"))


def _row_height(cells: list[str], kind: str) -> float:
    if kind in _SPANNING:
        lines = _lines(cells[0], sum(WIDTHS.values()))
    else:
        lines = max(_lines(c, w) for c, w in zip(cells, WIDTHS.values(), strict=True))
    return min(round(lines * _LINE_PT + _PAD_PT, 1), _MAX_ROW_PT)


def _style(ws: Worksheet, row: int, kind: str) -> None:
    for col in "ABC":
        cell = ws[f"{col}{row}"]
        cell.alignment = _WRAP
        cell.border = _BORDER
        cell.font = Font(
            name=FONT_NAME,
            size=10,
            bold=kind in ("header", "strategy", "pillar", "area"),
            color="FFFFFF" if kind == "header" else "000000",
        )
        if kind in _FILLS:
            cell.fill = _FILLS[kind]
    if kind in _SPANNING:
        ws.merge_cells(f"A{row}:C{row}")


def _header_part(text: str) -> _HeaderFooterPart:
    return _HeaderFooterPart(text=text, size=9, font=FONT_NAME)


def to_xlsx(
    snap: Snapshot, fiscal_year: int, *, today: dt.date | None = None, strategy_id: str | None = None
) -> bytes:
    """The published table as a print-ready workbook (A4 landscape, fit to page width)."""
    table = published_table(snap, fiscal_year, strategy_id)
    title = table_title(snap, fiscal_year, strategy_id)
    if is_provisional(snap, fiscal_year):  # not published, or changed since: on the sheet and every page
        title = f"【{t('pub.mark')}】{title}"
    wb = Workbook()
    ws = wb.create_sheet(t("ft.sheet"), 0)
    wb.remove(wb.worksheets[1])  # the empty sheet a new workbook starts with
    fy = format_fy(fiscal_year)
    ws.append([neutralise(title)])
    ws["A1"].font = Font(name=FONT_NAME, size=14, bold=True)
    ws.merge_cells("A1:C1")
    note = t("ft.note", fy=fy, date=format_date(today or dt.date.today()), version=snap.version)
    ws.append([neutralise(note)])
    ws["A2"].font = Font(name=FONT_NAME, size=9, color="404040")
    ws.merge_cells("A2:C2")
    ws.append([neutralise(h) for h in header(fiscal_year)])
    _style(ws, 3, "header")
    for r in table.itertuples(index=False):
        cells = [str(r.action), str(r.progress), str(r.next)]
        ws.append([xlsx_cell(c) for c in cells])
        _style(ws, ws.max_row, str(r.kind))
        ws.row_dimensions[ws.max_row].height = _row_height(cells, str(r.kind))
    for col, width in WIDTHS.items():
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.8
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter = HeaderFooterItem(center=_header_part(t("ft.footer")))
    ws.oddHeader = HeaderFooterItem(right=_header_part(neutralise(title)))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def to_csv(snap: Snapshot, fiscal_year: int, strategy_id: str | None = None) -> bytes:
    """The published table as CSV (UTF-8 with BOM): the three columns, heading rows in the first."""
    table = published_table(snap, fiscal_year, strategy_id)
    rows = table[["action", "progress", "next"]].itertuples(index=False, name=None)
    return csv_bytes(rows, header=header(fiscal_year))
