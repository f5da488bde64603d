"""What the briefing deck says, as plain tables: headline KPIs, status per pillar, milestones, international
cooperation, delayed rows and rows not yet reported. `deck.py` only lays these out on slides.

Every row of a table is listed (the deck continues it on further slides), deadlines are printed with the
precision their source gives (`deadline_text`), and sources are document titles (model/sources.py).
Each `Section` carries its own sources (as readers name them) and whether it shows sample values, so that
every slide states where its numbers come from and marks samples (サンプル) as the data marks them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pandas as pd

from model import followup
from model.calendar_ja import format_date, format_fy, parse_period, to_halfwidth
from model.errors import AppError
from model.format import format_pct, format_value
from model.goals import calculation_lines, kpi_table, status_label
from model.international import agreements_table, frameworks_vs_goal
from model.messages import t
from model.milestones import milestones_table
from model.sources import source_label
from model.store import Snapshot
from model.strategy import registry

DELAYED = ("遅延", "一部遅延")


@dataclass(frozen=True)
class Cell:
    text: str
    sample: bool = False  # drawn with the サンプル mark


@dataclass
class Section:
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    widths: list[float]  # relative column widths
    sources: list[str]
    sample: bool = False
    lead: str | None = None  # one sentence above the table
    empty: str | None = None  # shown instead of an empty table
    notes: list[str] = field(default_factory=list)
    # every row is shown: the deck continues a table on further slides （続き） when it does not fit


def _rows(df: pd.DataFrame) -> list[SimpleNamespace]:
    """Rows with attribute access (like itertuples), typed loosely: the columns are the frame's."""
    return [SimpleNamespace(**{str(k): v for k, v in r.items()}) for r in df.to_dict("records")]


def _short(text: object, n: int) -> str:
    s = re.sub(r"\s+", " ", str(text or "")).strip()
    return s if len(s) <= n else s[: n - 1] + "…"


def _sources(snap: Snapshot, raw: pd.Series | list[str], lang: str) -> list[str]:
    out: list[str] = []
    for text in raw:
        if not isinstance(text, str) or not text.strip():
            continue
        label = t("src.sample", lang) if text.startswith("SAMPLE") else source_label(snap, text, lang)
        for part in label.split("; "):
            if part and part not in out:
                out.append(part)
    return out


def deck_fiscal_year(snap: Snapshot, as_of: dt.date | None = None) -> int:
    """The fiscal year a deck reports on by default: the newest with entries that has started."""
    fy = followup.as_of_fiscal_year(snap, as_of or dt.date.today())
    if fy is not None:
        return fy
    years = followup.fiscal_years(snap)
    return years[-1] if years else (as_of or dt.date.today()).year


def followup_sources(snap: Snapshot, fiscal_year: int, lang: str) -> list[str]:
    fu = snap.followup(fiscal_year)
    out = []
    if (fu["submission_kind"] == "seed").any():
        out.append(source_label(snap, "002_0b8f793090f15519.txt", lang))
    if fu.empty or (fu["submission_kind"] != "seed").any():
        out.append(t("src.followup", lang, fy=format_fy(fiscal_year, lang)))
    return out


# --- headline KPIs -----------------------------------------------------------------------------------


def kpi_section(snap: Snapshot, lang: str, as_of: dt.date) -> Section:
    table = kpi_table(snap, as_of=as_of, kinds=("headline",))
    obs = snap.kpi_observations()
    rows = []
    for r in _rows(table):
        sample = bool(r.sample)
        latest = format_value(r.latest_value, str(r.unit), lang)
        if r.latest_date is not None and not pd.isna(r.latest_date):
            latest = (
                f"{latest}（{format_date(r.latest_date, lang)}）"
                if lang == "ja"
                else f"{latest} ({r.latest_date})"
            )
        projected = "—" if pd.isna(r.projected_year) else str(int(r.projected_year))
        rows.append(
            [
                Cell(str(r.title_en if lang == "en" else r.title_ja)),
                Cell(latest),
                Cell(format_value(r.target_value, str(r.unit), lang)),
                Cell(format_pct(r.pct_of_target)),
                Cell(status_label(vars(r), lang)),
                Cell(projected),
                Cell("", sample),
            ]
        )
    used = obs[obs["goal_id"].isin(table["goal_id"])]
    sample = bool(table["sample"].any())
    calculations = [
        line
        for r in table.to_dict("records")
        for line in [f"■ {r['title_en' if lang == 'en' else 'title_ja']}", *calculation_lines(r, lang)]
    ]
    return Section(
        title=t("deck.kpi.title", lang),
        columns=[
            t(f"deck.kpi.col.{c}", lang)
            for c in ("goal", "latest", "target", "pct", "status", "projected", "sample")
        ],
        rows=rows,
        widths=[3.0, 2.4, 1.2, 1.0, 2.2, 1.1, 1.0],
        sources=_sources(snap, [*table["source"], *used["source"]], lang),
        sample=sample,
        notes=([t("deck.sample_note", lang)] if sample else []) + calculations,
    )


