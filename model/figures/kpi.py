"""Goals and KPIs: a goal's trajectory (actuals, required path, projection, target), the progress of
every goal towards its target, and the goals counted by kind and status."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from model import kpi as kpi_model
from model import strategy
from model.calendar_ja import format_date
from model.figures._common import (
    KPI_COLOURS,
    KPI_TEXT_COLOURS,
    SERIES,
    empty,
    finish,
    label_margin,
    short,
)
from model.format import format_value
from model.goals import kpi_table, status_label, target_of
from model.messages import t
from model.sources import source_label
from model.store import Snapshot

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


def _kpi_row(snap: Snapshot, goal_id: str, kind: str, as_of: dt.date) -> dict[str, object] | None:
    """The goal's row of the KPI table: its effective status (the secretariat's override, if any)."""
    table = kpi_table(snap, as_of=as_of, kinds=(kind,))
    hit = table[table["goal_id"] == goal_id]
    return None if hit.empty else {str(k): v for k, v in hit.iloc[0].items()}


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
    goals = strategy.goals(snap)
    g = goals[goals["id"] == goal_id].iloc[0]
    obs_all = snap.kpi_observations()
    obs = obs_all[(obs_all["goal_id"] == goal_id) & (obs_all["date"] <= as_of)].sort_values("date")
    target = target_of(g)
    a = kpi_model.assess(obs, target, as_of=as_of)
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
        req = kpi_model.required_path(target, a.base_value, a.base_date)
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
        proj = kpi_model.projection_path(a, target.date)
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
    row = _kpi_row(snap, goal_id, str(g["kind"]), as_of)
    effective = str(row["status"]) if row is not None else a.status
    if effective not in ("no_data", "no_target"):
        note = (
            t("fig.traj.projected_year", lang, year=a.projected_year)
            if a.projected_year
            else t("fig.traj.not_projected", lang)
        )
        status = status_label(row, lang) if row is not None else t(f"status.{a.status}", lang)
        fig.add_annotation(
            text=f"{status}｜{note}" if lang == "ja" else f"{status} | {note}",
            xref="paper",
            yref="paper",
            x=0.01,
            y=0.98,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            font={"size": 12, "color": KPI_TEXT_COLOURS.get(effective, "#1f2937")},
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


# --- goals and KPIs --------------------------------------------------------------------------------------


def _goal_documents(snap: Snapshot, table: pd.DataFrame, lang: str) -> str:
    """The documents the drawn goals come from, by title (each goal's source names its seed file)."""
    goals = snap.table("goals").set_index("id")
    raw = [str(goals.loc[g, "source"]) for g in table["goal_id"] if g in goals.index]
    docs = dict.fromkeys(source_label(snap, s.split(" ")[0], lang) for s in raw if s and s != "nan")
    return t("fig.source.goals", lang, docs="; ".join(docs) or t("src.store", lang))


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
    for status in kpi_model.STATUSES:
        part = table["status"] == status
        if not part.any():
            continue
        sub = table[part]
        fig.add_trace(
            go.Bar(
                y=[lab for lab, p in zip(labels, part, strict=True) if p],
                x=sub["pct_of_target"],
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
    # the axis fits the data: a goal at 200 % is drawn to 200 %, with room for its label
    widest = float(table["pct_of_target"].max()) if len(table) else 0.0
    fig.update_xaxes(title_text=t("fig.kpi_progress.axis", lang), range=[0, max(165.0, widest * 1.12)])
    fig.update_yaxes(categoryorder="array", categoryarray=labels)
    if table.empty:
        empty(fig, t("fig.empty", lang))
    return finish(
        fig,
        name="kpi-progress",
        title=t("fig.kpi_progress.title", lang),
        source=_goal_documents(snap, table, lang),
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
    for status in kpi_model.STATUSES:
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
        source=_goal_documents(snap, table, lang),
        as_of=as_of,
        lang=lang,
        sample=sample,
    )
