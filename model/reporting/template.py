"""The Excel template a ministry fills: its rows for the round, last year's text, dropdowns, locked ids.

Every template is issued: `issue_template` records it in the store (a random id, the ministry, year, round,
the version the file shows, who, when) and the file carries only the id (hidden sheet `_meta`). An upload
is judged by that record, never by cells a ministry can edit (model/reporting/upload.py `_read_meta`).
"""

from __future__ import annotations

import io
import re
import secrets
from typing import Any

import pandas as pd
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.packager import Packager
from xlsxwriter.sharedstrings import SharedStrings
from xlsxwriter.utility import _preserve_whitespace
from xlsxwriter.worksheet import Worksheet as XlsxSheet

from model import strategy
from model.auth import User, require_write
from model.calendar_ja import era_year, format_fy
from model.errors import AppError
from model.exports.safe import xlsx_text
from model.followup import area_label, pillar_label
from model.format import format_value, unit_label
from model.messages import t
from model.ministries import Ministry
from model.reporting import layout as L
from model.reporting.review import entry_states
from model.reporting.rounds import get_round
from model.schemas import FOLLOWUP_STATUSES
from model.store import JOINT, Snapshot, Store, per_snapshot
from model.strategy import owned_action_ids, owned_goals, registry, strategies
from model.structure import Timeline, per_structure

_NARROW = re.compile("[^\u2e80-\U0010ffff]")  # what _lines counts as half-width (the rest: full-width)
# Sheet protection as openpyxl wrote it: drawing objects and scenarios not protected.
_PROTECTION = {"objects": True, "scenarios": True}


class _Strings(SharedStrings):  # type: ignore[misc]  # XlsxWriter has no type information
    """XlsxWriter's shared strings, each written literally as `xlsx_text` made it.

    XlsxWriter would escape a _xHHHH_ look-alike again, and not one that starts on the "_" closing another
    ("_x0041_x0042_" would show as "_x0041B"); it would write text that starts with "<r>" and ends with
    "</r>" as rich-text markup, unescaped. Text here is whatever a ministry stored, so it is written as
    openpyxl wrote it: every look-alike escaped once (xlsx_text), markup as text."""

    def _write_si(self, string: str) -> None:
        self._xml_si_element(string, [("xml:space", "preserve")] if _preserve_whitespace(string) else [])


class _Packager(Packager):  # type: ignore[misc]
    def _write_shared_strings_file(self) -> None:  # as XlsxWriter's, with _Strings
        if not self.workbook.str_table.count:
            return
        sst = _Strings()
        sst.string_table = self.workbook.str_table
        sst._set_xml_writer(self._filename("xl/sharedStrings.xml"))
        sst._assemble_xml_file()


class _Workbook(xlsxwriter.Workbook):  # type: ignore[misc]
    """A workbook written in memory (no temporary files) with _Strings."""

    def __init__(self, out: io.BytesIO) -> None:
        super().__init__(out, {"in_memory": True})

    def _get_packager(self) -> Packager:  # XlsxWriter's hook for another packager
        return _Packager()


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
    """The workbook; everything an upload is judged by lives in the issue record, the file holds its id.
    Written with XlsxWriter: a few times faster than openpyxl at the same content (formats a cell, row
    heights, validation, protection), which made a large ministry's template wait on styling."""
    rows = followup_rows(snap, m.code, fiscal_year)
    goals = kpi_rows(snap, m.code)

    out = io.BytesIO()
    # Text is written with write_string only (never parsed into numbers, formulas or links).
    wb = _Workbook(out)
    fmt = _formats(wb)
    rnd = get_round(snap, fiscal_year)
    _write_help(
        wb.add_worksheet(L.HELP_SHEET), fmt, m, fiscal_year, rnd.deadline if rnd is not None else None
    )
    fu = wb.add_worksheet(L.FOLLOWUP_SHEET)
    widths = [10, 12, 14, 16, 28, 38, 38, 8, 24, 40, 40]
    # Rows are as tall as their text (spreadsheets do not grow them on opening).
    heights = _heights([row[:9] for row in rows], widths[:9])
    _write_table(fu, fmt, rows, L.FOLLOWUP_COLUMNS, L.FOLLOWUP_FILL, widths, heights)
    # Paper holds the columns to fill, what they are about and the secretariat's comment (取組ID … 事務局
    # コメント); last year's text stays on screen beside them.
    fu.print_area(0, 0, len(rows), 8)
    _status_dropdown(fu, L.FOLLOWUP_COLUMNS.index(L.COL_STATUS), len(rows))
    kpi = wb.add_worksheet(L.KPI_SHEET)
    _write_table(kpi, fmt, goals, L.KPI_COLUMNS, L.KPI_FILL, [18, 50, 10, 16, 16, 16, 16, 40], None)
    meta = wb.add_worksheet(L.META_SHEET)
    _write_cell(meta, 0, 0, L.META_ID, None)
    _write_cell(meta, 0, 1, template_id, None)
    meta.hide()
    _margins(meta, 0.75, 1)  # openpyxl's defaults, as the file had
    meta.protect("", _PROTECTION)
    fu.activate()
    wb.close()
    return out.getvalue()


