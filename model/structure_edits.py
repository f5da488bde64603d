"""The secretariat maintains the strategies' structure: checks and records edits, one at a time (the page's
forms, `python -m model structure …`) or many from a spreadsheet (`structure upload`), with the same
per-cell problem report, preview and commit as the ministries' uploads.

Every edit is checked against the structure as it stands with the edits before it applied (an upload may
add a ministry on one row and assign it on the next); one problem refuses the whole batch and nothing is
stored. Edits are written through the store's one write door, with who, when and why, and apply from the
fiscal year they name (model/structure.py).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from model.auth import User, require_secretariat
from model.errors import AppError
from model.messages import t
from model.ministries import MinistryRegistry
from model.report import Problem
from model.schemas import DIRECTIONS
from model.store import Snapshot, Store
from model.structure import OPS, RELATIONS, Builder, Edit, applied, seed_tables, stored_edits
from model.text import excerpt, first_refused, normalise

SHEET = "構造変更"
# Spreadsheet column → edit value key ("" = the edit's own fields: op, target, from_fy, reason).
COLUMNS: dict[str, str] = {
    "操作": "op",
    "対象ID": "target",
    "適用年度": "from_fy",
    "理由": "reason",
    "分野ID": "area_id",
    "親ID": "parent_id",
    "名称": "title_ja",
    "説明": "description_ja",
    "担当府省": "owners",
    "統合先ID": "into",
    "関連ID": "related_id",
    "関係": "relation",
    "タグ": "tag",
    "府省名": "name_ja",
    "府省名（英）": "name_en",
    "英略称": "short_en",
    "種別": "kind",
    "戦略ID": "strategy_id",
    "名称（英）": "title_en",
    "指標": "metric",
    "単位": "unit",
    "目標値": "target_value",
    "目標年": "target_year",
    "年の基準": "target_basis",
    "期限の表記": "target_text_ja",
    "方向": "direction",
}
FIELD_COLUMN = {v: k for k, v in COLUMNS.items()}
# What a person may type in 操作 (Japanese names as the sheet's dropdown offers them, or the op ids).
OP_NAMES = {
    "取組追加": "action.add",
    "文言修正": "action.reword",
    "廃止": "action.retire",
    "統合": "action.merge",
    "担当府省設定": "owners.set",
    "府省追加": "ministries.add",
    "目標追加": "goal.add",
    "関連付け": "link.add",
}
_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,15}$")
_GOAL_ID = re.compile(r"^[HGMI]-[A-Za-z0-9-]+$")
_METRIC = re.compile(r"^[a-z0-9_]+$")
_TEXT_LIMIT = 4_000
_TEXT_KEYS = ("title_ja", "description_ja", "reason", "name_ja", "name_en", "short_en", "tag", "title_en")


class StructureError(AppError):
    """Edits refused: every problem, each with its row and column."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("st.refused", n=len(problems), detail="; ".join(str(p) for p in problems[:5]))


@dataclass
class StructureUpload:
    """A checked structure spreadsheet: the edits it makes, or every problem (then nothing is stored)."""

    file_name: str
    edits: list[Edit] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # the sheet row of each edit
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.edits)


# --- checking -----------------------------------------------------------------------------------------
def _current(snap: Snapshot) -> Builder:
    """The structure as it stands now, every stored edit applied (as `structure.state(snap)` builds it)."""
    return applied(seed_tables(snap), stored_edits(snap), None)


def _owner_codes(reg: MinistryRegistry, value: Any, lang: str) -> tuple[list[str], str | None]:
    if value is None or value == "":
        return [], None
    parts = value if isinstance(value, list) else re.split(r"[、,，・/／\s]+", str(value).strip())
    codes = []
    for part in (p for p in parts if p):
        try:
            codes.append(reg.get(str(part)).code)
        except AppError:
            known = ", ".join(f"{m.tag}={m.code}" for m in reg)
            return [], t("st.unknown_ministry", lang, value=part, known=known)
    rank = {code: i for i, code in enumerate(reg.codes)}
    return sorted(dict.fromkeys(codes), key=rank.__getitem__), None


