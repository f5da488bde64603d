"""Every chart of the dashboard as a pure function `(snap, lang, as_of) -> plotly Figure`.

The same functions feed the page and the briefing exports (PNG/SVG/PDF, the deck), so each figure
carries everything a reader needs inside itself: the title, a legend, a source line and the as-of date
(annotations at the bottom), and a visible サンプル / Sample mark whenever a drawn value is a sample.
Fonts name a Japanese face so that static export draws Japanese, not boxes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from model import followup, international, kpi, milestones
from model.calendar_ja import format_date, format_fy
from model.format import format_value
from model.goals import kpi_table, target_of
from model.messages import t
from model.reporting.rounds import collection_year
from model.store import Snapshot

FONT_FAMILY = "IPAexGothic, 'Noto Sans CJK JP', sans-serif"
WIDTH, HEIGHT = 1000, 560

# Colours: readable on white and told apart without relying on red/green alone (ordered light → dark).
KPI_COLOURS = {
    "achieved": "#1b7837",
    "on_track": "#5aae61",
    "moderate": "#f6c141",
    "limited": "#e8601c",
    "deteriorating": "#b2182b",
    "missed": "#72190e",
    "no_data": "#bababa",
    "no_target": "#7b8fa6",
}
# Text on white needs darker shades than bars do.
KPI_TEXT_COLOURS = {**KPI_COLOURS, "on_track": "#2d7a35", "moderate": "#8a6100", "no_data": "#6b7280"}
FU_COLOURS = {
    "完了": "#1b7837",
    "順調": "#5aae61",
    "一部遅延": "#f6c141",
    "遅延": "#d6604d",
    "未着手": "#8c510a",
    followup.NO_STATUS: "#bababa",
}
MS_COLOURS = {"done": "#1b7837", "overdue": "#b2182b", "due": "#2166ac", "no_date": "#888888"}
SERIES = {"actual": "#1f4e79", "required": "#7f7f7f", "projection": "#e8601c", "target": "#b2182b"}
SAMPLE_RED = "#c00000"


@dataclass(frozen=True)
class ChartSpec:
    name: str  # ascii slug, e.g. "headline-users"
    title_ja: str
    title_en: str
    build: Callable[..., go.Figure]  # (snap, lang, as_of, **params) -> Figure
    params: tuple[str, ...] = ()  # the keyword parameters it takes (e.g. fiscal_year), all optional
    required: tuple[str, ...] = ()  # parameters without which it cannot be drawn (e.g. goal_id)

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_ja


# --- furniture -----------------------------------------------------------------------------------------


def _sources(snap: Snapshot) -> dict[str, tuple[str, str]]:
    src = snap.table("sources")
    return {str(r.seed_file): (str(r.title_ja), str(r.title_en)) for r in src.itertuples(index=False)}


def source_label(snap: Snapshot, text: str, lang: str) -> str:
    """'004_7abb….txt §1' → '量子未来産業創出戦略 §1': seed file names replaced by document titles."""
    titles = _sources(snap)

    def one(part: str) -> str:
        part = part.strip()
        for seed_file, (ja, en) in titles.items():
            if part.startswith(seed_file):
                rest = part[len(seed_file) :].strip()
                title = en if lang == "en" else f"「{ja}」"
                return f"{title} {rest}".strip()
        return part

    return "; ".join(dict.fromkeys(one(p) for p in str(text).split(";") if p.strip()))


def as_of_text(as_of: dt.date, lang: str) -> str:
    return t("fig.as_of", lang, date=format_date(as_of, lang))


def _wrap(text: str, width: int) -> str:
    """Wrap a long source line for the figure (Japanese has no spaces: wrap by characters)."""
    if len(text) <= width:
        return text
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=True))


def finish(
    fig: go.Figure,
    *,
    name: str,
    title: str,
    source: str,
    as_of: dt.date,
    lang: str,
    sample: bool = False,
    height: int = HEIGHT,
    left: int = 80,
    bottom_extra: int = 0,
) -> go.Figure:
    """Title, legend, source line, as-of date and the sample mark, inside the figure.

    `left` is the left margin in pixels, fixed (no automargin) so that the furniture anchored to the
    plot can be shifted to the figure's left edge; charts with long category labels pass `label_margin`.
    """
    src = t("fig.source", lang, text=source)
    lines = _wrap(src, 72 if lang == "ja" else 125)
    n_lines = lines.count("<br>") + 1
    bottom = 95 + 16 * n_lines + bottom_extra  # the source lines, then the as-of date on its own line
    top = 130 if sample else 105
    fig.update_layout(
        title={
            "text": title,
            "x": 0.01,
            "xanchor": "left",
            "xref": "container",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 14},
            "font": {"size": 19},
        },
        font={"family": FONT_FAMILY, "size": 13, "color": "#1f2937"},
        width=WIDTH,
        height=height,
        margin={"l": left, "r": 40, "t": top, "b": bottom},
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 1.0,
            "yanchor": "bottom",
            "traceorder": "normal",
        },
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel={"font": {"family": FONT_FAMILY}},
        meta={"chart": name, "source": src, "as_of": as_of.isoformat(), "sample": sample, "lang": lang},
    )
    fig.update_xaxes(showline=True, linecolor="#9ca3af", gridcolor="#eef0f3", automargin=False)
    fig.update_yaxes(showline=True, linecolor="#9ca3af", gridcolor="#eef0f3", automargin=False)
    to_edge = -(left - 10)  # from the plot's left edge to the figure's
    shift = -(bottom - 8 - 16 * (n_lines + 1))  # top of the footer, below the plot (px)
    for text, dy, ann_name in ((lines, 0, "source"), (as_of_text(as_of, lang), 16 * n_lines, "as_of")):
        fig.add_annotation(
            text=text,
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            xanchor="left",
            yanchor="top",
            yshift=shift - dy,
            showarrow=False,
            align="left",
            font={"size": 11, "color": "#4b5563"},
            xshift=to_edge,
            name=ann_name,
        )
    if sample:
        # Its own row under the title, above the legend (the legend grows upwards from the plot).
        fig.add_annotation(
            text=f"<b>{t('sample.badge', lang)}</b>｜{t('fig.sample', lang)}",
            xref="paper",
            yref="paper",
            x=0,
            y=1,
            xanchor="left",
            yanchor="top",
            yshift=top - 46,
            xshift=to_edge,
            showarrow=False,
            font={"size": 12, "color": SAMPLE_RED},
            bordercolor=SAMPLE_RED,
            borderwidth=1.5,
            borderpad=3,
            bgcolor="#fff5f5",
            name="sample",
        )
    return fig


def empty(fig: go.Figure, message: str) -> go.Figure:
    """A clear empty state drawn in the middle of the plot area."""
    fig.add_annotation(
        text=message,
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        showarrow=False,
        font={"size": 16, "color": "#6b7280"},
        name="empty",
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def label_margin(labels: list[str], size: int = 13, axis_title: bool = False) -> int:
    """A left margin (px) wide enough for the longest category label (CJK characters count double)."""
    widest = max((sum(size if ord(c) > 0x2E7F else size * 0.58 for c in lab) for lab in labels), default=0)
    return int(min(520, max(80, widest + 24 + (28 if axis_title else 0))))


def short(text: str, n: int = 26) -> str:
    text = re.sub(r"\s+", " ", str(text)).strip()
    return text if len(text) <= n else text[: n - 1] + "…"


# --- trajectories ----------------------------------------------------------------------------------------

# Display scale per unit and language: (divisor, axis unit message id).
_SCALES: dict[tuple[str, str], tuple[float, str]] = {
    ("persons", "ja"): (1e4, "unit.persons.axis"),
    ("persons", "en"): (1e6, "unit.persons.axis"),
    ("yen", "ja"): (1e12, "unit.yen.axis"),
    ("yen", "en"): (1e12, "unit.yen.axis"),
}


def _scale(unit: str, lang: str) -> tuple[float, str]:
    divisor, msg = _SCALES.get((unit, lang), (1.0, "unit.count.axis"))
    return divisor, t(msg, lang)


def goal_trajectory(
    snap: Snapshot,
    goal_id: str,
    lang: str = "ja",
    as_of: dt.date | None = None,
    *,
    name: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Actuals, the path required to reach the target, the projection at the current rate, the target."""
    as_of = as_of or dt.date.today()
    goals = snap.table("goals")
    g = goals[goals["id"] == goal_id].iloc[0]
    obs_all = snap.kpi_observations()
    obs = obs_all[(obs_all["goal_id"] == goal_id) & (obs_all["date"] <= as_of)].sort_values("date")
    target = target_of(g)
    a = kpi.assess(obs, target, as_of=as_of)
    unit = str(g["unit"])
    divisor, unit_label = _scale(unit, lang)
    title_goal = str(g["title_en"] if lang == "en" else g["title_ja"])
    fig = go.Figure()
    sample = bool(obs["sample"].any()) if len(obs) else False

    def hover(values: pd.Series) -> list[str]:
        return [format_value(float(v) * divisor, unit, lang) for v in values]

    if len(obs):
        ys = obs["value"] / divisor
        fig.add_trace(
            go.Scatter(
                x=obs["date"],
                y=ys,
                mode="lines+markers",
                name=t("fig.traj.actual_sample" if sample else "fig.traj.actual", lang),
                line={"color": SERIES["actual"], "width": 3},
                marker={"size": 9, "symbol": "circle-open" if sample else "circle"},
                text=hover(ys),
                hovertemplate="%{x|%Y-%m-%d}: %{text}<extra></extra>",
            )
        )
    if target.value is not None and target.date is not None and a.base_value is not None and a.base_date:
        req = kpi.required_path(target, a.base_value, a.base_date)
        fig.add_trace(
            go.Scatter(
                x=req["date"],
                y=req["value"] / divisor,
                mode="lines",
                name=t("fig.traj.required", lang),
                line={"color": SERIES["required"], "dash": "dash", "width": 2},
                hoverinfo="skip",
            )
        )
    if target.date is not None:
        proj = kpi.projection_path(a, target.date)
        if len(proj):
            fig.add_trace(
                go.Scatter(
                    x=proj["date"],
                    y=proj["value"] / divisor,
                    mode="lines",
                    name=t("fig.traj.projection", lang),
                    line={"color": SERIES["projection"], "dash": "dot", "width": 2.5},
                    hoverinfo="skip",
                )
            )
    if target.value is not None and target.date is not None:
        tv = float(target.value)
        label = t(
            "fig.traj.target",
            lang,
            value=format_value(tv, unit, lang),
            date=format_date(target.date, lang, "year"),
        )
        fig.add_trace(
            go.Scatter(
                x=[target.date],
                y=[tv / divisor],
                mode="markers",
                name=label,
                marker={"symbol": "star", "size": 18, "color": SERIES["target"]},
                hovertemplate=label + "<extra></extra>",
            )
        )
    if a.status not in ("no_data", "no_target"):
        note = (
            t("fig.traj.projected_year", lang, year=a.projected_year)
            if a.projected_year
            else t("fig.traj.not_projected", lang)
        )
        status = t(f"status.{a.status}", lang)
        fig.add_annotation(
            text=f"{status}｜{note}" if lang == "ja" else f"{status} | {note}",
            xref="paper",
            yref="paper",
            x=0.01,
            y=0.98,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            font={"size": 12, "color": KPI_TEXT_COLOURS.get(a.status, "#1f2937")},
            bgcolor="rgba(255,255,255,0.85)",
            name="status",
        )
    fig.update_xaxes(title_text=t("fig.axis.date", lang), tickformat="%Y", dtick="M12")
    fig.update_yaxes(title_text=t("fig.axis.value", lang, unit=unit_label), rangemode="tozero")
    if not len(obs) and target.value is None:
        empty(fig, t("fig.empty", lang))
    parts = [source_label(snap, str(g["source"]), lang)]
    if sample:
        parts.append(t("fig.source.sample", lang))
    else:
        parts += [source_label(snap, str(s), lang) for s in obs["source"].dropna().unique()]
    return finish(
        fig,
        name=name or f"goal-{goal_id}",
        title=title or t("fig.traj.title", lang, goal=short(title_goal, 40 if lang == "ja" else 70)),
        source="; ".join(dict.fromkeys(parts)),
        as_of=as_of,
        lang=lang,
        sample=sample,
    )


