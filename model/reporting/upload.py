"""Upload → validate → preview: read a filled template, list every problem, show what would change.

Nothing here writes. `check_upload` returns an `Upload` holding the problems (sheet, row, column, what is
wrong and how to fix it) or, when there are none, the change set and its preview. `commit.py` stores it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from model import strategy
from model.auth import User
from model.calendar_ja import parse_period
from model.errors import AppError
from model.messages import t
from model.ministries import Ministry, MinistryRegistry
from model.report import Problem
from model.reporting import layout as L
from model.reporting.files import LIMITS, Limits, Workbook, read_workbook
from model.reporting.owners import goal_owners, owned_action_ids
from model.reporting.rounds import get_round, open_round_year
from model.schemas import FOLLOWUP_STATUSES
from model.store import FOLLOWUP_VALUES, ChangeSet, RowChange, Snapshot
from model.strategy import registry
from model.text import (
    NOTE_LIMIT,
    TEXT_LIMIT,
    char_label,
    display_file_name,
    excerpt,
    file_name_bytes,
    first_refused,
    line_breaks,
    normalise,
)

_STATUSES = frozenset(FOLLOWUP_STATUSES)
_HEADER_SCAN = 10  # header row searched among the first rows (a title row or merged cells may sit above)


@dataclass
class Preview:
    """What committing would do: one row per reported entry, before and after."""

    followup: pd.DataFrame  # action_id, change (added|changed|unchanged), <col>_before, <col>_after
    kpi: pd.DataFrame  # goal_id, date, change, value_before, value_after

    def counts(self) -> dict[str, int]:
        both = pd.concat([self.followup["change"], self.kpi["change"]])
        return {k: int((both == k).sum()) for k in ("added", "changed", "unchanged")}


@dataclass
class Upload:
    file_name: str  # the display name (model.text.display_file_name)
    content: bytes
    ministry_code: str
    lang: str = "ja"
    fiscal_year: int | None = None
    round_id: int | None = None
    base_version: int | None = None
    followup: list[dict[str, Any]] = field(default_factory=list)
    kpi: list[dict[str, Any]] = field(default_factory=list)
    file_rows: dict[tuple[str, str], int] = field(default_factory=dict)  # (sheet, key) → row in the file
    problems: list[Problem] = field(default_factory=list)
    preview: Preview | None = None
    file_name_raw: bytes | None = None  # the name as sent, kept only as bytes in the submission record

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    def change_set(self, user_name: str) -> ChangeSet:
        return ChangeSet(
            kind="upload",
            user_name=user_name,
            ministry_code=self.ministry_code,
            fiscal_year=self.fiscal_year,
            file_name=self.file_name,
            file_name_raw=self.file_name_raw,
            sha256=self.sha256,
            base_version=self.base_version,
            content=self.content,
            followup=self.followup,
            kpi=self.kpi,
        )

    def report(self) -> dict[str, Any]:
        """The `--json` form: {"ok", "errors": [{sheet, row, column, message}], "counts"}."""
        out: dict[str, Any] = {"ok": self.ok, "errors": [p.as_dict() for p in self.problems]}
        if self.preview is not None:
            out["counts"] = self.preview.counts()
        return out


def check_upload(
    snap: Snapshot,
    data: bytes,
    file_name: str,
    ministry: str,
    *,
    fiscal_year: int | None = None,
    lang: str = "ja",
    limits: Limits = LIMITS,
    user: User | None = None,
    on_wait: Callable[[], None] | None = None,
) -> Upload:
    """Validate a filled template for `ministry`; never raises for anything wrong with the file. `user` is
    who will commit it (None: checked as the ministry's own editor would be). `on_wait` is called when the
    file has to wait for its turn to be parsed (model/reporting/_sheets.py), so a page can say so.

    `file_name` is the name as sent (a browser's, or a path's last part): it is checked and stored as its
    display name, and kept as bytes beside it."""
    shown = display_file_name(file_name)

    def meanwhile() -> None:
        # What needs no file, derived from the snapshot while the child parses (memoised on it): the
        # structure behind the ministries (most of a check from a snapshot just loaded), the rounds, and
        # the ministry's current rows of the year it is asked for (the preview compares with them).
        code = registry(snap).get(ministry).code
        year = fiscal_year if fiscal_year is not None else open_round_year(snap)  # the rounds, memoised
        if year is not None:
            snap.current_rows({int(year)}, {code})

    book, problems = read_workbook(data, shown, lang, limits, on_wait, meanwhile)
    reg = registry(snap)
    m = reg.get(ministry)
    up = Upload(
        file_name=shown,
        content=data,
        ministry_code=m.code,
        lang=lang,
        file_name_raw=file_name_bytes(file_name),
    )
    if book is None:
        up.problems = problems
        return up
    if not _read_meta(snap, reg, book, up, m, fiscal_year):
        return up
    assert up.fiscal_year is not None  # set by _read_meta when it returns True
    actions = strategy.actions(snap, up.fiscal_year)
    _read_followup(snap, reg, actions, book, up, m)
    _read_kpi(snap, reg, actions, book, up, m)
    if not up.problems and not up.followup and not up.kpi:
        up.problems.append(Problem(L.FOLLOWUP_SHEET, None, None, t("up.nothing", lang)))
    # One comparison for the KPI owners' rule and the preview (each made its own: twice the time).
    compared = snap.compare(up.change_set("")) if up.followup or up.kpi else ([], [])
    up.problems += stale_problems(snap, up) + kpi_owner_problems(snap, up, user, compared)
    if up.ok:
        up.preview = preview(snap, up, compared)
    return up


# --- cells ----------------------------------------------------------------------------------------------
def _nfkc(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip()


def cell_text(value: Any) -> str | None:
    """A cell as text, trimmed; dashes and blanks that mean "empty" become None. Japanese text keeps its
    full-width characters (only ids, statuses and numbers are normalised)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return None
        value = int(value) if value.is_integer() else value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = str(value)
    if "\n" in text or "\r" in text:
        text = "\n".join(line.rstrip(" \t\u3000") for line in line_breaks(text).split("\n"))
    text = text.strip(" \t\n\u3000")
    # Only a cell of a character or two can be a dash meaning "empty".
    if len(text) <= 2 and _empty_mark(text):
        return None
    return text


@functools.lru_cache(maxsize=4096)
def _empty_mark(text: str) -> bool:
    """Whether a cell of one or two characters is a dash meaning "empty" (a status such as 順調 is asked
    on every row: NFKC once per distinct text)."""
    return text in L.EMPTY_MARKS or _nfkc(text) in L.EMPTY_MARKS


def cell_code(value: Any) -> str | None:
    """An identifier or vocabulary cell: full-width digits and letters to ASCII."""
    text = cell_text(value)
    if text is None or text.isascii() or text in _STATUSES:
        return text  # nothing NFKC would change (the common case, thousands of times per file)
    return _nfkc(text)


def _find_header(
    rows: list[list[Any]], required: tuple[str, ...]
) -> tuple[int | None, dict[str, int], list[str]]:
    """(header row index, header → column index, missing required headers)."""
    for i, row in enumerate(rows[:_HEADER_SCAN]):
        names: dict[str, int] = {}
        for j, v in enumerate(row):
            name = cell_code(v)
            if name is not None and name not in names:
                names[name] = j
        if required[0] in names:
            return i, names, [c for c in required if c not in names]
    return None, {}, list(required)


def _cell(row: list[Any], col: int | None) -> Any:
    return row[col] if col is not None and col < len(row) else None


def intake_text(
    up: Upload,
    sheet: str,
    row: int,
    column: str,
    text: str | None,
    limit: int = TEXT_LIMIT,
    length: int | None = None,
) -> tuple[str | None, bool]:
    """The intake rule for one text cell (model/text.py): (the text as stored, whether it passed).

    NFC, line breaks as "\\n"; a control character other than newline and tab, a bidirectional control
    or a noncharacter is refused, and so is a text over `limit` characters, each with a problem naming
    the cell (and the character, where it sits). `length`: the cell's true length when the reader cut it
    (model/reporting/_sheets.py CELL_CAP)."""
    if text is None:
        return None, True
    text = normalise(text)
    ok = True
    hit = first_refused(text)
    if hit is not None:
        at, ch = hit
        before = text[max(0, at - 12) : at]
        near = (
            t("up.text.after", up.lang, text=excerpt(before.rsplit("\n", 1)[-1] or before))
            if at
            else t("up.text.at_start", up.lang)
        )
        message = t("up.text.control", up.lang, column=column, pos=at + 1, near=near, char=char_label(ch))
        up.problems.append(Problem(sheet, row, column, message))
        ok = False
    if len(text) > limit:
        n = max(len(text), length or 0)
        message = t("up.text.too_long", up.lang, column=column, n=f"{n:,}", limit=f"{limit:,}")
        up.problems.append(Problem(sheet, row, column, message))
        ok = False
    return text, ok


# --- metadata, round ------------------------------------------------------------------------------------
def _read_meta(
    snap: Snapshot, reg: MinistryRegistry, book: Workbook, up: Upload, m: Ministry, expected_fy: int | None
) -> bool:
    lang = up.lang
    rows = book.sheets.get(L.META_SHEET)
    if rows is None:
        up.problems.append(Problem(L.META_SHEET, None, None, t("up.meta.missing", lang)))
        return False
    meta = {cell_code(r[0]): r[1] if len(r) > 1 else None for r in rows if r and cell_code(r[0])}
    # Only the id is read from the file: the ministry, year, round and base version are the store's record
    # of the template it issued (a cell a ministry can edit decides nothing).
    template_id = cell_code(meta.get(L.META_ID))
    if template_id is None:
        up.problems.append(Problem(L.META_SHEET, None, None, t("lim.tpl.no_id", lang)))
        return False
    issued = snap.issued_template(template_id)
    if issued is None:
        up.problems.append(
            Problem(L.META_SHEET, None, L.META_ID, t("lim.tpl.unknown", lang, value=excerpt(template_id)))
        )
        return False
    found = {
        "ministry": str(issued["ministry_code"]),
        "template_version": str(issued["template_version"]),
    }
    up.fiscal_year = int(issued["fiscal_year"])
    up.round_id = int(issued["round_id"])
    up.base_version = int(issued["base_version"])
    if found["template_version"] != L.TEMPLATE_VERSION:
        up.problems.append(
            Problem(
                L.META_SHEET,
                None,
                None,
                t("up.meta.template_version", lang, got=excerpt(found["template_version"])),
            )
        )
    if found["ministry"] != m.code:
        other = reg.get(found["ministry"])
        up.problems.append(
            Problem(
                L.META_SHEET,
                None,
                None,
                t("up.meta.other_ministry", lang, other=other.label(lang), ministry=m.label(lang)),
            )
        )
    if expected_fy is not None and up.fiscal_year != expected_fy:
        up.problems.append(
            Problem(
                L.META_SHEET,
                None,
                None,
                t("up.round.wrong_year", lang, fy=up.fiscal_year, expected=expected_fy),
            )
        )
    up.problems += round_problems(snap, up)
    return not up.problems


def round_problems(snap: Snapshot, up: Upload) -> list[Problem]:
    """The round the template was made for must be the year's round, and open."""
    assert up.fiscal_year is not None
    rnd = get_round(snap, up.fiscal_year)
    if rnd is None:
        return [Problem(L.META_SHEET, None, None, t("up.round.missing", up.lang, fy=up.fiscal_year))]
    if rnd.id != up.round_id:
        return [
            Problem(
                L.META_SHEET, None, None, t("up.round.wrong_round", up.lang, got=up.round_id, want=rnd.id)
            )
        ]
    if not rnd.is_open:
        return [Problem(L.META_SHEET, None, None, t("up.round.closed", up.lang, fy=up.fiscal_year))]
    return []


# --- follow-up sheet ------------------------------------------------------------------------------------
def _read_followup(
    snap: Snapshot, reg: MinistryRegistry, actions: pd.DataFrame, book: Workbook, up: Upload, m: Ministry
) -> None:
    lang, sheet = up.lang, L.FOLLOWUP_SHEET
    rows = book.sheets.get(sheet)
    if rows is None:
        up.problems.append(Problem(sheet, None, None, t("up.sheet.missing", lang, sheet=sheet)))
        return
    header, cols, missing = _find_header(rows, L.FOLLOWUP_REQUIRED)
    for name in missing:
        up.problems.append(
            Problem(
                sheet, None if header is None else header + 1, name, t("up.col.missing", lang, column=name)
            )
        )
    if header is None or missing:
        return
    known = set(actions["action_id"].tolist())
    reportable_ids = set(strategy.reportable(actions)["action_id"].tolist())
    owned = owned_action_ids(snap, m.code, up.fiscal_year)
    c_id, c_prog, c_next, c_stat = (cols[c] for c in L.FOLLOWUP_REQUIRED)
    first_seen: dict[str, int] = {}
    for i in range(header + 1, len(rows)):
        row, n = rows[i], i + 1
        action_id = cell_code(_cell(row, c_id))
        progress = cell_text(_cell(row, c_prog))
        nxt = cell_text(_cell(row, c_next))
        status = cell_code(_cell(row, c_stat))
        formulas = (
            [
                name
                for name, c in ((L.COL_PROGRESS, c_prog), (L.COL_NEXT, c_next), (L.COL_STATUS, c_stat))
                if (sheet, n, c + 1) in book.formulas
            ]
            if book.formulas
            else []
        )
        if action_id is None and progress is None and nxt is None and status is None and not formulas:
            continue  # blank row
        for name in formulas:
            up.problems.append(Problem(sheet, n, name, t("up.row.formula", lang)))
        if action_id is None:
            up.problems.append(Problem(sheet, n, L.COL_ID, t("up.row.no_id", lang)))
            continue
        if action_id not in known:
            up.problems.append(
                Problem(sheet, n, L.COL_ID, t("up.row.unknown_id", lang, value=excerpt(action_id)))
            )
            continue
        if action_id not in reportable_ids:
            up.problems.append(Problem(sheet, n, L.COL_ID, t("up.row.not_reportable", lang, value=action_id)))
            continue
        if action_id not in owned:
            up.problems.append(
                Problem(
                    sheet, n, L.COL_ID, t("up.row.not_owned", lang, value=action_id, ministry=m.label(lang))
                )
            )
            continue
        if action_id in first_seen:
            up.problems.append(
                Problem(
                    sheet,
                    n,
                    L.COL_ID,
                    t("up.row.duplicate", lang, value=action_id, first=first_seen[action_id]),
                )
            )
            continue
        first_seen[action_id] = n
        up.file_rows[(sheet, action_id)] = n
        if progress is None and nxt is None and status is None:
            continue  # the row is not reported this time: left as it is
        cut = book.lengths.get
        progress, progress_ok = intake_text(
            up, sheet, n, L.COL_PROGRESS, progress, length=cut((sheet, n, c_prog + 1))
        )
        nxt, next_ok = intake_text(up, sheet, n, L.COL_NEXT, nxt, length=cut((sheet, n, c_next + 1)))
        row_ok = not formulas and progress_ok and next_ok
        if status is None:
            up.problems.append(
                Problem(sheet, n, L.COL_STATUS, t("up.row.required", lang, column=L.COL_STATUS))
            )
            row_ok = False
        elif status not in FOLLOWUP_STATUSES:
            allowed = "／".join(FOLLOWUP_STATUSES)
            up.problems.append(
                Problem(
                    sheet,
                    n,
                    L.COL_STATUS,
                    t("up.row.bad_status", lang, value=excerpt(status), allowed=allowed),
                )
            )
            row_ok = False
        if progress is None:
            up.problems.append(
                Problem(sheet, n, L.COL_PROGRESS, t("up.row.required", lang, column=L.COL_PROGRESS))
            )
            row_ok = False
        if nxt is None and status != "完了":
            up.problems.append(
                Problem(sheet, n, L.COL_NEXT, t("up.row.required_next", lang, column=L.COL_NEXT))
            )
            row_ok = False
        if row_ok:
            up.followup.append(
                {
                    "action_id": action_id,
                    "fiscal_year": up.fiscal_year,
                    "ministry_code": m.code,
                    "progress_ja": progress,
                    "next_ja": nxt,
                    "status": status,
                }
            )


# --- KPI sheet ------------------------------------------------------------------------------------------
def _read_kpi(
    snap: Snapshot, reg: MinistryRegistry, actions: pd.DataFrame, book: Workbook, up: Upload, m: Ministry
) -> None:
    lang, sheet = up.lang, L.KPI_SHEET
    rows = book.sheets.get(sheet)
    if rows is None:
        return  # the KPI sheet is optional: a ministry may report follow-up text only
    header, cols, missing = _find_header(rows, L.KPI_REQUIRED)
    for name in missing:
        up.problems.append(
            Problem(
                sheet, None if header is None else header + 1, name, t("up.col.missing", lang, column=name)
            )
        )
    if header is None or missing:
        return
    c_goal, c_date, c_value = (cols[c] for c in L.KPI_REQUIRED)
    c_note = cols.get(L.COL_NOTE)
    if all(cell_text(_cell(r, c)) is None for r in rows[header + 1 :] for c in (c_date, c_value, c_note)):
        return  # nothing reported on this sheet: skip reading the goals and their owners
    goals = strategy.goals(snap).set_index("id")
    owners = goal_owners(snap)
    owned = set(owners.loc[owners["ministry_code"] == m.code, "goal_id"])
    seen: dict[tuple[str, str], int] = {}
    for i in range(header + 1, len(rows)):
        row, n = rows[i], i + 1
        goal_id = cell_code(_cell(row, c_goal))
        raw_date, raw_value = _cell(row, c_date), _cell(row, c_value)
        note = cell_text(_cell(row, c_note))
        formulas = [
            name
            for name, c in ((L.COL_DATE, c_date), (L.COL_VALUE, c_value), (L.COL_NOTE, c_note))
            if c is not None and (sheet, n, c + 1) in book.formulas
        ]
        for name in formulas:
            up.problems.append(Problem(sheet, n, name, t("up.row.formula", lang)))
        if cell_text(raw_date) is None and cell_text(raw_value) is None and note is None:
            continue  # nothing reported on this row
        if goal_id is None or goal_id not in goals.index:
            up.problems.append(
                Problem(sheet, n, L.COL_GOAL, t("up.kpi.unknown_goal", lang, value=excerpt(goal_id)))
            )
            continue
        if goal_id not in owned:
            up.problems.append(
                Problem(
                    sheet, n, L.COL_GOAL, t("up.kpi.not_owned", lang, value=goal_id, ministry=m.label(lang))
                )
            )
            continue
        note_at = None if c_note is None else book.lengths.get((sheet, n, c_note + 1))
        note, note_ok = intake_text(up, sheet, n, L.COL_NOTE, note, NOTE_LIMIT, note_at)
        row_ok = not formulas and note_ok
        period = None
        if cell_text(raw_date) is None:
            up.problems.append(Problem(sheet, n, L.COL_DATE, t("up.row.required", lang, column=L.COL_DATE)))
            row_ok = False
        else:
            try:
                period = parse_period(raw_date if isinstance(raw_date, dt.date) else cell_code(raw_date))
            except AppError:
                up.problems.append(
                    Problem(sheet, n, L.COL_DATE, t("up.kpi.bad_date", lang, value=excerpt(raw_date)))
                )
                row_ok = False
        value = parse_number(raw_value)
        if cell_text(raw_value) is None:
            up.problems.append(Problem(sheet, n, L.COL_VALUE, t("up.row.required", lang, column=L.COL_VALUE)))
            row_ok = False
        elif value is None:
            up.problems.append(
                Problem(sheet, n, L.COL_VALUE, t("up.kpi.bad_value", lang, value=excerpt(raw_value)))
            )
            row_ok = False
        if not row_ok or period is None or value is None:
            continue
        date = period.start.isoformat()
        if (goal_id, date) in seen:
            up.problems.append(
                Problem(
                    sheet,
                    n,
                    L.COL_DATE,
                    t("up.kpi.duplicate", lang, value=goal_id, date=date, first=seen[(goal_id, date)]),
                )
            )
            continue
        seen[(goal_id, date)] = n
        up.file_rows[(sheet, f"{goal_id}|{date}")] = n
        goal = goals.loc[goal_id]
        up.kpi.append(
            {
                "goal_id": goal_id,
                "date": date,
                "obs_id": f"U-{m.code}-{goal_id}-{date}",
                "metric": goal["metric"],
                "date_precision": period.precision,
                "value": value,
                "unit": goal["unit"],
                "sample": False,
                "source": f"{m.name_ja}報告（{up.fiscal_year}年度）",
                "note": note,
            }
        )


def parse_number(value: Any) -> float | None:
    """A number from a cell: 1234, "１，２３４", " 12.5 "; None when it is not one."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return None if isinstance(value, float) and not math.isfinite(value) else float(value)
    text = cell_code(value)
    if text is None:
        return None
    try:
        number = float(text.replace(",", "").replace(" ", ""))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


# --- stale template, preview ----------------------------------------------------------------------------
def stale_problems(snap: Snapshot, up: Upload) -> list[Problem]:
    """Rows changed since the template was made: any version written by a change newer than its version."""
    if up.base_version is None or up.fiscal_year is None:
        return []
    subs = snap.submissions().set_index("id")
    newer = set(subs.index[subs["change_id"] > up.base_version])
    if not newer:
        return []

    def who(sub_id: int) -> tuple[str, str]:
        return str(subs.loc[sub_id, "user_name"]), str(subs.loc[sub_id, "created_at"])[:16]

    out: list[Problem] = []
    fu = snap.history("followup", ministry_code=up.ministry_code, fiscal_year=up.fiscal_year)
    fu = fu[fu["submission_id"].isin(newer)]
    for action_id, sub_id in fu.groupby("action_id")["submission_id"].max().sort_index().items():
        user, when = who(int(sub_id))
        out.append(
            Problem(
                L.FOLLOWUP_SHEET,
                up.file_rows.get((L.FOLLOWUP_SHEET, str(action_id))),
                L.COL_ID,
                t("up.row.stale", up.lang, value=action_id, submission=sub_id, user=user, when=when),
            )
        )
    wanted = {(r["goal_id"], r["date"]) for r in up.kpi}
    if wanted:
        kpi = snap.history("kpi")
        kpi = kpi[kpi["submission_id"].isin(newer)]
        hits = kpi.groupby(["goal_id", "date"], as_index=False)["submission_id"].max()
        for goal_id, date, sub_id in hits.itertuples(index=False):
            if (goal_id, date) not in wanted:
                continue
            user, when = who(int(sub_id))
            out.append(
                Problem(
                    L.KPI_SHEET,
                    up.file_rows.get((L.KPI_SHEET, f"{goal_id}|{date}")),
                    L.COL_GOAL,
                    t(
                        "up.kpi.stale",
                        up.lang,
                        value=f"{goal_id} {date}",
                        submission=sub_id,
                        user=user,
                        when=when,
                    ),
                )
            )
    return out


def kpi_owner_problems(
    snap: Snapshot,
    up: Upload,
    user: User | None,
    compared: tuple[list[RowChange], list[RowChange]] | None = None,
) -> list[Problem]:
    """A KPI value belongs to whoever reported it. A ministry may add values and change its own; a value
    another ministry reported (on a co-owned goal), or a published seed value, only the secretariat changes.
    Rows that leave a value as it is pass. `compared`: `snap.compare` of the upload, when made already."""
    if not up.kpi or (user is not None and user.is_secretariat):
        return []
    ministry_of = snap.submissions().set_index("id")["ministry_code"]
    out: list[Problem] = []
    for change in (snap.compare(up.change_set("")) if compared is None else compared)[1]:
        if change.change != "changed" or change.before is None:
            continue
        before = change.before
        seed = before.get("submission_kind") == "seed"
        owner = ministry_of.get(before.get("submission_id"))
        if not seed and owner == up.ministry_code:
            continue
        goal_id, date = change.record["goal_id"], change.record["date"]
        row = up.file_rows.get((L.KPI_SHEET, f"{goal_id}|{date}"))
        msg_id = "up.kpi.seed_value" if seed else "up.kpi.other_ministry"
        who = registry(snap).get(str(owner)).label(up.lang) if isinstance(owner, str) else "—"
        out.append(
            Problem(L.KPI_SHEET, row, L.COL_VALUE, t(msg_id, up.lang, goal=goal_id, date=date, who=who))
        )
    return out


def preview(
    snap: Snapshot, up: Upload, compared: tuple[list[RowChange], list[RowChange]] | None = None
) -> Preview:
    """Added / changed (before → after) / unchanged: the very comparison a commit makes (`compared`: that
    comparison when the caller has made it already)."""
    fu, kpi = snap.compare(up.change_set("")) if compared is None else compared
    # Column by column: a frame from 1,779 row dicts took twice as long to build.
    before = [c.before or {} for c in fu]
    fu_data: dict[str, list[Any]] = {
        "action_id": [c.record["action_id"] for c in fu],
        "change": [c.change for c in fu],
    }
    for col in FOLLOWUP_VALUES:
        fu_data[f"{col}_before"] = [b.get(col) for b in before]
        fu_data[f"{col}_after"] = [c.record[col] for c in fu]
    kpi_data: dict[str, list[Any]] = {
        "goal_id": [c.record["goal_id"] for c in kpi],
        "date": [c.record["date"] for c in kpi],
        "change": [c.change for c in kpi],
        "value_before": [(c.before or {}).get("value") for c in kpi],
        "value_after": [c.record["value"] for c in kpi],
    }
    fu_cols = ["action_id", "change"] + [f"{c}_{w}" for c in FOLLOWUP_VALUES for w in ("before", "after")]
    return Preview(
        pd.DataFrame({c: fu_data[c] for c in fu_cols}, columns=fu_cols),
        pd.DataFrame(kpi_data, columns=["goal_id", "date", "change", "value_before", "value_after"]),
    )
