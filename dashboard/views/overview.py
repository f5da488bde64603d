"""概要 Overview: one card per 2030 target, their trajectories, follow-up status per pillar, and how
complete the reporting of the year being collected is."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state, ui
from dashboard.charts import show_chart
from dashboard.kpi_widgets import status_badges
from dashboard.state import lang, tr
from model.figures import HEADLINE_CHARTS
from model.format import format_pct, format_value

L = lang()
st.title(tr("overview.title"))

# --- one card per headline target ----------------------------------------------------------------------
st.header(tr("overview.targets"))
head = state.kpis(("headline",))
title_col = "title_en" if L == "en" else "title_ja"
for col, row in zip(st.columns(len(head) or 1), head.to_dict("records"), strict=False):
    with col.container(border=True):
        st.markdown(f"**{row[title_col]}**")
        status_badges(row)
        latest_date = row["latest_date"]
        st.metric(
            tr("overview.card.latest", date=ui.date_label(latest_date, "year") if latest_date else "—"),
            format_value(row["latest_value"], str(row["unit"]), L),
        )
        c1, c2 = st.columns(2)
        c1.metric(tr("overview.card.pct"), format_pct(row["pct_of_target"]))
        projected = row["projected_year"]
        c2.metric(
            tr("overview.card.projected"),
            "—" if pd.isna(projected) else str(int(projected)),
            help=tr("overview.card.not_projected") if pd.isna(projected) else None,
        )
        st.caption(
            tr(
                "overview.card.target",
                value=format_value(row["target_value"], str(row["unit"]), L),
                deadline=ui.date_label(row["target_date"], "year"),
            )
        )
if head["sample"].any():
    st.caption(tr("sample_note"))

# --- trajectories -----------------------------------------------------------------------------------------
st.header(tr("overview.trajectories"))
tabs = st.tabs([str(r[title_col]) for r in head.to_dict("records")])  # whole titles: the CSS wraps them
for tab, goal_id in zip(tabs, head["goal_id"], strict=True):
    with tab:
        if goal_id in HEADLINE_CHARTS:
            show_chart(state.chart(HEADLINE_CHARTS[goal_id]))
        else:  # a headline target added to data/goals.csv later: the generic goal chart
            show_chart(state.chart("goal", goal_id=goal_id))

# --- follow-up status and reporting completeness ---------------------------------------------------------
with st.container():
    fy = state.as_of_fiscal_year()
    st.header(tr("overview.pillars", fy=ui.fy_label(fy)))
    if fy is None:
        st.info(tr("empty.fy", fy="—"))
    else:
        ui.provisional_banner(fy)
        show_chart(state.chart("followup-status-pillar", fiscal_year=fy))
# The collection under way is staff's business: readers who are not logged in see published years only.
if not state.public_only():
    with st.container():
        cy = state.current_collection_year()
        st.header(tr("overview.completeness", fy=ui.fy_label(cy)))
        comp = state.completeness(cy)
        st.metric(
            tr("overview.completeness_metric"),
            f"{int(comp['reported'].sum())} / {int(comp['owned'].sum())}",
        )
        missing = comp[comp["missing"] > 0]
        names = ui.ministry_names()
        if missing.empty:
            st.success(tr("overview.all_reported"))
        else:
            st.caption(
                tr("overview.missing_ministries", names="、".join(names[c] for c in missing["ministry_code"]))
            )
        show_chart(state.chart("reporting-completeness", fiscal_year=cy))