def _headline(goal_id: str, slug: str) -> Callable[[Snapshot, str, dt.date], go.Figure]:
    def build(snap: Snapshot, lang: str, as_of: dt.date) -> go.Figure:
        return goal_trajectory(snap, goal_id, lang, as_of, name=slug, title=CHARTS[slug].title(lang))

    return build


def _goal_chart(snap: Snapshot, lang: str, as_of: dt.date, *, goal_id: str) -> go.Figure:
    return goal_trajectory(snap, goal_id, lang, as_of)


# --- goals and KPIs --------------------------------------------------------------------------------------


def kpi_progress(snap: Snapshot, lang: str, as_of: dt.date) -> go.Figure:
    """% of target of every goal with a numeric target and an observation, coloured by status."""
    table = kpi_table(snap, as_of=as_of, with_observations_only=True)
    table = table[table["pct_of_target"].notna()].iloc[::-1]
    title_col = "title_en" if lang == "en" else "title_ja"
    labels = [
        f"{gid}　{short(tt, 22 if lang == 'ja' else 38)}"
        for gid, tt in zip(table["goal_id"], table[title_col], strict=True)
    ]
    fig = go.Figure()
    for status in kpi.STATUSES:
        part = table["status"] == status
        if not part.any():
            continue
        sub = table[part]
        fig.add_trace(
            go.Bar(
                y=[lab for lab, p in zip(labels, part, strict=True) if p],
                x=sub["pct_of_target"].clip(upper=150),
                orientation="h",
                name=t(f"status.{status}", lang),
                marker={"color": KPI_COLOURS[status]},
                text=[
                    f"{v:,.0f}%" + (f" ({t('sample.badge', lang)})" if s else "")
                    for v, s in zip(sub["pct_of_target"], sub["sample"], strict=True)
                ],
                textposition="outside",
                cliponaxis=False,
            )
        )
    fig.add_vline(x=100, line={"color": "#374151", "dash": "dash", "width": 1})
    fig.update_xaxes(title_text=t("fig.kpi_progress.axis", lang), range=[0, 165])
    fig.update_yaxes(categoryorder="array", categoryarray=labels)
    if table.empty:
        empty(fig, t("fig.empty", lang))
    return finish(
        fig,
        name="kpi-progress",
        title=t("fig.kpi_progress.title", lang),
        source=t("fig.source.goals", lang),
        as_of=as_of,
        lang=lang,
        sample=bool(table["sample"].any()),
        left=label_margin(labels),
    )


