"""The tables of the open-data bundle, built from one snapshot, each one record per row (縦持ち).

Reference tables are taken as the store holds them (`snap.table(name)`, columns as in model/schemas.py),
so a column or table added there flows through; only what the machine-readability rules require is
changed: seed file names become the document's id and title (`source_id`, `source`), every date is an ISO
date with its 和暦 beside it (`<field>_wareki`), text holds no line breaks, and follow-up text is one row
per line (`followup_items`). Nothing here writes files (see `_write`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from model.followup import structure
from model.goals import CALCULATION_FIELDS, calculation_record, kpi_table
from model.messages import t
from model.milestones import milestones_table
from model.opendata._dates import wareki, wareki_fy
from model.schemas import ISO_DATE, TABLES
from model.store import JOINT, REFERENCE_TABLES, Snapshot
from model.strategy import goals as strategy_goals
from model.strategy import owners
from model.structure import state

STRUCTURE = ("strategies", "pillars", "areas", "actions")
"""The reference tables the strategy structure is made of, top down (`strategies` once the store has it)."""

SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
# A repository path in a provenance note ('names as in seeds/README.md'): not a source a reuser can open.
_PATH = re.compile(r"\s*(?:names\s+)?(?:as in\s+)?(?:[\w.-]+/)+[\w.-]+\.[A-Za-z]{1,4}\b")
# The store's provenance columns (a seed file and a section), and how the published tables name them.
_SOURCE_COLUMNS = {"source": "source_id", "evidence_source": "evidence_source_id"}
# Columns a reuser does not need or must not get: file names (sources), account names (personal data).
_DROPPED = {"sources": ("seed_file",)}
_CALCULATION_DROPPED = ("override_by",)


@dataclass(frozen=True)
class Table:
    """One resource of the bundle: its rows, primary key and the foreign keys it declares."""

    name: str
    frame: pd.DataFrame
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()


def _is_date_column(table: str, column: str) -> bool:
    """A column model/schemas.py checks as an ISO date."""
    schema = TABLES.get(table)
    if schema is None:
        return False
    col = schema.to_schema().columns.get(column)
    return col is not None and any(c.statistics.get("pattern") == ISO_DATE for c in col.checks)


def _as_date(value: Any) -> dt.date | None:
    if value is None or (not isinstance(value, dt.date) and bool(pd.isna(value))):
        return None
    if isinstance(value, dt.datetime | pd.Timestamp):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _one_line(value: Any) -> Any:
    """Text without line breaks (a cell holds one line: the rules' 改行で体裁を整えない)."""
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return " ".join(part.strip() for part in value.splitlines() if part.strip())
    return value


class _Sources:
    """Seed file → source id and document title, from the `sources` table."""

    def __init__(self, snap: Snapshot) -> None:
        src = snap.table("sources")
        self.ids = {str(r.seed_file): str(r.source_id) for r in src.itertuples(index=False)}
        self.titles = {str(r.seed_file): str(r.title_ja) for r in src.itertuples(index=False)}

    def first_id(self, text: Any) -> str | None:
        m = SEED_FILE.search(str(text)) if isinstance(text, str) else None
        return self.ids.get(m.group()) if m else None

    def label(self, text: Any) -> Any:
        """'002_….txt 1.(1) 主要技術領域' → '「量子技術イノベーション戦略のフォローアップについて」 1.(1)
        主要技術領域' (the document's title; a repository path in a note is dropped)."""
        if not isinstance(text, str):
            return text
        text = SEED_FILE.sub(lambda m: f"「{self.titles.get(m.group(), m.group())}」", text)
        return _PATH.sub("", text).strip()


def _with_dates(df: pd.DataFrame, date_columns: list[str]) -> pd.DataFrame:
    """Dates as datetime.date, each followed by its 和暦 at the row's precision (`<col>_precision`, else
    `date_precision`, else day)."""
    out: dict[str, Any] = {}
    for col in df.columns:
        if col not in date_columns:
            out[col] = df[col]
            continue
        days = df[col].map(_as_date)
        prec_col = f"{col}_precision" if f"{col}_precision" in df else "date_precision"
        precision = df[prec_col] if prec_col in df else pd.Series("day", index=df.index)
        out[col] = days.astype(object)
        out[f"{col}_wareki"] = [
            wareki(d, str(p) if isinstance(p, str) else "day") for d, p in zip(days, precision, strict=True)
        ]
    return pd.DataFrame(out, index=df.index)


def _published(df: pd.DataFrame, name: str, sources: _Sources, date_columns: list[str]) -> pd.DataFrame:
    """A store table as published: provenance as source id + title, dates with 和暦, one-line text."""
    df = df.drop(columns=[c for c in _DROPPED.get(name, ()) if c in df])
    for col, id_col in _SOURCE_COLUMNS.items():
        if col in df:
            pos = list(df.columns).index(col)
            df.insert(pos, id_col, df[col].map(sources.first_id).astype(object))
            df[col] = df[col].map(sources.label)
    df = _with_dates(df, date_columns)
    for col in df.columns:
        if df[col].dtype == object or pd.api.types.is_string_dtype(df[col]):
            df[col] = df[col].map(_one_line).astype(object)
    return df.reset_index(drop=True)


def _as_of_year(snap: Snapshot, name: str, fiscal_year: int | None) -> pd.DataFrame:
    """A reference table as it stands in the bundle's fiscal year: the seed's rows with the secretariat's
    structure edits applied (model/structure.py), in the seed's columns."""
    seed = snap.table(name)
    if name == "actions":
        st = structure(snap, fiscal_year)
        st = st[st["in_force"]] if fiscal_year is not None else st
        return st[[c for c in seed.columns if c in st.columns]].reset_index(drop=True)
    if name == "ministries":
        return state(snap).ministries[list(seed.columns)]
    if name == "goals":
        return strategy_goals(snap)[list(seed.columns)]
    return seed


def _reference(snap: Snapshot, name: str, sources: _Sources, fiscal_year: int | None = None) -> pd.DataFrame:
    df = _as_of_year(snap, name, fiscal_year)
    dates = [c for c in df.columns if _is_date_column(name, c)]
    return _published(df, name, sources, dates)


def _ministries(snap: Snapshot, sources: _Sources) -> pd.DataFrame:
    """The ministries, and JOINT: the text the owners of an action published together (seed 002)."""
    df = _reference(snap, "ministries", sources)
    joint = {c: None for c in df.columns} | {
        "code": JOINT,
        "name_ja": t("ministry.joint", "ja"),
        "name_en": t("ministry.joint", "en"),
    }
    if "short_en" in df:
        joint["short_en"] = t("ministry.joint", "en")
    return pd.concat([df, pd.DataFrame([joint], columns=df.columns)], ignore_index=True)


def _recorded_at(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, utc=True).dt.floor("s").astype(object)


def _followup(snap: Snapshot, fiscal_year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per action × ministry (the entry, its status) and one per line of its text (the items)."""
    entries = snap.followup(fiscal_year)
    change_of = snap.submissions().set_index("id")["change_id"]
    rows, items = [], []
    for e in entries.to_dict("records"):
        key = {
            "fiscal_year": int(e["fiscal_year"]),
            "action_id": e["action_id"],
            "ministry_code": e["ministry_code"],
        }
        counts = {}
        for column in ("progress", "next"):
            text = e[f"{column}_ja"]
            lines = (
                [ln.strip() for ln in str(text).splitlines() if ln.strip()] if isinstance(text, str) else []
            )
            counts[column] = len(lines)
            items += [key | {"column": column, "seq": i, "text_ja": ln} for i, ln in enumerate(lines, 1)]
        rows.append(
            key
            | {
                "fiscal_year_wareki": wareki_fy(int(e["fiscal_year"])),
                "status": e["status"] if isinstance(e["status"], str) else None,
                "progress_lines": counts["progress"],
                "next_lines": counts["next"],
                "version": int(change_of[e["submission_id"]]),
                "recorded_at": e["created_at"],
            }
        )
    entry_cols = ["fiscal_year", "fiscal_year_wareki", "action_id", "ministry_code", "status"]
    entry_cols += ["progress_lines", "next_lines", "version", "recorded_at"]
    entry_frame = pd.DataFrame(rows, columns=entry_cols)
    entry_frame["recorded_at"] = _recorded_at(entry_frame["recorded_at"])
    item_cols = ["fiscal_year", "action_id", "ministry_code", "column", "seq", "text_ja"]
    return entry_frame, pd.DataFrame(items, columns=item_cols)


def _kpi_observations(snap: Snapshot, sources: _Sources) -> pd.DataFrame:
    obs = snap.kpi_observations()
    change_of = snap.submissions().set_index("id")["change_id"]
    obs["version"] = obs["submission_id"].map(change_of).astype(int)
    obs["recorded_at"] = _recorded_at(obs["created_at"])
    cols = ["goal_id", "date", "date_precision", "obs_id", "metric", "value", "unit", "sample", "source"]
    cols += ["note", "version", "recorded_at"]
    return _published(obs[cols], "kpi_observations", sources, ["date"])


def _kpi_calculations(snap: Snapshot, as_of: dt.date) -> pd.DataFrame:
    """The calculation record of every goal's status as of `as_of` (model/goals.py), sample marked."""
    table = kpi_table(snap, as_of=as_of)
    records = []
    for row in table.to_dict("records"):
        rec = {k: v for k, v in calculation_record(row).items() if k not in _CALCULATION_DROPPED}
        records.append(rec | {"unit": row["unit"], "sample": bool(row["sample"]), "as_of": as_of})
    cols = [c for c in CALCULATION_FIELDS if c not in _CALCULATION_DROPPED] + ["unit", "sample", "as_of"]
    df = pd.DataFrame(records, columns=cols)
    df["override_at"] = _recorded_at(df["override_at"]) if df["override_at"].notna().any() else None
    df["override_at"] = df["override_at"].astype(object)
    return _published(
        df, "kpi_calculations", _NO_SOURCES, ["base_date", "latest_date", "target_date", "as_of"]
    )


def _milestones(snap: Snapshot, as_of: dt.date, sources: _Sources) -> pd.DataFrame:
    """Each milestone's deadline at the precision its source gives, achievement and status as of `as_of`."""
    table = milestones_table(snap, as_of=as_of)
    goals = snap.table("goals").set_index("id")
    done = snap.table("milestones_status").set_index("goal_id")

    def deadline_precision(goal_id: str) -> str | None:
        g = goals.loc[goal_id]
        if isinstance(g["target_date"], str):
            return "day"
        if pd.isna(g["target_year"]):
            return None
        return "fy" if g["target_basis"] == "FY" else "year"

    df = pd.DataFrame(
        {
            "goal_id": table["goal_id"],
            "deadline": table["deadline"],
            "deadline_precision": table["goal_id"].map(deadline_precision).astype(object),
            "deadline_text_ja": table["deadline_text_ja"],
            "status": table["status"],
            "as_of": as_of,
            "achieved_date": table["achieved_date"],
            "achieved_date_precision": table["goal_id"].map(
                lambda g: done.loc[g, "date_precision"] if g in done.index else None
            ),
            "evidence_ja": table["evidence_ja"],
            "evidence_source": table["evidence_source"],
        }
    )
    return _published(df, "milestones", sources, ["deadline", "achieved_date", "as_of"])


def _update_history(snap: Snapshot) -> pd.DataFrame:
    """Every change of reported data up to this version: the seed, each upload and withdrawal. Who wrote it
    is not published (account names are personal data); the ministry is."""
    subs = snap.submissions()
    withdrawn_change = subs.set_index("id")["change_id"]
    df = pd.DataFrame(
        {
            "version": subs["change_id"].astype(int),
            "recorded_at": _recorded_at(subs["created_at"]),
            "kind": subs["kind"],
            "ministry_code": subs["ministry_code"].astype(object),
            "fiscal_year": subs["fiscal_year"].astype("Int64"),
            "rows_added": subs["n_added"].astype("Int64"),
            "rows_changed": subs["n_changed"].astype("Int64"),
            "rows_unchanged": subs["n_unchanged"].astype("Int64"),
            "outcome": subs["outcome"],
            "withdraws_version": subs["withdraws_id"].map(withdrawn_change).astype("Int64"),
        }
    )
    return df.sort_values("version").reset_index(drop=True)


class _NoSources(_Sources):
    def __init__(self) -> None:
        self.ids, self.titles = {}, {}


_NO_SOURCES = _NoSources()


def build_tables(snap: Snapshot, fiscal_year: int, as_of: dt.date) -> list[Table]:
    """Every table of the bundle, in the order a reader meets them: what was reported, the goals and
    their status, the agreements, the structure, the vocabulary, the history."""
    sources = _Sources(snap)
    entries, items = _followup(snap, fiscal_year)
    key = ("fiscal_year", "action_id", "ministry_code")
    tables = [
        Table("followup_entries", entries, key),
        Table("followup_items", items, (*key, "column", "seq"), ((key, "followup_entries", key),)),
        Table("kpi_observations", _kpi_observations(snap, sources), ("goal_id", "date")),
        Table("kpi_calculations", _kpi_calculations(snap, as_of), ("goal_id",)),
        Table("goals", _reference(snap, "goals", sources), ("id",)),
        Table("milestones", _milestones(snap, as_of, sources), ("goal_id",)),
        Table("agreements", _reference(snap, "agreements", sources), ("agreement_id",)),
        Table(
            "agreement_areas",
            _reference(snap, "agreement_areas", sources),
            ("agreement_id", "seq", "area_code"),
        ),
        Table("coop_areas", _reference(snap, "coop_areas", sources), ("code",)),
    ]
    structure_keys = {"strategies": ("strategy_id",), "pillars": ("pillar_id",), "areas": ("area_id",)}
    for name in STRUCTURE:
        if name in REFERENCE_TABLES:
            frame = _reference(snap, name, sources, fiscal_year)
            tables.append(Table(name, frame, structure_keys.get(name, ("action_id",))))
    tables += [
        Table("action_owners", owners(snap, fiscal_year), ("action_id", "ministry_code")),
        Table("ministries", _ministries(snap, sources), ("code",)),
        Table("sources", _reference(snap, "sources", sources), ("source_id",)),
        Table("update_history", _update_history(snap), ("version",)),
    ]
    return [
        Table(tb.name, tb.frame, tb.primary_key, tb.foreign_keys + _inferred_keys(tb, tables))
        for tb in tables
    ]


# Columns that refer to another table under a name other than its key.
_REFERS_TO: dict[str, tuple[str, str]] = {
    "goal_id": ("goals", "id"),
    "pillar": ("pillars", "pillar_id"),
    "area": ("areas", "area_id"),
    "related_action": ("actions", "action_id"),
    "parent_id": ("actions", "action_id"),
    "area_code": ("coop_areas", "code"),
    "ministry_code": ("ministries", "code"),
    "evidence_source_id": ("sources", "source_id"),
    "withdraws_version": ("update_history", "version"),
}


def _inferred_keys(
    table: Table, tables: list[Table]
) -> tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...]:
    """Foreign keys by name: a column named like another table's one-field key (area_id → areas), or
    listed in _REFERS_TO. Declared only when the table referred to is in the bundle."""
    singles: dict[str, list[str]] = {}
    for other in tables:
        if len(other.primary_key) == 1:
            singles.setdefault(other.primary_key[0], []).append(other.name)
    names = {tb.name: tb for tb in tables}
    found = []
    for col in table.frame.columns:
        target: tuple[str, str] | None = _REFERS_TO.get(col)
        if target is None and len(singles.get(col, [])) == 1:
            target = (singles[col][0], col)
        if target is None or target[0] not in names:
            continue
        if target[0] == table.name and (col,) == table.primary_key:
            continue
        found.append(((col,), target[0], (target[1],)))
    return tuple(found)