def followup_rows(snap: Snapshot, ministry_code: str, fiscal_year: int) -> list[list[Any]]:
    """One row per reportable row in force in `fiscal_year` that the ministry co-owns, grouped by strategy
    (oldest first) in each strategy's order: ids, structure, the columns to fill (holding what the ministry
    already submitted for the year, so that fixing a returned row means changing only that row), the
    secretariat's comment on a returned row, last year's text.

    The rows and their labels are the structure's (`_layout`, shared by every snapshot of the same
    structure); the entries are read for this ministry and these years only."""
    own, joint = _entries(snap, ministry_code, fiscal_year - 1), _entries(snap, JOINT, fiscal_year - 1)
    sent = _entries(snap, ministry_code, fiscal_year)
    returned = _returned(snap, ministry_code, fiscal_year)
    out: list[list[Any]] = []
    for action_id, strategy_ja, pillar, area, title in _layout(snap, ministry_code, fiscal_year):
        prev = own.get(action_id) or joint.get(action_id)
        now = sent.get(action_id)
        out.append(
            [
                action_id,
                strategy_ja,
                pillar,
                area,
                title,
                *(now or (None, None, None)),
                returned.get(action_id),
                *(prev or (None, None, None))[:2],
            ]
        )
    return out


@per_structure
def _layout(tl: Timeline, ministry_code: str, fiscal_year: int) -> list[tuple[str, Any, str, str, str]]:
    """The ministry's rows of the year in the template's order, each (action_id, strategy, pillar, area,
    title; a sub row's title after its parent's). Read from the year's actions and the small area / pillar
    / strategy tables, for this ministry's rows only (what `model.followup.structure` joins for every row
    of the year)."""
    ids = owned_action_ids(tl, ministry_code, fiscal_year)
    acts = strategy.actions(tl, fiscal_year)
    action_ids, parents, titles, area_ids, orders = (
        acts[c].tolist() for c in ("action_id", "parent_id", "title_ja", "area_id", "order")
    )
    title_of = dict(zip(action_ids, titles, strict=True))
    places = _places(tl)
    mine = sorted(
        (places[area][0], order, i)
        for i, (action_id, area, order) in enumerate(zip(action_ids, area_ids, orders, strict=True))
        if action_id in ids and area in places
    )
    out: list[tuple[str, Any, str, str, str]] = []
    for _, _, i in mine:
        parent, title = parents[i], str(titles[i])
        if isinstance(parent, str):
            title = f"{title_of.get(parent)} ／ {title}"
        _, strategy_ja, pillar, area = places[area_ids[i]]
        out.append((str(action_ids[i]), strategy_ja, pillar, area, title))
    return out


@per_structure
def _places(tl: Timeline) -> dict[Any, tuple[int, Any, str, str]]:
    """area_id → the rank of its strategy (oldest first), the strategy's title, the pillar's and the
    area's labels; only areas whose pillar and strategy exist (as `structure` joins them)."""
    rank = {s: i for i, s in enumerate(strategies(tl)["strategy_id"].tolist())}
    docs = {
        r["strategy_id"]: r for r in tl.tables["strategies"].to_dict("records") if r["strategy_id"] in rank
    }
    pillars = {r["pillar_id"]: r for r in tl.tables["pillars"].to_dict("records") if r["strategy_id"] in docs}
    out: dict[Any, tuple[int, Any, str, str]] = {}
    for a in tl.tables["areas"].to_dict("records"):
        p = pillars.get(a["pillar_id"])
        if p is None:
            continue
        d = docs[p["strategy_id"]]
        row = {
            "pillar_format": d["pillar_format"],
            "pillar_no": p["no"],
            "pillar_ja": p["name_ja"],
            "area_format": d["area_format"],
            "area_no": a["no"],
            "area_ja": a["name_ja"],
        }
        out[a["area_id"]] = (rank[p["strategy_id"]], d["title_ja"], pillar_label(row), area_label(row))
    return out