def goal_status_summary(snap: Snapshot, lang: str, as_of: dt.date) -> go.Figure:
    """Every goal (headline, goal, indicator) counted by kind × status."""
    table = kpi_table(snap, as_of=as_of)
    kinds = ["headline", "goal", "indicator"]
    fig = go.Figure()
    for status in kpi.STATUSES:
        counts = [int(((table["kind"] == k) & (table["status"] == status)).sum()) for k in kinds]
        if not any(counts):
            continue
        fig.add_trace(
            go.Bar(
                x=[t(f"kind.{k}", lang) for k in kinds],
                y=counts,
                name=t(f"status.{status}", lang),
                marker={"color": KPI_COLOURS[status]},
                text=[c or "" for c in counts],
                textposition="inside",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text=t("fig.goal_status.axis", lang))
    sample = bool(table["sample"].any())
    return finish(
        fig,
        name="goal-status-summary",
        title=t("fig.goal_status.title", lang),
        source=t("fig.source.goals", lang),
        as_of=as_of,
        lang=lang,
        sample=sample,
    )


# --- follow-up -----------------------------------------------------------------------------------------


def _fu_status_name(key: str, lang: str) -> str:
    return t(f"fu.{key}", lang)


def _status_bar(fig: go.Figure, key: str, x: list[str], ys: list[int], lang: str) -> None:
    """One follow-up status as a segment of a stacked bar, in its colour, counts written inside."""
    fig.add_trace(
        go.Bar(
            x=x,
            y=ys,
            name=_fu_status_name(key, lang),
            marker={"color": FU_COLOURS[key]},
            text=[v or "" for v in ys],
            textposition="inside",
        )
    )


def _followup_source(snap: Snapshot, fy: int, lang: str) -> str:
    fu = snap.followup(fy)
    parts = []
    if (fu["submission_kind"] == "seed").any():
        parts.append(source_label(snap, "002_0b8f793090f15519.txt", lang))
    if (fu["submission_kind"] != "seed").any() or fu.empty:
        parts.append(t("fig.source.followup", lang, fy=format_fy(fy, lang)))
    return "; ".join(parts)


def pillar_status(snap: Snapshot, lang: str, as_of: dt.date, fiscal_year: int | None = None) -> go.Figure:
    """Follow-up entries of a fiscal year by pillar and status (stacked bars)."""
    fy = fiscal_year if fiscal_year is not None else followup.as_of_fiscal_year(snap, as_of)
    fig = go.Figure()
    x: list[str] = []
    fy_label = format_fy(fy, lang) if fy is not None else "—"
    if fy is None or snap.followup(fy).empty:
        empty(fig, t("fig.empty_fy", lang, fy=fy_label))
        source = t("fig.source.followup", lang, fy=fy_label)
    else:
        counts = followup.status_by_pillar(snap, fy)
        pillars = snap.table("pillars").set_index("pillar_id")
        name_col = "name_en" if lang == "en" else "name_ja"
        x = [_wrap(f"{pid}. {pillars.loc[pid, name_col]}", 9 if lang == "ja" else 18) for pid in counts.index]
        for key in counts.columns:
            _status_bar(fig, key, x, counts[key].tolist(), lang)
        fig.update_layout(barmode="stack")
        fig.update_yaxes(title_text=t("fig.pillar_status.axis", lang))
        fig.update_xaxes(tickangle=0)
        source = _followup_source(snap, fy, lang)
    return finish(
        fig,
        bottom_extra=16 * max((lab.count("<br>") for lab in x), default=0),
        name="followup-status-pillar",
        title=t("fig.pillar_status.title", lang, fy=fy_label),
        source=source,
        as_of=as_of,
        lang=lang,
    )


def reporting_completeness(
    snap: Snapshot, lang: str, as_of: dt.date, fiscal_year: int | None = None
) -> go.Figure:
    """Per ministry: owned actions with and without an entry for the year being collected."""
    fy = fiscal_year if fiscal_year is not None else collection_year(snap)
    table = followup.completeness(snap, fy)
    name_col = "short_en" if lang == "en" else "name_ja"
    y = [short(n, 20 if lang == "ja" else 28) for n in table[name_col]][::-1]
    fig = go.Figure()
    for col, msg, colour in (
        ("reported", "fig.completeness.reported", "#2166ac"),
        ("missing", "fig.completeness.missing", "#d9d9d9"),
    ):
        xs = table[col].tolist()[::-1]
        fig.add_trace(
            go.Bar(
                y=y,
                x=xs,
                orientation="h",
                name=t(msg, lang),
                marker={"color": colour, "line": {"color": "#9ca3af", "width": 0.5}},
                text=[v or "" for v in xs],
                textposition="inside",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text=t("fig.completeness.axis", lang))
    return finish(
        fig,
        name="reporting-completeness",
        left=label_margin(y),
        title=t("fig.completeness.title", lang, fy=format_fy(fy, lang)),
        source=t("fig.completeness.source", lang, fy=format_fy(fy, lang)),
        as_of=as_of,
        lang=lang,
    )


def followup_by_year(snap: Snapshot, lang: str, as_of: dt.date) -> go.Figure:
    """Follow-up entries per fiscal year, stacked by status."""
    df = followup.entries(snap)
    fig = go.Figure()
    years = sorted({int(y) for y in df["fiscal_year"]})
    x = [format_fy(y, lang) for y in years]
    for key in [*followup.FU_STATUSES, followup.NO_STATUS]:
        ys = [int(((df["fiscal_year"] == y) & (df["status_key"] == key)).sum()) for y in years]
        if any(ys):
            _status_bar(fig, key, x, ys, lang)
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text=t("fig.axis.fy", lang), type="category")
    fig.update_yaxes(title_text=t("fig.by_year.axis", lang))
    if not years:
        empty(fig, t("fig.empty", lang))
    parts = (
        [source_label(snap, "002_0b8f793090f15519.txt", lang)]
        if (df["submission_kind"] == "seed").any()
        else []
    )
    parts.append(t("fig.source.followup_all", lang))
    return finish(
        fig,
        name="followup-by-year",
        title=t("fig.by_year.title", lang),
        source="; ".join(parts),
        as_of=as_of,
        lang=lang,
    )


# --- milestones ------------------------------------------------------------------------------------------


def milestones_timeline(
    snap: Snapshot,
    lang: str,
    as_of: dt.date,
    *,
    statuses: tuple[str, ...] | None = None,
    pillar: int | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> go.Figure:
    """Every milestone (or those the filters keep: model.milestones.filter_milestones) at its deadline
    or achieved date, coloured by status as of the date."""
    table = milestones.filter_milestones(
        milestones.milestones_table(snap, as_of),
        statuses=None if statuses is None else list(statuses),
        pillar=pillar,
        year_from=year_from,
        year_to=year_to,
    )
    title_col = "title_en" if lang == "en" else "title_ja"
    table = table.assign(
        label=[
            f"{gid}　{short(tt, 22 if lang == 'ja' else 36)}"
            for gid, tt in zip(table["goal_id"], table[title_col], strict=True)
        ],
        when=[
            a if a is not None else d for a, d in zip(table["achieved_date"], table["deadline"], strict=True)
        ],
    )
    fig = go.Figure()
    dated = table[table["when"].notna()]
    order = list(dated["label"])[::-1]
    for status in milestones.MILESTONE_STATUSES:
        sub = dated[dated["status"] == status]
        if sub.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=sub["when"],
                y=sub["label"],
                mode="markers",
                name=t(f"ms.{status}", lang),
                marker={
                    "color": MS_COLOURS[status],
                    "size": 12,
                    "symbol": "diamond" if status == "done" else "circle",
                    "line": {"color": "white", "width": 1},
                },
                customdata=sub["deadline_text_ja"].fillna(""),
                hovertemplate="%{y}<br>%{x|%Y-%m-%d}　%{customdata}<extra></extra>",
            )
        )
    fig.add_vline(x=as_of.isoformat(), line={"color": "#374151", "dash": "dot", "width": 1})
    fig.add_annotation(
        x=as_of.isoformat(),
        y=1,
        yref="paper",
        text=t("fig.milestones.today", lang),
        showarrow=False,
        yanchor="top",
        xanchor="left",
        xshift=3,
        bgcolor="rgba(255,255,255,0.8)",
        font={"size": 11, "color": "#374151"},
        name="today",
    )
    fig.update_yaxes(categoryorder="array", categoryarray=order, tickfont={"size": 11})
    years = [d.year for d in dated["when"]] + [as_of.year]
    span = (max(years) - min(years)) if years else 0
    fig.update_xaxes(tickformat="%Y", dtick="M60" if span > 15 else "M12")
    if dated.empty:
        empty(fig, t("fig.empty", lang))
    sources = ["002_0b8f793090f15519.txt", "004_7abb3883c8ff2d47.txt"]
    return finish(
        fig,
        name="milestones-timeline",
        left=label_margin(order, 11),
        title=t("fig.milestones.title", lang),
        source="; ".join(source_label(snap, s, lang) for s in sources),
        as_of=as_of,
        lang=lang,
        height=max(HEIGHT, 60 + 24 * len(dated) + 200),
    )


