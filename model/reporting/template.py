"""The Excel template a ministry fills: its rows for the round, last year's text, dropdowns, locked ids.

Every template is issued: `issue_template` records it in the store (a random id, the ministry, year, round,
the version the file shows, who, when) and the file carries only the id (hidden sheet `_meta`). An upload
is judged by that record, never by cells a ministry can edit (model/reporting/upload.py `_read_meta`).
"""

from __future__ import annotations

import io
import re
import secrets
from collections.abc import Callable
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from model.auth import User, require_write
from model.calendar_ja import era_year, format_fy
from model.errors import AppError
from model.exports.safe import xlsx_text
from model.followup import area_label, pillar_label, structure
from model.format import format_value, unit_label
from model.messages import t
from model.ministries import Ministry
from model.reporting import layout as L
from model.reporting.owners import owned_action_ids, owned_goals
from model.reporting.review import entry_states
from model.reporting.rounds import get_round
from model.schemas import FOLLOWUP_STATUSES
from model.store import JOINT, Snapshot, Store
from model.strategy import registry, strategies

_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)
_WIDE = re.compile("[\u2e80-\U0010ffff]")  # what _lines counts as full-width
_STYLES: dict[str, Callable[[], NamedStyle]] = {
    "qf_reference": lambda: NamedStyle("qf_reference", alignment=_WRAP),
    "qf_input": lambda: NamedStyle(
        "qf_input", alignment=_WRAP, fill=_INPUT_FILL, protection=Protection(locked=False)
    ),
}


def template_file_name(ministry: Ministry, fiscal_year: int) -> str:
    return f"followup_{fiscal_year}_{ministry.code}.xlsx"


def issue_template(
    store: Store, user: User, ministry: str, fiscal_year: int, snap: Snapshot | None = None
) -> bytes:
    """The .xlsx for `ministry` (tag, code or name) and the open round of `fiscal_year`, made from `snap`
    (the page's snapshot; default the newest) and recorded as issued by `user` through the write door."""
    snap = store.snapshot() if snap is None else snap
    m = registry(snap).get(ministry)
    require_write(user, m.code)
    rnd = get_round(snap, fiscal_year)
    if rnd is None:
        raise AppError("err.round_missing", fiscal_year=fiscal_year)
    if not rnd.is_open:
        raise AppError("err.round_closed", fiscal_year=fiscal_year)
    template_id = secrets.token_hex(12)  # unguessable: an id a ministry types in is refused as unknown
    data = _make(snap, m, fiscal_year, template_id)
    with store.transaction(user, "template") as tx:
        tx.record_template(template_id, m.code, fiscal_year, rnd.id, snap.version, L.TEMPLATE_VERSION)
    return data


def _make(snap: Snapshot, m: Ministry, fiscal_year: int, template_id: str) -> bytes:
    """The workbook; everything an upload is judged by lives in the issue record, the file holds its id."""
    rows = followup_rows(snap, m.code, fiscal_year)
    goals = kpi_rows(snap, m.code)

    wb = Workbook()
    help_ws = wb.active
    assert help_ws is not None  # a new workbook always has one sheet
    help_ws.title = L.HELP_SHEET
    rnd = get_round(snap, fiscal_year)
    _write_help(help_ws, m, fiscal_year, rnd.deadline if rnd is not None else None)
    fu = wb.create_sheet(L.FOLLOWUP_SHEET)
    widths = [10, 12, 14, 16, 28, 38, 38, 8, 24, 40, 40]
    _write_table(fu, rows, L.FOLLOWUP_COLUMNS, L.FOLLOWUP_FILL, widths=widths)
    # Paper holds the columns to fill, what they are about and the secretariat's comment (取組ID … 事務局
    # コメント); last year's text stays on
    # screen beside them. Rows are as tall as their text (spreadsheets do not grow them on opening).
    fu.print_area = f"A1:I{len(rows) + 1}"
    for i, row in enumerate(rows, start=2):
        lines = max(_lines(str(v or ""), w) for v, w in zip(row[:9], widths[:9], strict=True))
        fu.row_dimensions[i].height = min(15 * lines + 4, 409)
    _status_dropdown(fu, L.FOLLOWUP_COLUMNS.index(L.COL_STATUS) + 1, len(rows))
    kpi = wb.create_sheet(L.KPI_SHEET)
    _write_table(kpi, goals, L.KPI_COLUMNS, L.KPI_FILL, widths=[18, 50, 10, 16, 16, 16, 16, 40])
    meta = wb.create_sheet(L.META_SHEET)
    meta.append([L.META_ID, template_id])
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    wb.active = 1
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def followup_rows(snap: Snapshot, ministry_code: str, fiscal_year: int) -> list[list[Any]]:
    """One row per reportable row in force in `fiscal_year` that the ministry co-owns, grouped by strategy
    (oldest first) in each strategy's order: ids, structure, the columns to fill (holding what the ministry
    already submitted for the year, so that fixing a returned row means changing only that row), the
    secretariat's comment on a returned row, last year's text."""
    ids = owned_action_ids(snap, ministry_code, fiscal_year)
    st = structure(snap, fiscal_year)
    last = snap.followup(fiscal_year - 1)
    own: dict[Any, Any] = last[last["ministry_code"] == ministry_code].set_index("action_id").to_dict("index")
    joint: dict[Any, Any] = last[last["ministry_code"] == JOINT].set_index("action_id").to_dict("index")
    this = snap.followup(fiscal_year)
    sent: dict[Any, Any] = (
        this[this["ministry_code"] == ministry_code].set_index("action_id").to_dict("index")
    )
    rank = {s: i for i, s in enumerate(strategies(snap)["strategy_id"])}
    states = entry_states(snap, fiscal_year)
    states = states[(states["ministry_code"] == ministry_code) & (states["state"] == "returned")]
    returned = dict(zip(states["action_id"], states["comment"], strict=True))
    mine = st[st["action_id"].isin(ids)]
    mine = mine.assign(_rank=mine["strategy_id"].map(rank)).sort_values(["_rank", "order"], kind="stable")
    out: list[list[Any]] = []
    for a in mine.to_dict("records"):
        action_id, parent = str(a["action_id"]), a["parent_id"]
        title = str(a["title_ja"])
        if isinstance(parent, str):
            title = f"{a['parent_title_ja']} ／ {title}"
        prev = own.get(action_id) or joint.get(action_id)
        now = sent.get(action_id)
        out.append(
            [
                action_id,
                a["strategy_ja"],
                pillar_label(a),
                area_label(a),
                title,
                _text(now, "progress_ja"),
                _text(now, "next_ja"),
                _text(now, "status"),
                returned.get(action_id),
                _text(prev, "progress_ja"),
                _text(prev, "next_ja"),
            ]
        )
    return out