_TEXTS = ("progress_ja", "next_ja", "status")


@per_snapshot
def _entries(snap: Snapshot, ministry_code: str, fiscal_year: int) -> dict[str, tuple[str | None, ...]]:
    """action_id → (progress, next, status) of the ministry's current entries for the year, None where
    empty: the ministry's rows of `snap.followup(fiscal_year)`, from that ministry's and year's versions
    alone (the newest per row; a deletion removes it), not every ministry's entries of the year."""
    hist = snap.history("followup", fiscal_year=fiscal_year, ministry_code=ministry_code)
    out: dict[str, tuple[str | None, ...]] = {}
    columns = (hist[c].tolist() for c in ("action_id", "deleted", *_TEXTS))
    for action_id, deleted, *texts in zip(*columns, strict=True):  # oldest first
        if deleted:
            out.pop(action_id, None)
        else:
            out[action_id] = tuple(_text(v) for v in texts)
    return out


def _returned(snap: Snapshot, ministry_code: str, fiscal_year: int) -> dict[str, Any]:
    """action_id → the secretariat's comment, for the ministry's rows that are 差戻し. Only a return makes
    a row 差戻し: without one for the ministry and year, the review states need not be derived."""
    events = snap.review_events()
    if not (
        (events["fiscal_year"] == fiscal_year)
        & (events["ministry_code"] == ministry_code)
        & (events["decision"] == "returned")
    ).any():
        return {}
    states = entry_states(snap, fiscal_year)
    states = states[(states["ministry_code"] == ministry_code) & (states["state"] == "returned")]
    return dict(zip(states["action_id"], states["comment"], strict=True))


def kpi_rows(snap: Snapshot, ministry_code: str) -> list[list[Any]]:
    goals = owned_goals(snap, ministry_code)
    latest = _latest_observations(snap)
    out: list[list[Any]] = []
    columns = (goals[c].tolist() for c in ("id", "title_ja", "unit"))
    for goal_id, title, unit in zip(*columns, strict=True):
        goal_id, unit = str(goal_id), str(unit)
        value: Any = None
        when: Any = None
        if goal_id in latest:
            number, date = latest[goal_id]
            value = format_value(float(number), unit, "ja")
            when = date.isoformat()
        out.append([goal_id, title, unit_label(unit) or "―", value, when, None, None, None])
    return out


@per_snapshot
def _latest_observations(snap: Snapshot) -> dict[Any, tuple[Any, Any]]:
    """goal_id → (value, date) of its newest current observation: the newest date per goal among
    `snap.kpi_observations()` (the newest version per goal and date; a deletion removes it), read from the
    versions column by column (a few dozen rows: the frame operations cost more than the rows)."""
    hist = snap.history("kpi")
    current: dict[tuple[Any, Any], Any] = {}
    columns = (hist[c].tolist() for c in ("goal_id", "date", "deleted", "value"))
    for goal_id, date, deleted, value in zip(*columns, strict=True):  # oldest first
        if deleted:
            current.pop((goal_id, date), None)
        else:
            current[(goal_id, date)] = value
    keys = sorted(current)  # in key order, as the store converts the dates
    dates = pd.to_datetime(pd.Series([d for _, d in keys], dtype=hist["date"].dtype)).dt.date.tolist()
    latest: dict[Any, tuple[Any, Any]] = {}
    for (goal_id, raw), date in zip(keys, dates, strict=True):
        if goal_id not in latest or date > latest[goal_id][1]:
            latest[goal_id] = (current[(goal_id, raw)], date)
    return latest


def _text(value: Any) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _formats(wb: xlsxwriter.Workbook) -> dict[str, Format]:
    """The kinds of cell: all wrapped at the top; the header grey and bold, the cells to fill unlocked and
    yellow, the help's title large."""
    wrap = {"text_wrap": True, "valign": "top"}
    return {
        "title": wb.add_format({**wrap, "bold": True, "font_size": 14}),
        "header": wb.add_format({**wrap, "bold": True, "pattern": 1, "bg_color": "#D9D9D9"}),
        "reference": wb.add_format(wrap),
        "input": wb.add_format({**wrap, "pattern": 1, "bg_color": "#FFF2CC", "locked": False}),
    }