# --- international ---------------------------------------------------------------------------------------


def agreements_timeline(snap: Snapshot, lang: str, as_of: dt.date) -> go.Figure:
    """Bilateral agreements at their signing date, by partner, marker by kind."""
    ag = international.agreements_table(snap)
    ag = ag[ag["date"].map(lambda d: d is not None and d <= as_of)]
    partner_col = "partner_en" if lang == "en" else "partner_ja"
    symbols = {"moc": "circle", "statement": "square", "letter_of_intent": "diamond"}
    colours = {"moc": "#2166ac", "statement": "#1b7837", "letter_of_intent": "#e8601c"}
    fig = go.Figure()
    for kind in symbols:
        sub = ag[ag["kind"] == kind]
        if sub.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=sub["date"],
                y=sub[partner_col],
                mode="markers+text",
                name=t(f"agkind.{kind}", lang),
                marker={"symbol": symbols[kind], "size": 15, "color": colours[kind]},
                text=[
                    format_date(d, lang, p) for d, p in zip(sub["date"], sub["date_precision"], strict=True)
                ],
                textposition="middle right",
                textfont={"size": 11},
                hovertemplate="%{y}<br>%{text}<extra></extra>",
            )
        )
    # no axis title: the partners name themselves, and a title would crowd the fixed margin
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=list(dict.fromkeys(ag[partner_col]))[::-1],
    )
    fig.update_xaxes(tickformat="%Y", dtick="M12", range=["2019-01-01", f"{max(as_of.year, 2026) + 1}-01-01"])
    if ag.empty:
        empty(fig, t("fig.empty", lang))
    return finish(
        fig,
        name="agreements-timeline",
        left=label_margin(list(ag[partner_col])),
        title=t("fig.agreements.title", lang),
        source="; ".join(dict.fromkeys(source_label(snap, s.split(" ")[0], lang) for s in ag["source"])),
        as_of=as_of,
        lang=lang,
    )


