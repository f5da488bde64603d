"""The seed data set: data/goals.csv and data/progress.xlsx, read, normalised and validated.

These two files are the human-readable source of the store's first state. `load_seed` returns every
table validated by its schema and checked for references between tables, or raises `SeedError` with
the full list of problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from model.config import GOALS_FILE, PROGRESS_FILE, seed_digest, seed_files
from model.errors import AppError
from model.report import Problem, problems_from_schema_errors
from model.schemas import TABLES

_BOOL_COLUMNS = {"reportable", "is_repeat", "sample", "binding"}
_TRUE = {"true", "1", "1.0", "yes", "y", "t"}
_FALSE = {"false", "0", "0.0", "no", "n", "f"}


class SeedError(AppError):
    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.problems = problems
        detail = "; ".join(str(p) for p in problems[:10])
        if len(problems) > 10:
            detail += f" … (+{len(problems) - 10})"
        super().__init__("err.seed_invalid", file=file, detail=detail)


@dataclass(frozen=True)
class SeedData:
    tables: dict[str, pd.DataFrame]
    sha256: str  # of both files together: a changed seed is a new seed submission

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def normalise(df: pd.DataFrame) -> pd.DataFrame:
    """Strip text, turn empty cells into NA, read booleans written as text or 1/0."""
    out = df.copy()
    for col in out.columns:
        series = out[col]
        if col in _BOOL_COLUMNS:
            text = series.map(lambda v: None if pd.isna(v) or v == "" else str(v).strip().lower())
            out[col] = text.map(
                lambda v: None if v is None else (True if v in _TRUE else (False if v in _FALSE else v))
            )
            continue
        if series.dtype == object or pd.api.types.is_string_dtype(series):
            out[col] = series.map(lambda v: v.strip() if isinstance(v, str) else v).replace({"": None})
    return out.dropna(how="all")


def validate_table(name: str, df: pd.DataFrame, sheet: str) -> tuple[pd.DataFrame, list[Problem]]:
    schema = TABLES[name]
    try:
        return schema.validate(df, lazy=True), []
    except pa.errors.SchemaErrors as err:
        return df, problems_from_schema_errors(sheet, err)


def _missing(sheet: str, df: pd.DataFrame, column: str, known: set[str], what: str) -> list[Problem]:
    out = []
    for i, value in df[column].items():
        if pd.notna(value) and str(value) not in known:
            out.append(Problem(sheet, int(str(i)) + 2, column, f"unknown {what}: {value!r}"))
    return out


def check_references(t: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every id a table points at exists in the table it names."""
    ids = {
        "strategy": set(t["strategies"]["strategy_id"]),
        "pillar": {str(v) for v in t["pillars"]["pillar_id"]},
        "area": set(t["areas"]["area_id"]),
        "action": set(t["actions"]["action_id"]),
        "bullet": set(t["bullets"]["bullet_id"]),
        "goal": set(t["goals"]["id"]),
        "agreement": set(t["agreements"]["agreement_id"]),
        "coop_area": set(t["coop_areas"]["code"]),
    }
    p: list[Problem] = []
    p += _missing("pillars", t["pillars"], "strategy_id", ids["strategy"], "strategy")
    p += _missing(GOALS_FILE, t["goals"], "strategy_id", ids["strategy"], "strategy")
    p += _missing("areas", t["areas"].astype({"pillar_id": str}), "pillar_id", ids["pillar"], "pillar")
    p += _missing("areas", t["areas"], "goal_id", ids["goal"], "goal")
    p += _missing("actions", t["actions"], "area_id", ids["area"], "area")
    p += _missing("actions", t["actions"], "parent_id", ids["action"], "action")
    p += _missing("bullets", t["bullets"], "action_id", ids["action"], "action")
    p += _missing("bullets", t["bullets"], "repeat_of", ids["bullet"], "bullet")
    p += _missing(GOALS_FILE, t["goals"], "area", ids["area"], "area")
    p += _missing(GOALS_FILE, t["goals"], "related_action", ids["action"], "action")
    p += _missing("kpi_observations", t["kpi_observations"], "goal_id", ids["goal"], "goal")
    p += _missing("milestones_status", t["milestones_status"], "goal_id", ids["goal"], "goal")
    p += _missing("agreement_areas", t["agreement_areas"], "agreement_id", ids["agreement"], "agreement")
    p += _missing("agreement_areas", t["agreement_areas"], "area_code", ids["coop_area"], "cooperation area")
    tags = set(t["ministries"]["tag"])
    for i, tag in t["actions"]["ministries_tag"].items():
        if pd.isna(tag):
            continue
        for part in str(tag).replace(",", "、").split("、"):
            if part.strip() not in tags:
                p.append(
                    Problem("actions", int(str(i)) + 2, "ministries_tag", f"unknown ministry tag {part!r}")
                )
    seeds = set(t["sources"]["seed_file"])
    for name, df in t.items():
        for col in ("source", "evidence_source"):
            if col not in df or name == "ministries":
                continue
            for i, src in df[col].items():
                files = {s.strip().split(" ")[0] for s in str(src).split(";")}
                # A made-up demo value cannot cite a seed: it says SAMPLE and carries sample=true.
                is_sample = "sample" in df and bool(df["sample"].get(i)) and str(src).startswith("SAMPLE")
                if not files <= seeds and not is_sample:
                    sheet = GOALS_FILE if name == "goals" else name
                    p.append(Problem(sheet, int(str(i)) + 2, col, f"source names no seed file: {src!r}"))
    return p


def load_seed(directory: Path | None = None) -> SeedData:
    """Read and validate data/goals.csv and data/progress.xlsx; SeedError lists every problem."""
    goals_path, progress_path = seed_files(directory)
    for path in (goals_path, progress_path):
        if not path.is_file():
            raise AppError("err.seed_missing", file=str(path))
    digest = seed_digest(directory)
    assert digest is not None  # both files are there

    raw: dict[str, pd.DataFrame] = {"goals": pd.read_csv(goals_path, dtype=str, keep_default_na=False)}
    sheets = pd.read_excel(progress_path, sheet_name=None, engine="calamine")
    problems: list[Problem] = []
    for name in TABLES:
        if name == "goals":
            continue
        if name not in sheets:
            problems.append(Problem(PROGRESS_FILE, None, None, f"sheet {name!r} is missing"))
            continue
        raw[name] = sheets[name]
    if problems:
        raise SeedError(PROGRESS_FILE, problems)

    tables: dict[str, pd.DataFrame] = {}
    for name, df in raw.items():
        sheet = GOALS_FILE if name == "goals" else name
        tables[name], found = validate_table(name, normalise(df).reset_index(drop=True), sheet)
        problems += found
    if problems:
        raise SeedError(f"{GOALS_FILE}, {PROGRESS_FILE}", problems)
    problems = check_references(tables)
    if problems:
        raise SeedError(f"{GOALS_FILE}, {PROGRESS_FILE}", problems)
    return SeedData(tables, digest)
