"""Milestones: every dated milestone of the strategies on one timeline, coloured by status."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go

from model import milestones as milestones_model
from model.figures._common import HEIGHT, MS_COLOURS, empty, finish, label_margin, short
from model.messages import t
from model.sources import source_label
from model.store import Snapshot


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
    table = milestones_model.filter_milestones(
        milestones_model.milestones_table(snap, as_of),
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
    for status in milestones_model.MILESTONE_STATUSES:
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