def partner_area_heatmap(snap: Snapshot, lang: str, as_of: dt.date) -> go.Figure:
    """Partners × cooperation areas: how many agreement items cover each pair."""
    matrix = international.partner_area_matrix(snap)
    vocab = snap.table("coop_areas").set_index("code")
    ag = international.agreements_table(snap)
    partners = ag.drop_duplicates("partner_ja").set_index("partner_ja")
    name_col = "name_en" if lang == "en" else "name_ja"
    x = [_wrap(str(vocab.loc[c, name_col]), 6 if lang == "ja" else 13) for c in matrix.columns]
    y = [partners.loc[p, "partner_en"] if lang == "en" else p for p in matrix.index]
    z = matrix.to_numpy()
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=x,
            y=y,
            name=t("fig.matrix.colorbar", lang),
            colorscale=[[0, "#f7fbff"], [0.01, "#c6dbef"], [1, "#08519c"]],
            zmin=0,
            zmax=max(1, int(z.max()) if z.size else 1),
            xgap=2,
            ygap=2,
            text=[[str(v) if v else "" for v in row] for row in z],
            texttemplate="%{text}",
            colorbar={
                "title": {"text": t("fig.matrix.colorbar", lang), "side": "right"},
                "dtick": 1,
                "thickness": 14,
            },
            showscale=True,
            hovertemplate="%{y} × %{x}: %{z}<extra></extra>",
        )
    )
    fig.update_xaxes(tickangle=0, showgrid=False, tickfont={"size": 11})
    fig.update_yaxes(autorange="reversed", showgrid=False)
    return finish(
        fig,
        name="partner-area-matrix",
        bottom_extra=max(0, 16 * max(lab.count("<br>") for lab in x) - 20),
        left=label_margin([str(v) for v in y]),
        title=t("fig.matrix.title", lang),
        source="; ".join(dict.fromkeys(source_label(snap, s.split(" ")[0], lang) for s in ag["source"])),
        as_of=as_of,
        lang=lang,
    )


