"""The one registry of charts: the page, the deck and the command line all draw through `build_chart`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go

from model.figures._common import ChartSpec
from model.figures.followup import followup_by_year, pillar_status, reporting_completeness
from model.figures.international import (
    agreements_timeline,
    events_timeline,
    frameworks_goal,
    partner_area_heatmap,
)
from model.figures.kpi import goal_status_summary, goal_trajectory, kpi_progress
from model.figures.milestones import milestones_timeline
from model.messages import t
from model.reporting.publication import is_provisional
from model.store import Snapshot

# --- goal trajectories as registry entries -------------------------------------------------------------


# A headline's title is its spec's: CHARTS (below) is read when the chart is drawn, not when it is defined.
def _headline(goal_id: str, slug: str) -> Callable[[Snapshot, str, dt.date], go.Figure]:
    def build(snap: Snapshot, lang: str, as_of: dt.date) -> go.Figure:
        return goal_trajectory(snap, goal_id, lang, as_of, name=slug, title=CHARTS[slug].title(lang))

    return build


def _goal_chart(snap: Snapshot, lang: str, as_of: dt.date, *, goal_id: str) -> go.Figure:
    return goal_trajectory(snap, goal_id, lang, as_of)


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
    fig = spec.build(snap, lang, as_of or dt.date.today(), **params)
    year = params.get("fiscal_year")
    if year is not None and is_provisional(snap, int(year)):
        mark_provisional(fig, lang)
    return fig


def mark_provisional(fig: go.Figure, lang: str) -> go.Figure:
    """The 暫定・取扱注意 mark inside the figure (top right), so that it travels with every copy: the page,
    the PNG/SVG files, the deck. A year is provisional until published (model/reporting/publication.py)."""
    fig.add_annotation(
        text=f"<b>{t('pub.mark', lang)}</b>",
        xref="paper",
        yref="paper",
        x=1,
        y=1.02,
        xanchor="right",
        yanchor="bottom",
        showarrow=False,
        font={"color": "#a40000", "size": 13},
        bordercolor="#a40000",
        borderwidth=1.5,
        borderpad=3,
        bgcolor="#ffffff",
        name="provisional-mark",
    )
    return fig
