"""International cooperation: agreements, partners × cooperation areas, events, and the cooperation
frameworks against goal G-2-1."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from model import international as international_model
from model.calendar_ja import format_date, format_fy
from model.figures._common import empty, finish, label_margin, wrap
from model.messages import t
from model.sources import source_label
from model.store import Snapshot


def agreements_timeline(snap: Snapshot, lang: str, as_of: dt.date) -> go.Figure:
    """Bilateral agreements at their signing date, by partner, marker by kind."""
    ag = international_model.agreements_table(snap)
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
    matrix = international_model.partner_area_matrix(snap)
    vocab = snap.table("coop_areas").set_index("code")
    ag = international_model.agreements_table(snap)
    partners = ag.drop_duplicates("partner_ja").set_index("partner_ja")
    name_col = "name_en" if lang == "en" else "name_ja"
    x = [wrap(str(vocab.loc[c, name_col]), 6 if lang == "ja" else 13) for c in matrix.columns]
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
    ev = international_model.events_table(snap)
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
    found = international_model.frameworks_vs_goal(snap, as_of)
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