def kpi_rows(snap: Snapshot, ministry_code: str) -> list[list[Any]]:
    goals = owned_goals(snap, ministry_code)
    obs = snap.kpi_observations().sort_values("date")
    latest: dict[Any, Any] = obs.groupby("goal_id").tail(1).set_index("goal_id").to_dict("index")
    out: list[list[Any]] = []
    for g in goals.to_dict("records"):
        goal_id, unit = str(g["id"]), str(g["unit"])
        value: Any = None
        when: Any = None
        if goal_id in latest:
            o = latest[goal_id]
            value = format_value(float(o["value"]), unit, "ja")
            when = o["date"].isoformat()
        out.append([goal_id, g["title_ja"], unit_label(unit) or "―", value, when, None, None, None])
    return out


def _text(row: dict[str, Any] | None, col: str) -> str | None:
    if row is None:
        return None
    value = row[col]
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _write_table(
    ws: Worksheet, rows: list[list[Any]], columns: tuple[str, ...], fill: tuple[str, ...], widths: list[int]
) -> None:
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
    for n, r in enumerate(rows, start=2):
        # Last year's text as stored (seed rows, rows stored before the intake rule): written as text.
        values = [xlsx_text(v) for v in r]
        ws.append(values)
        for col, value in enumerate(values, start=1):
            # openpyxl reads text starting with "=" as a formula; stored text must stay text, exactly.
            if isinstance(value, str) and value.startswith("="):
                ws.cell(n, col).data_type = "s"
    # One named style a kind of cell (wrapped; the cells to fill unlocked and coloured): one assignment a
    # cell instead of three, which is most of the time a large template takes.
    book = ws.parent
    assert book is not None  # a sheet made by Workbook.create_sheet
    for name, style in _STYLES.items():
        if name not in book.named_styles:
            book.add_named_style(style())
    to_fill = {columns.index(name) + 1 for name in fill}
    for row in ws.iter_rows(min_row=2, max_row=len(rows) + 1):
        for cell in row:
            cell.style = "qf_input" if int(cell.column or 0) in to_fill else "qf_reference"
    for i, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "B2"
    _print_setup(ws)
    # Locked reference columns; resizing and filtering stay allowed.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False


def _lines(text: str, width: int) -> int:
    """Lines a wrapped cell takes: a full-width character is about 1.9 units of column width wide."""
    usable = max(width - 1, 1)
    return sum(
        max(1, -(-int(len(line) + 0.9 * len(_WIDE.findall(line))) // usable)) for line in text.split("\n")
    )


def _print_setup(ws: Worksheet, landscape: bool = True) -> None:
    """Prints legibly: A4, fit to the page width, the header row on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6


def _status_dropdown(ws: Worksheet, status_col: int, n: int) -> None:
    letter = chr(ord("A") + status_col - 1)
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(FOLLOWUP_STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="状況",
        error="一覧から選んでください：" + "／".join(FOLLOWUP_STATUSES),
    )
    ws.add_data_validation(dv)
    dv.add(f"{letter}2:{letter}{max(n, 1) + 1}")


def _write_help(ws: Worksheet, m: Ministry, fiscal_year: int, deadline: Any) -> None:
    text = t(
        "tpl.help",
        "ja",
        fy=format_fy(fiscal_year),
        era=era_year(fiscal_year),
        ministry=f"{m.name_ja}（{m.code}）",
        deadline=deadline.isoformat() if deadline else "（未設定）",
        statuses="／".join(FOLLOWUP_STATUSES),
    )
    for line in text.split("\n"):
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 120
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = _WRAP
    _print_setup(ws, landscape=False)
    ws.print_title_rows = None
