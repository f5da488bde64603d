"""目標・KPI: every goal with its latest value, % of target, status and projection."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.state import cached_kpi_table, lang, tr
from model.format import format_pct, format_value
from model.messages import t

L = lang()
st.title(tr("kpi.title"))
table = cached_kpi_table(dt.date.today())
title_col = "title_en" if L == "en" else "title_ja"
view = pd.DataFrame(
    {
        tr("col.id"): table["goal_id"],
        tr("col.kind"): [t(f"kind.{k}", L) for k in table["kind"]],
        tr("col.title"): table[title_col],
        tr("col.latest"): [
            format_value(v, u, L) for v, u in zip(table["latest_value"], table["unit"], strict=True)
        ],
        tr("col.target"): [
            format_value(v, u, L) for v, u in zip(table["target_value"], table["unit"], strict=True)
        ],
        tr("col.pct"): [format_pct(v) for v in table["pct_of_target"]],
        tr("col.status"): [t(f"status.{s}", L) for s in table["status"]],
        tr("col.projected"): table["projected_year"].map(lambda y: "—" if pd.isna(y) else str(int(y))),
        tr("col.sample"): table["sample"].map({True: t("sample.badge", L), False: ""}),
        tr("col.source"): table["source"],
    }
)
st.dataframe(view, hide_index=True, width="stretch")
if table["sample"].any():
    st.caption(tr("kpi.sample_note"))
