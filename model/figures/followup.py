"""The annual follow-up: entries of a fiscal year by pillar and status, reporting completeness per
ministry, and entries per fiscal year."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go

from model import followup as followup_model
from model.calendar_ja import format_fy
from model.figures._common import FU_COLOURS, empty, finish, label_margin, short, wrap
from model.messages import t
from model.reporting.rounds import collection_year
from model.sources import source_label
from model.store import Snapshot


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
    fy = fiscal_year if fiscal_year is not None else followup_model.as_of_fiscal_year(snap, as_of)
    fig = go.Figure()
    x: list[str] = []
    fy_label = format_fy(fy, lang) if fy is not None else "—"
    if fy is None or snap.followup(fy).empty:
        empty(fig, t("fig.empty_fy", lang, fy=fy_label))
        source = t("fig.source.followup", lang, fy=fy_label)
    else:
        counts = followup_model.status_by_pillar(snap, fy)
        labels = followup_model.pillar_labels(snap, lang)
        x = [wrap(labels[int(pid)], 9 if lang == "ja" else 18) for pid in counts.index]
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
    table = followup_model.completeness(snap, fy)
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
    df = followup_model.entries(snap)
    fig = go.Figure()
    years = sorted({int(y) for y in df["fiscal_year"]})
    x = [format_fy(y, lang) for y in years]
    for key in [*followup_model.FU_STATUSES, followup_model.NO_STATUS]:
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