def _meeting_no(event_id: str, lang: str) -> str:
    """'EV-MDQ-03' → '第3回' / 'No. 3'."""
    n = event_id.rsplit("-", 1)[-1].lstrip("0")
    return f"No. {n}" if lang == "en" else f"第{n}回"


def events_timeline(snap: Snapshot, lang: str, as_of: dt.date) -> go.Figure:
    """MDQ meetings and other international events by date, one row per kind."""
    ev = international.events_table(snap)
    ev = ev[ev["date_start"].map(lambda d: d is not None and d <= as_of)]
    ev = ev[~ev["kind"].isin(["strategy", "founding", "mou_signing", "launch"])]
    name_col = "name_en" if lang == "en" else "name_ja"
    palette = ["#2166ac", "#e8601c", "#1b7837", "#762a83", "#8c510a"]
    fig = go.Figure()
    for i, kind in enumerate(dict.fromkeys(ev["kind"])):
        sub = ev[ev["kind"] == kind]
        label = t(f"evkind.{kind}", lang)
        texts = [
            _meeting_no(eid, lang) if kind == "mdq" else format_date(d, lang, str(p))
            for eid, d, p in zip(sub["event_id"], sub["date_start"], sub["date_precision"], strict=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=sub["date_start"],
                y=[label] * len(sub),
                mode="markers+text",
                name=label,
                marker={"size": 13, "color": palette[i % len(palette)]},
                text=texts,
                textposition="top center",
                textfont={"size": 10},
                customdata=sub[name_col],
                hovertemplate="%{customdata}<br>%{x|%Y-%m-%d}<extra></extra>",
            )
        )
    fig.update_xaxes(tickformat="%Y", dtick="M12", range=["2022-01-01", f"{max(as_of.year, 2025) + 1}-01-01"])
    fig.update_yaxes(showgrid=False)
    if ev.empty:
        empty(fig, t("fig.empty", lang))
    return finish(
        fig,
        name="events-timeline",
        left=label_margin([t(f"evkind.{k}", lang) for k in ev["kind"].unique()]),
        title=t("fig.events.title", lang),
        source=source_label(snap, "000_943a11964a29e374.txt", lang),
        as_of=as_of,
        lang=lang,
    )