def _write_table(
    ws: XlsxSheet,
    fmt: dict[str, Format],
    rows: list[list[Any]],
    columns: tuple[str, ...],
    fill: tuple[str, ...],
    widths: list[int],
    heights: list[int] | None,
) -> None:
    for col, name in enumerate(columns):
        _write_cell(ws, 0, col, name, fmt["header"])
    to_fill = {columns.index(name) for name in fill}
    formats = [fmt["input"] if col in to_fill else fmt["reference"] for col in range(len(columns))]
    for n, r in enumerate(rows, start=1):
        if heights is not None:
            # In points, as given (set_row would round it to whole pixels: 49 → 48.75).
            ws.set_row_pixels(n, heights[n - 1] / 0.75)
        for col, value in enumerate(r):
            _write_cell(ws, n, col, value, formats[col])
    for i, width in enumerate(widths):
        ws.set_column(i, i, _xlsx_width(width))
    ws.freeze_panes(1, 1)
    _print_setup(ws)
    ws.repeat_rows(0)
    # Locked reference columns; resizing and filtering stay allowed.
    ws.protect("", {**_PROTECTION, "format_columns": True, "format_rows": True, "autofilter": True})


def _write_cell(ws: XlsxSheet, row: int, col: int, value: Any, cell_format: Format | None) -> None:
    """A value as the cell's content, text always as text (a stored "=…" is never a formula) and through
    xlsx_text (what _Strings expects)."""
    if value is None:
        ws.write_blank(row, col, None, cell_format)
    elif not isinstance(value, str):
        ws.write(row, col, value, cell_format)
    else:
        ws.write_string(row, col, xlsx_text(value), cell_format)


def _xlsx_width(width: int) -> float:
    """The width to give XlsxWriter for a column `width` wide in the file (it adds a cell's padding)."""
    return (7 * width - 5) / 7


def _heights(rows: list[list[Any]], widths: list[int]) -> list[int]:
    """Each row's height in points: 15 a line of its tallest cell, 4 more, at most 409 (Excel's limit)."""
    seen: dict[tuple[str, int], int] = {}  # labels and statuses repeat from row to row
    out = []
    for row in rows:
        lines = 1
        for value, width in zip(row, widths, strict=True):
            key = (str(value or ""), width)
            if key not in seen:
                seen[key] = _lines(*key)
            lines = max(lines, seen[key])
        out.append(min(15 * lines + 4, 409))
    return out


def _lines(text: str, width: int) -> int:
    """Lines a wrapped cell takes: a full-width character is about 1.9 units of column width wide."""
    usable = max(width - 1, 1)
    if len(text) * 1.9 <= usable and "\n" not in text:  # one line even if every character is wide
        return 1
    total = 0
    for line in text.split("\n"):
        wide = len(line) - len(_NARROW.findall(line))  # Japanese text has few half-width characters
        total += max(1, -(-int(len(line) + 0.9 * wide) // usable))
    return total


def _print_setup(ws: XlsxSheet, landscape: bool = True) -> None:
    """Prints legibly: A4, fit to the page width."""
    ws.set_paper(9)  # A4
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    _margins(ws, 0.4, 0.6)


def _margins(ws: XlsxSheet, side: float, top: float) -> None:
    """Page margins in inches: left and right `side`, top and bottom `top`, header and footer 0.5."""
    ws.set_margins(left=side, right=side, top=top, bottom=top)
    ws.set_header("", {"margin": 0.5})
    ws.set_footer("", {"margin": 0.5})


def _status_dropdown(ws: XlsxSheet, status_col: int, n: int) -> None:
    ws.data_validation(
        1,
        status_col,
        max(n, 1),
        status_col,
        {
            "validate": "list",
            "source": list(FOLLOWUP_STATUSES),
            "ignore_blank": True,
            "show_input": False,
            "show_error": True,
            "error_title": "状況",
            "error_message": "一覧から選んでください：" + "／".join(FOLLOWUP_STATUSES),
        },
    )


def _write_help(ws: XlsxSheet, fmt: dict[str, Format], m: Ministry, fiscal_year: int, deadline: Any) -> None:
    text = t(
        "tpl.help",
        "ja",
        fy=format_fy(fiscal_year),
        era=era_year(fiscal_year),
        ministry=f"{m.name_ja}（{m.code}）",
        deadline=deadline.isoformat() if deadline else "（未設定）",
        statuses="／".join(FOLLOWUP_STATUSES),
    )
    for i, line in enumerate(text.split("\n")):
        _write_cell(ws, i, 0, line, fmt["title"] if i == 0 else fmt["reference"])
    ws.set_column(0, 0, _xlsx_width(120))
    _print_setup(ws, landscape=False)