def check_edit(builder: Builder, e: Edit, lang: str = "ja") -> tuple[Edit, list[tuple[str, str]]]:
    """(the edit with names resolved, [(field, problem)]) against `builder`'s structure."""
    bad: list[tuple[str, str]] = []
    v = dict(e.values)
    if e.op not in OPS:
        return e, [("op", t("st.unknown_op", lang, value=excerpt(e.op), known="／".join(OP_NAMES)))]
    # Every text value, not only the named ones: a unit, a deadline's wording or an id of 13 million
    # characters would otherwise be stored and shown to every reader.
    for key in dict.fromkeys((*_TEXT_KEYS, "target", *v)):
        raw = {"reason": e.reason, "target": e.target}.get(key, v.get(key))
        if isinstance(raw, str):
            text = normalise(raw).strip()
            found = first_refused(text)
            if found is not None or len(text) > _TEXT_LIMIT:
                bad.append((key, t("st.bad_text", lang, limit=_TEXT_LIMIT)))
            elif key in _TEXT_KEYS and key != "reason":
                v[key] = text or None
    if not e.reason.strip():
        bad.append(("reason", t("st.reason_required", lang)))
    if OPS[e.op] and e.from_fy is None:
        bad.append(("from_fy", t("st.fy_required", lang)))
    if e.from_fy is not None and not 2000 <= e.from_fy <= 2100:
        bad.append(("from_fy", t("st.fy_bad", lang, value=e.from_fy)))
    rows, target = builder.rows, e.target
    reg = builder.registry()

    def must_exist(key: str, action_id: Any) -> dict[str, Any] | None:
        if not action_id or str(action_id) not in rows:
            bad.append((key, t("st.unknown_action", lang, value=action_id or "")))
            return None
        return rows[str(action_id)]

    def in_force(key: str, row: dict[str, Any] | None) -> None:
        if row is not None and row["until_fy"] is not None:
            bad.append((key, t("st.retired", lang, value=row["action_id"], fy=row["until_fy"])))
        started(key, row)

    def started(key: str, row: dict[str, Any] | None) -> None:
        """An action changes only from a year it exists in: an edit dated before its first year would apply
        to a year's structure that does not hold it."""
        first = None if row is None else row.get("from_fy")
        if e.from_fy is not None and first is not None and e.from_fy < int(first):
            bad.append(("from_fy", t("st.before_action", lang, value=row["action_id"], fy=int(first))))  # type: ignore[index]

    if e.op == "action.add":
        area = v.get("area_id")
        if not target:
            target = _next_action_id(builder, str(area)) if area in builder.area_pillar else ""
        if target in rows:
            bad.append(("target", t("st.exists", lang, value=target)))
        elif target and not re.match(r"^\d+-\d+-\d{2}(-[a-z0-9]+)?$", target):
            bad.append(("target", t("st.bad_action_id", lang, value=target)))
        if area not in builder.area_pillar:
            bad.append(("area_id", t("st.unknown_area", lang, value=area or "")))
        if not v.get("title_ja"):
            bad.append(("title_ja", t("st.required", lang)))
        if v.get("parent_id"):
            must_exist("parent_id", v["parent_id"])
        codes, problem = _owner_codes(reg, v.get("owners"), lang)
        if problem:
            bad.append(("owners", problem))
        else:
            v["owners"] = codes
    elif e.op == "action.reword":
        started("target", must_exist("target", target))
        if not v.get("title_ja") and not v.get("description_ja"):
            bad.append(("title_ja", t("st.reword_empty", lang)))
        v = {k: v[k] for k in ("title_ja", "description_ja") if v.get(k)}
    elif e.op == "action.retire":
        in_force("target", must_exist("target", target))
        v = {}
    elif e.op == "action.merge":
        in_force("target", must_exist("target", target))
        in_force("into", must_exist("into", v.get("into")))
        if v.get("into") == target:
            bad.append(("into", t("st.self", lang)))
        v = {"into": v.get("into")}
    elif e.op == "owners.set":
        in_force("target", must_exist("target", target))
        codes, problem = _owner_codes(reg, v.get("owners"), lang)
        if problem:
            bad.append(("owners", problem))
        v = {"owners": v.get("owners") if problem else codes}
    elif e.op == "ministries.add":
        if not _CODE.match(target or ""):
            bad.append(("target", t("st.bad_code", lang, value=target)))
        for key in ("tag", "name_ja", "name_en", "short_en"):
            if not v.get(key):
                bad.append((key, t("st.required", lang)))
        for m in reg:
            if target == m.code or v.get("tag") == m.tag or v.get("name_ja") == m.name_ja:
                bad.append(("target", t("st.ministry_exists", lang, value=m.name_ja)))
                break
        v = {k: v.get(k) for k in ("tag", "name_ja", "name_en", "short_en")} | {
            "source": f"事務局 ({e.reason})"
        }
    elif e.op == "goal.add":
        v = _check_goal(builder, target, v, bad, lang)
    elif e.op == "link.add":
        must_exist("target", target)
        must_exist("related_id", v.get("related_id"))
        if v.get("relation") not in RELATIONS:
            bad.append(
                (
                    "relation",
                    t("st.bad_relation", lang, value=v.get("relation") or "", known=", ".join(RELATIONS)),
                )
            )
        if v.get("related_id") == target:
            bad.append(("related_id", t("st.self", lang)))
        v = {
            "related_id": v.get("related_id"),
            "relation": v.get("relation"),
            "source": f"事務局 ({e.reason})",
        }
    if e.op in ("action.add",) and e.from_fy is not None and v.get("area_id") in builder.area_pillar:
        pid = int(builder.area_pillar[v["area_id"]])
        starts = builder.strategies.set_index("strategy_id")["from_fy"]
        first = int(starts[builder.pillar_strategy[pid]])
        if e.from_fy < first:
            bad.append(("from_fy", t("st.before_strategy", lang, fy=first)))
    resolved = Edit(op=e.op, target=target, values=v, from_fy=e.from_fy, reason=normalise(e.reason).strip())
    return resolved, bad