def frameworks_goal(snap: Snapshot, lang: str, as_of: dt.date) -> go.Figure:
    """Cumulative government cooperation frameworks with the G-2-1 deadline (FY2024) marked."""
    found = international.frameworks_vs_goal(snap, as_of)
    fw: pd.DataFrame = found["frameworks"]  # type: ignore[assignment]
    deadline: dt.date | None = found["deadline"]  # type: ignore[assignment]
    fig = go.Figure()
    colours = {"bilateral": "#2166ac", "multilateral": "#1b7837", "total": "#374151"}
    for kind in ("bilateral", "multilateral"):
        sub = fw[fw["kind"] == kind]
        if sub.empty:
            continue
        name_col = "name_en" if lang == "en" else "name_ja"
        fig.add_trace(
            go.Scatter(
                x=[*sub["date"], as_of],
                y=[*range(1, len(sub) + 1), len(sub)],
                mode="lines+markers",
                line={"shape": "hv", "color": colours[kind], "width": 2},
                marker={"size": [9] * len(sub) + [0]},
                name=t(f"fig.frameworks.{kind}", lang),
                customdata=[*sub[name_col], ""],
                hovertemplate="%{customdata}<br>%{x|%Y-%m-%d}: %{y}<extra></extra>",
            )
        )
    if len(fw):
        fig.add_trace(
            go.Scatter(
                x=[*fw["date"], as_of],
                y=[*range(1, len(fw) + 1), len(fw)],
                mode="lines",
                line={"shape": "hv", "color": colours["total"], "width": 3},
                name=t("fig.frameworks.total", lang),
                hoverinfo="skip",
            )
        )
    if deadline is not None:
        fy_text = format_fy(deadline.year - 1, lang)
        fig.add_vline(x=deadline.isoformat(), line={"color": "#b2182b", "dash": "dash", "width": 1.5})
        fig.add_annotation(
            x=deadline.isoformat(),
            y=1,
            yref="paper",
            xanchor="right",
            yanchor="top",
            text=t("fig.frameworks.deadline", lang, fy=fy_text)
            + "<br>"
            + t("fig.frameworks.by_deadline", lang, n=found["count_by_deadline"]),
            showarrow=False,
            align="right",
            font={"size": 12, "color": "#b2182b"},
            bgcolor="rgba(255,255,255,0.85)",
            name="deadline",
        )
    fig.update_yaxes(title_text=t("fig.frameworks.axis", lang), rangemode="tozero", dtick=1)
    fig.update_xaxes(tickformat="%Y", dtick="M12", range=["2019-06-01", f"{max(as_of.year, 2026) + 1}-01-01"])
    if fw.empty:
        empty(fig, t("fig.empty", lang))
    srcs = ["002_0b8f793090f15519.txt 2.(1)", "000_943a11964a29e374.txt", "003_f21fe25c61de0137.txt"]
    source = (
        "; ".join(source_label(snap, s, lang) for s in srcs)
        + "（"
        + t("fig.frameworks.source_note", lang)
        + "）"
    )
    if lang == "en":
        source = source.replace("（", " (").replace("）", ")")
    return finish(
        fig,
        name="frameworks-vs-goal",
        title=t("fig.frameworks.title", lang),
        source=source,
        as_of=as_of,
        lang=lang,
    )