# --- status per pillar -------------------------------------------------------------------------------


def missing_rows(snap: Snapshot, fiscal_year: int) -> pd.DataFrame:
    """Reportable rows owed by a ministry and not reported for the year (model.followup.completeness:
    neither its own entry nor the joint text), one row per ministry × row, ministries in registry order."""
    st = followup.structure(snap, fiscal_year)
    comp = followup.completeness(snap, fiscal_year)
    rows = [(a, c) for c, ids in zip(comp["ministry_code"], comp["missing_ids"], strict=True) for a in ids]
    out = pd.DataFrame(rows, columns=["action_id", "ministry_code"]).merge(
        st[["action_id", "order", "pillar_id", "area_id", "sub_label", "title_ja", "area_ja"]], on="action_id"
    )
    rank = {c: i for i, c in enumerate(registry(snap).codes)}
    out["rank"] = out["ministry_code"].map(rank)
    return out.sort_values(["rank", "order"]).drop(columns="rank").reset_index(drop=True)


def pillar_section(snap: Snapshot, lang: str, fiscal_year: int) -> Section:
    st = followup.structure(snap, fiscal_year)
    st = st[st["in_force"]]
    counts = followup.status_by_pillar(snap, fiscal_year)
    fu = snap.followup(fiscal_year)
    missing = missing_rows(snap, fiscal_year)
    labels = followup.pillar_labels(snap, lang)
    keys = [*followup.FU_STATUSES, followup.NO_STATUS]
    rows = []
    for pid in counts.index:
        rep = st[(st["pillar_id"] == pid) & st["reportable"]]
        reported = rep["action_id"].isin(set(fu["action_id"])).sum()
        rows.append(
            [
                Cell(labels[int(pid)]),
                Cell(str(len(rep))),
                Cell(str(int(reported))),
                *(Cell(str(int(counts.loc[pid, k]))) for k in keys),
                Cell(str(int((missing["pillar_id"] == pid).sum()))),
            ]
        )
    fy = format_fy(fiscal_year, lang)
    return Section(
        title=t("deck.pillars.title", lang, fy=fy),
        columns=[
            t("deck.pillars.col.pillar", lang),
            t("deck.pillars.col.rows", lang),
            t("deck.pillars.col.reported", lang),
            *(t(f"fu.{k}", lang) for k in keys),
            t("deck.pillars.col.missing", lang),
        ],
        rows=rows,
        widths=[3.0, 1.0, 1.0, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 1.5],
        sources=followup_sources(snap, fiscal_year, lang),
    )


# --- milestones -------------------------------------------------------------------------------------

_MS_ORDER = {"due": 0, "overdue": 1, "done": 2, "no_date": 3}


def _present(value: object) -> bool:
    return (
        value is not None
        and not (isinstance(value, float) and math.isnan(value))
        and str(value).strip() != ""
    )


def deadline_text(goal: Mapping[str, Any], lang: str) -> str:
    """A goal's deadline with the precision its source gives: a date (2021年4月1日), a fiscal year
    (2027年度), a month the text names (2021年4月) or a calendar year (2027年, never 2027年12月31日). In
    Japanese the source's own words follow when they say more (2027年（令和9年）, 2029年（2020年代中）)."""
    text = str(goal.get("target_text_ja")).strip() if _present(goal.get("target_text_ja")) else None
    if _present(goal.get("target_date")):
        printed = format_date(dt.date.fromisoformat(str(goal["target_date"])[:10]), lang)
    elif _present(goal.get("target_year")):
        year = int(float(str(goal["target_year"])))
        if goal.get("target_basis") == "FY":
            printed = format_fy(year, lang)
        else:
            precision = "year"
            try:
                period = parse_period(text) if text else None
            except AppError:
                period = None
            if period is not None and period.precision == "month" and period.start.year == year:
                precision = "month"
            day = period.start if precision == "month" and period is not None else dt.date(year, 1, 1)
            printed = format_date(day, lang, precision)
    else:
        return text if text and lang == "ja" else "—"
    if lang == "ja" and text and re.sub(r"\s", "", to_halfwidth(text)) != printed:
        printed += f"（{text}）"
    return printed


def milestone_section(snap: Snapshot, lang: str, as_of: dt.date) -> Section:
    table = milestones_table(snap, as_of=as_of)
    goals = snap.table("goals").set_index("id")
    # the next deadlines first, then the most recently overdue, then what is done
    days = table["deadline"].map(lambda d: d.toordinal() if d else 0)
    key = days.where(table["status"] != "overdue", -days)
    table = table.assign(_o=table["status"].map(_MS_ORDER), _d=key).sort_values(["_o", "_d"], kind="stable")
    rows = []
    for r in _rows(table):
        goal = {str(k): v for k, v in goals.loc[r.goal_id].items()} if r.goal_id in goals.index else {}
        rows.append(
            [
                Cell(str(r.title_en if lang == "en" else r.title_ja)),
                Cell(deadline_text(goal, lang)),
                Cell(t(f"ms.{r.status}", lang)),
            ]
        )
    return Section(
        title=t("deck.milestones.title", lang),
        columns=[t(f"deck.milestones.col.{c}", lang) for c in ("title", "deadline", "status")],
        rows=rows,
        widths=[6.6, 2.8, 2.6],
        sources=_sources(snap, list(table["source"]), lang),
    )