def _check_goal(
    builder: Builder, target: str, v: dict[str, Any], bad: list[tuple[str, str]], lang: str
) -> dict[str, Any]:
    known = set(builder.tables["goals"]["id"]) | {g["id"] for g in builder.new_goals}
    if not _GOAL_ID.match(target or ""):
        bad.append(("target", t("st.bad_goal_id", lang, value=target)))
    elif target in known:
        bad.append(("target", t("st.exists", lang, value=target)))
    if v.get("kind") not in ("goal", "milestone", "indicator"):
        bad.append(
            ("kind", t("st.bad_choice", lang, value=v.get("kind") or "", known="goal, milestone, indicator"))
        )
    if v.get("strategy_id") not in set(builder.strategies["strategy_id"]):
        bad.append(
            (
                "strategy_id",
                t(
                    "st.bad_choice",
                    lang,
                    value=v.get("strategy_id") or "",
                    known=", ".join(builder.strategies["strategy_id"]),
                ),
            )
        )
    for key in ("title_ja", "title_en", "unit"):
        if not v.get(key):
            bad.append((key, t("st.required", lang)))
    if not _METRIC.match(str(v.get("metric") or "")):
        bad.append(("metric", t("st.bad_metric", lang, value=v.get("metric") or "")))
    if v.get("direction") not in DIRECTIONS:
        bad.append(
            (
                "direction",
                t("st.bad_choice", lang, value=v.get("direction") or "", known=", ".join(DIRECTIONS)),
            )
        )
    out: dict[str, Any] = {
        k: v.get(k)
        for k in (
            "kind",
            "strategy_id",
            "title_ja",
            "title_en",
            "metric",
            "unit",
            "direction",
            "target_text_ja",
            "target_basis",
        )
    }
    for key, kind in (("target_value", float), ("target_year", int)):
        raw = v.get(key)
        if raw in (None, ""):
            out[key] = None
            continue
        try:
            out[key] = kind(float(str(raw).replace(",", "")))
        except ValueError:
            bad.append((key, t("st.not_number", lang, value=raw)))
    if out.get("target_year") is not None and out.get("target_basis") not in ("FY", "CY"):
        bad.append(
            ("target_basis", t("st.bad_choice", lang, value=out.get("target_basis") or "", known="FY, CY"))
        )
    if out["kind"] == "milestone" and (out.get("target_year") is None or not out.get("target_text_ja")):
        bad.append(("target_year", t("st.milestone_dated", lang)))
    out["source"] = "事務局"
    return out


def _next_action_id(builder: Builder, area_id: str) -> str:
    taken = {a for a in builder.rows if a.startswith(area_id + "-")}
    n = 1
    while f"{area_id}-{n:02d}" in taken:
        n += 1
    return f"{area_id}-{n:02d}"


def check_edits(
    snap: Snapshot, edits: list[Edit], lang: str = "ja", rows: list[int] | None = None
) -> tuple[list[Edit], list[Problem]]:
    """Every edit checked against the structure with the ones before it applied."""
    builder = _current(snap)
    done: list[Edit] = []
    problems: list[Problem] = []
    for i, e in enumerate(edits):
        resolved, bad = check_edit(builder, e, lang)
        row = rows[i] if rows else None
        for key, message in bad:
            problems.append(Problem(SHEET, row, FIELD_COLUMN.get(key, key), message))
        if not bad:
            builder.apply(resolved)
        done.append(resolved)
    return done, problems


