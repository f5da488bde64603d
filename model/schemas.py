"""pandera schemas for every table of the seed data set and the store.

Each table is a `DataFrameModel` (strict: no unknown columns; coerce: "2020" becomes 2020). `validate`
runs lazily so that a report lists every failure, not only the first.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
GOAL_KINDS = ["headline", "goal", "milestone", "indicator"]
DIRECTIONS = ["increase", "decrease", "achieve", "maintain"]
PRECISIONS = ["day", "month", "year", "fy"]
FOLLOWUP_STATUSES = ["完了", "順調", "一部遅延", "遅延", "未着手"]


def _opt_str(**kw: Any) -> Any:
    return pa.Field(nullable=True, **kw)


class _Strict(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = True


class Sources(_Strict):
    source_id: Series[str] = pa.Field(unique=True, str_matches=r"^S\d{3}$")
    seed_file: Series[str]
    title_ja: Series[str]
    title_en: Series[str]
    issuer: Series[str]
    date: Series[str] = pa.Field(str_matches=ISO_DATE)
    note: Series[str] = _opt_str()


class Strategies(_Strict):
    strategy_id: Series[str] = pa.Field(unique=True, str_matches=r"^[a-z]+-\d{4}$")
    title_ja: Series[str]
    title_en: Series[str]
    issuer: Series[str]
    decided_ja: Series[str]  # the decision as printed (e.g. 令和5年4月14日 統合イノベーション戦略推進会議)
    date: Series[str] = pa.Field(str_matches=ISO_DATE)
    from_fy: Series[int] = pa.Field(ge=2000, le=2100)  # the first fiscal year followed up
    # How the document numbers its areas and sub-areas: "{no}." → 1., "({no})" → (1), "{circled}" → ①
    pillar_format: Series[str] = _opt_str()
    area_format: Series[str] = _opt_str()
    source: Series[str]
    note: Series[str] = _opt_str()


class Ministries(_Strict):
    code: Series[str] = pa.Field(unique=True, str_matches=r"^[A-Z][A-Z0-9_]{1,15}$")
    tag: Series[str] = pa.Field(unique=True)
    name_ja: Series[str] = pa.Field(unique=True)
    name_en: Series[str]
    short_en: Series[str]
    source: Series[str]


class Pillars(_Strict):
    """The top level of a strategy: seed 002's five 戦略 (1–5), seed 004 §6's five areas (2301–2305)."""

    pillar_id: Series[int] = pa.Field(unique=True, ge=1)
    name_ja: Series[str]
    name_en: Series[str]
    strategy_id: Series[str]
    no: Series[int] = pa.Field(ge=1)  # the number the strategy prints: 1. / (1)
    description_ja: Series[str] = _opt_str()
    source: Series[str]


class Areas(_Strict):
    area_id: Series[str] = pa.Field(unique=True, str_matches=r"^\d+-\d+$")
    pillar_id: Series[int] = pa.Field(ge=1)
    no: Series[int] = pa.Field(ge=0)  # 0: the area has no sub-areas (seed 004 §6(5)); its actions sit here
    name_ja: Series[str]
    name_en: Series[str]
    goal_ja: Series[str] = _opt_str()  # 1-4 基礎基盤的な研究 has no ＜目標＞ in seed 002
    goal_id: Series[str] = _opt_str()
    source: Series[str]


class Actions(_Strict):
    action_id: Series[str] = pa.Field(unique=True, str_matches=r"^\d+-\d+-\d{2}(-[a-z0-9]+)?$")
    area_id: Series[str]
    parent_id: Series[str] = _opt_str()
    sub_label: Series[str] = _opt_str()
    title_ja: Series[str] = pa.Field(str_length={"min_value": 1})
    ministries_tag: Series[str] = _opt_str()  # empty: no owner named (seed 004), or a sub row (inherits)
    reportable: Series[pd.BooleanDtype]
    group_ja: Series[str] = _opt_str()  # seed 004 §6(2)①'s <…> groups
    description_ja: Series[str] = _opt_str()  # the action's paragraphs (seed 004: its ✓ text), one per line
    source: Series[str]

    @pa.dataframe_check(error="a sub row inherits its parent's 【…】 tag and has none of its own")
    @classmethod
    def sub_rows_untagged(cls, df: pd.DataFrame) -> pd.Series:
        return df["parent_id"].isna() | df["ministries_tag"].isna()


class Bullets(_Strict):
    bullet_id: Series[str] = pa.Field(unique=True, str_matches=r"^[\w-]+/[PN]\d{2}$")
    action_id: Series[str]
    fiscal_year: Series[int] = pa.Field(ge=2000, le=2100)
    column: Series[str] = pa.Field(isin=["progress", "next"])
    seq: Series[int] = pa.Field(ge=1)
    text_ja: Series[str] = pa.Field(str_length={"min_value": 1})
    is_repeat: Series[pd.BooleanDtype]
    repeat_of: Series[str] = _opt_str()
    source: Series[str]


class Goals(_Strict):
    id: Series[str] = pa.Field(unique=True, str_matches=r"^[HGMI]-[A-Za-z0-9-]+$")
    kind: Series[str] = pa.Field(isin=GOAL_KINDS)
    strategy_id: Series[str] = _opt_str()  # empty: an indicator no strategy sets (seed 000's counts)
    pillar: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1)
    area: Series[str] = _opt_str()
    title_ja: Series[str]
    title_en: Series[str]
    metric: Series[str] = pa.Field(str_matches=r"^[a-z0-9_]+$")
    unit: Series[str]
    baseline_value: Series[float] = pa.Field(nullable=True)
    baseline_date: Series[str] = _opt_str(str_matches=ISO_DATE)
    target_value: Series[float] = pa.Field(nullable=True)
    target_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=2000, le=2100)
    target_basis: Series[str] = _opt_str(isin=["FY", "CY"])
    target_date: Series[str] = _opt_str(str_matches=ISO_DATE)
    target_text_ja: Series[str] = _opt_str()
    direction: Series[str] = pa.Field(isin=DIRECTIONS)
    related_action: Series[str] = _opt_str()
    source: Series[str] = pa.Field(str_matches=r"^\d{3}_[0-9a-f]{16}\.txt")
    note: Series[str] = _opt_str()

    @pa.dataframe_check(error="a milestone needs target_year and the seed's deadline phrase")
    @classmethod
    def milestones_are_dated(cls, df: pd.DataFrame) -> pd.Series:
        dated = df["target_year"].notna() & df["target_text_ja"].notna()
        return (df["kind"] != "milestone") | dated

    @pa.dataframe_check(error="target_year needs target_basis (FY or CY)")
    @classmethod
    def year_has_basis(cls, df: pd.DataFrame) -> pd.Series:
        return df["target_year"].isna() | df["target_basis"].notna()


class KpiObservations(_Strict):
    obs_id: Series[str] = pa.Field(unique=True)
    goal_id: Series[str]
    metric: Series[str]
    date: Series[str] = pa.Field(str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(isin=PRECISIONS)
    value: Series[float]
    unit: Series[str]
    sample: Series[pd.BooleanDtype]
    source: Series[str]
    note: Series[str] = _opt_str()

    @pa.dataframe_check(error="a sample value must say so in its note")
    @classmethod
    def samples_are_noted(cls, df: pd.DataFrame) -> pd.Series:
        return ~df["sample"] | df["note"].fillna("").str.contains("サンプル|sample", regex=True)


class MilestonesStatus(_Strict):
    goal_id: Series[str] = pa.Field(unique=True)
    achieved_date: Series[str] = _opt_str(str_matches=ISO_DATE)
    date_precision: Series[str] = _opt_str(isin=PRECISIONS)
    evidence_ja: Series[str]
    evidence_source: Series[str]


class CoopAreas(_Strict):
    code: Series[str] = pa.Field(unique=True, str_matches=r"^[a-z_]+$")
    name_ja: Series[str]
    name_en: Series[str]
    description: Series[str] = _opt_str()


class Agreements(_Strict):
    agreement_id: Series[str] = pa.Field(unique=True)
    partner_ja: Series[str]
    partner_en: Series[str]
    kind: Series[str] = pa.Field(isin=["moc", "statement", "letter_of_intent", "dialogue", "other"])
    kind_ja: Series[str]
    title_ja: Series[str]
    date: Series[str] = pa.Field(str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(isin=PRECISIONS)
    place: Series[str] = _opt_str()
    jp_org: Series[str] = _opt_str()
    partner_org: Series[str] = _opt_str()
    jp_signatory: Series[str] = _opt_str()
    partner_signatory: Series[str] = _opt_str()
    summary_ja: Series[str] = _opt_str()
    term_ja: Series[str] = _opt_str()
    binding: Series[pd.BooleanDtype] = pa.Field(nullable=True)
    source: Series[str]


class AgreementAreas(_Strict):
    agreement_id: Series[str]
    seq: Series[int] = pa.Field(ge=1)
    label: Series[str] = _opt_str()
    text_ja: Series[str]
    area_code: Series[str]
    source: Series[str]


class Events(_Strict):
    event_id: Series[str] = pa.Field(unique=True)
    kind: Series[str]
    name_ja: Series[str]
    name_en: Series[str]
    date_start: Series[str] = pa.Field(str_matches=ISO_DATE)
    date_end: Series[str] = _opt_str(str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(isin=PRECISIONS)
    place: Series[str] = _opt_str()
    host: Series[str] = _opt_str()
    countries: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    participants: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    summary_ja: Series[str] = _opt_str()
    source: Series[str]


# Sheet (or file) name → schema. goals come from data/goals.csv, the rest from data/progress.xlsx.
TABLES: dict[str, type[pa.DataFrameModel]] = {
    "sources": Sources,
    "strategies": Strategies,
    "ministries": Ministries,
    "pillars": Pillars,
    "areas": Areas,
    "actions": Actions,
    "bullets": Bullets,
    "goals": Goals,
    "kpi_observations": KpiObservations,
    "milestones_status": MilestonesStatus,
    "coop_areas": CoopAreas,
    "agreements": Agreements,
    "agreement_areas": AgreementAreas,
    "events": Events,
}