# --- international cooperation -----------------------------------------------------------------------


def coop_section(snap: Snapshot, lang: str, as_of: dt.date) -> Section:
    ag = agreements_table(snap)
    ag = ag[ag["date"].map(lambda d: d is not None and d <= as_of)]
    fw = frameworks_vs_goal(snap, as_of=as_of)
    goals = snap.table("goals").set_index("id")
    goal_id = str(fw["goal_id"])
    lead = t(
        "deck.coop.frameworks",
        lang,
        n=fw["count_as_of"],
        by_deadline=fw["count_by_deadline"],
        deadline=(
            deadline_text({str(k): v for k, v in goals.loc[goal_id].items()}, lang)
            if goal_id in goals.index
            else "—"
        ),
    )
    rows = []
    for r in _rows(ag):
        precision = str(r.date_precision) if isinstance(r.date_precision, str) else "day"
        rows.append(
            [
                Cell(format_date(r.date, lang, precision)),
                Cell(str(r.partner_en if lang == "en" else r.partner_ja)),
                Cell(t(f"agkind.{r.kind}", lang)),
                Cell(str(r.summary_ja if isinstance(r.summary_ja, str) else r.title_ja)),
            ]
        )
    frames = fw["frameworks"]
    raw = [*ag["source"], *(frames["source"] if isinstance(frames, pd.DataFrame) else [])]
    return Section(
        title=t("deck.coop.title", lang),
        columns=[t(f"deck.coop.col.{c}", lang) for c in ("date", "partner", "kind", "summary")],
        rows=rows,
        widths=[2.0, 1.8, 1.6, 6.6],
        sources=_sources(snap, raw, lang),
        lead=lead,
    )


# --- follow-up highlights ----------------------------------------------------------------------------


def action_label(r: dict[str, Any]) -> str:
    """'主要技術領域ⅰ 量子コンピュータ…' for a sub row, the 取組 text otherwise."""
    label = r.get("sub_label")
    if isinstance(label, str) and label:
        return f"{r.get('area_ja')}{label} {r.get('title_ja')}"
    return str(r.get("title_ja"))


def delayed_rows(snap: Snapshot, fiscal_year: int) -> pd.DataFrame:
    """Entries of the year reported 遅延 or 一部遅延, in strategy order."""
    df = followup.entries(snap, fiscal_year)
    return df[df["status"].isin(DELAYED)].reset_index(drop=True)


def delayed_section(snap: Snapshot, lang: str, fiscal_year: int) -> Section:
    df = delayed_rows(snap, fiscal_year)
    ministries = registry(snap)
    rows = []
    for r in ({str(k): v for k, v in rec.items()} for rec in df.to_dict("records")):
        code = str(r["ministry_code"])
        name = ministries.get(code).label(lang) if code in ministries.codes else t("ministry.joint", lang)
        rows.append(
            [
                Cell(action_label(r)),
                Cell(name),
                Cell(t(f"fu.{r['status']}", lang)),
                Cell(_short(r["progress_ja"], 80)),
            ]
        )
    fy = format_fy(fiscal_year, lang)
    return Section(
        title=t("deck.delayed.title", lang, fy=fy),
        columns=[t(f"deck.delayed.col.{c}", lang) for c in ("action", "ministry", "status", "progress")],
        rows=rows,
        widths=[3.4, 1.9, 1.1, 5.6],
        sources=followup_sources(snap, fiscal_year, lang),
        empty=t("deck.delayed.none", lang) if df.empty else None,
    )


def missing_section(snap: Snapshot, lang: str, fiscal_year: int) -> Section:
    missing = missing_rows(snap, fiscal_year)
    ministries = registry(snap)
    table = followup.completeness(snap, fiscal_year)
    rows = []
    for r in _rows(table[table["missing"] > 0]):
        ids = missing.loc[missing["ministry_code"] == r.ministry_code, "action_id"].tolist()
        listed = ("、" if lang == "ja" else ", ").join(ids)
        rows.append(
            [
                Cell(ministries.get(str(r.ministry_code)).label(lang)),
                Cell(str(r.owned)),
                Cell(str(r.missing)),
                Cell(listed),
            ]
        )
    fy = format_fy(fiscal_year, lang)
    return Section(
        title=t("deck.missing.title", lang, fy=fy),
        columns=[t(f"deck.missing.col.{c}", lang) for c in ("ministry", "owed", "missing", "actions")],
        rows=rows,
        widths=[3.6, 1.0, 1.0, 6.4],
        sources=followup_sources(snap, fiscal_year, lang),
        empty=t("deck.missing.none", lang) if not rows else None,
    )