# --- the registry --------------------------------------------------------------------------------------


def _spec(name: str, msg_id: str, build: Callable[..., go.Figure], *params: str) -> ChartSpec:
    return ChartSpec(name, t(msg_id, "ja"), t(msg_id, "en"), build, params)


def _traj_spec(name: str, goal_id: str, ja: str, en: str) -> ChartSpec:
    return ChartSpec(
        name,
        t("fig.traj.title", "ja", goal=ja),
        t("fig.traj.title", "en", goal=en),
        _headline(goal_id, name),
    )


# The catalogue: every chart that can be drawn with no parameter (the deck, the exports page, the CLI).
CHARTS: dict[str, ChartSpec] = {
    s.name: s
    for s in [
        _traj_spec(
            "headline-users", "H-USERS", "国内の量子技術の利用者", "Domestic users of quantum technology"
        ),
        _traj_spec(
            "headline-production",
            "H-PRODUCTION",
            "量子技術による生産額",
            "Production from quantum technology",
        ),
        _traj_spec(
            "headline-unicorns", "H-UNICORNS", "量子ユニコーンベンチャー企業", "Quantum unicorn ventures"
        ),
        _spec("kpi-progress", "fig.kpi_progress.title", kpi_progress),
        _spec("goal-status-summary", "fig.goal_status.title", goal_status_summary),
        _spec("followup-status-pillar", "fig.pillar_status.name", pillar_status, "fiscal_year"),
        _spec("reporting-completeness", "fig.completeness.name", reporting_completeness, "fiscal_year"),
        _spec("followup-by-year", "fig.by_year.title", followup_by_year),
        _spec(
            "milestones-timeline",
            "fig.milestones.title",
            milestones_timeline,
            "statuses",
            "pillar",
            "year_from",
            "year_to",
        ),
        _spec("agreements-timeline", "fig.agreements.title", agreements_timeline),
        _spec("partner-area-matrix", "fig.matrix.title", partner_area_heatmap),
        _spec("events-timeline", "fig.events.title", events_timeline),
        _spec("frameworks-vs-goal", "fig.frameworks.title", frameworks_goal),
    ]
}
# Charts that need a parameter to be drawn at all: the page draws them, the catalogue does not list them.
REGISTRY: dict[str, ChartSpec] = {
    **CHARTS,
    "goal": ChartSpec("goal", "目標の推移", "Goal trajectory", _goal_chart, ("goal_id",), ("goal_id",)),
}
HEADLINE_CHARTS = {
    "H-USERS": "headline-users",
    "H-PRODUCTION": "headline-production",
    "H-UNICORNS": "headline-unicorns",
}


def build_chart(
    name: str, snap: Snapshot, lang: str = "ja", as_of: dt.date | None = None, **params: Any
) -> go.Figure:
    """Chart `name` (a key of REGISTRY) for `lang` as of a date (today by default), with the parameters
    it declares (e.g. `fiscal_year=2021`); the page, the deck and the command line all draw through this."""
    spec = REGISTRY.get(name)
    if spec is None:
        raise KeyError(f"unknown chart {name!r}; known: {', '.join(REGISTRY)}")
    unknown = set(params) - set(spec.params)
    if unknown:
        raise TypeError(f"chart {name!r} takes no parameter {', '.join(sorted(unknown))}")
    missing = set(spec.required) - set(params)
    if missing:
        raise TypeError(f"chart {name!r} needs {', '.join(sorted(missing))}")
    return spec.build(snap, lang, as_of or dt.date.today(), **params)


def is_finite(x: float | None) -> bool:
    return x is not None and not math.isnan(x)