# --- writing ------------------------------------------------------------------------------------------
def apply_edits(
    store: Store, user: User, edits: list[Edit], lang: str = "ja", rows: list[int] | None = None
) -> int:
    """Check and record `edits` in one transaction (secretariat only); StructureError lists every problem
    and nothing is stored. Returns the store version that holds them."""
    require_secretariat(user)
    if not edits:
        raise AppError("st.nothing")
    with store.transaction(user, "structure") as tx:
        resolved, problems = check_edits(tx.snapshot(), edits, lang, rows)
        if problems:
            raise StructureError(problems)
        for e in resolved:
            tx.record_structure_edit(e.op, e.target, e.payload(), e.from_fy, e.reason)
        return tx.version


# --- the spreadsheet --------------------------------------------------------------------------------------
def structure_template() -> bytes:
    """An empty 構造変更 sheet with the columns, the ops as a dropdown and a sheet explaining each op."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = Alignment(wrap_text=True)
    for i in range(len(COLUMNS)):
        ws.column_dimensions[chr(ord("A") + i)].width = 16
    dv = DataValidation(type="list", formula1='"' + ",".join(OP_NAMES) + '"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add("A2:A1000")
    ws.freeze_panes = "A2"
    help_ws = wb.create_sheet("記入方法")
    for line in t("st.help", "ja").split("\n"):
        help_ws.append([line])
    help_ws.column_dimensions["A"].width = 120
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def read_structure_upload(
    snap: Snapshot,
    data: bytes,
    file_name: str,
    lang: str = "ja",
    on_wait: Callable[[], None] | None = None,
) -> StructureUpload:
    """Read and check a filled 構造変更 sheet; never raises for anything wrong with the file. `on_wait`: as
    `check_upload`'s (the file waits for its turn to be parsed)."""
    from model.reporting.files import read_workbook  # the same hardened reader as the ministries' uploads

    up = StructureUpload(file_name=file_name)
    book, problems = read_workbook(data, file_name, lang, on_wait=on_wait)
    if book is None:
        up.problems = problems
        return up
    sheet = book.sheets.get(SHEET)
    if sheet is None:
        up.problems = [Problem(SHEET, None, None, t("up.sheet.missing", lang, sheet=SHEET))]
        return up
    header_at = next((i for i, r in enumerate(sheet[:10]) if "操作" in [_cell(c) for c in r]), None)
    if header_at is None:
        up.problems = [Problem(SHEET, None, "操作", t("up.col.missing", lang, column="操作"))]
        return up
    header = [_cell(c) for c in sheet[header_at]]
    unknown = [h for h in header if h and h not in COLUMNS]
    for h in unknown:
        up.problems.append(
            Problem(SHEET, header_at + 1, h, t("st.unknown_column", lang, known="、".join(COLUMNS)))
        )
    for i in range(header_at + 1, len(sheet)):
        values = {COLUMNS[h]: _cell(c) for h, c in zip(header, sheet[i], strict=False) if h in COLUMNS}
        if not any(values.values()):
            continue
        n = i + 1
        op_text = values.pop("op", "") or ""
        op = OP_NAMES.get(op_text, op_text)
        fy_text = values.pop("from_fy", None)
        fy: int | None = None
        if fy_text:
            try:
                fy = int(float(re.sub(r"年度$", "", fy_text)))
            except ValueError:
                up.problems.append(Problem(SHEET, n, "適用年度", t("st.not_number", lang, value=fy_text)))
        target = values.pop("target", "") or ""
        reason = values.pop("reason", "") or ""
        clean = {k: v for k, v in values.items() if v}
        up.edits.append(Edit(op=op, target=target, values=clean, from_fy=fy, reason=reason))
        up.rows.append(n)
    if not up.edits and not up.problems:
        up.problems.append(Problem(SHEET, None, None, t("st.nothing", lang)))
    if up.problems:
        return up
    up.edits, up.problems = check_edits(snap, up.edits, lang, up.rows)
    return up


def _cell(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def describe(e: Edit, lang: str = "ja") -> str:
    """One line saying what an edit does (the preview, the history)."""
    v = e.values
    fy = e.from_fy if e.from_fy is not None else ""
    return t(
        f"st.op.{e.op}",
        lang,
        target=e.target,
        fy=fy,
        **{
            k: _show(v.get(k))
            for k in ("title_ja", "owners", "into", "related_id", "relation", "name_ja", "area_id")
        },
    )


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(str(x) for x in value) or "―"
    return "" if value is None else str(value)
