"""国際連携 International: government cooperation frameworks against goal G-2-1, agreements on a
timeline, the partner × cooperation-area matrix, MDQ meetings and events."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state, ui
from dashboard.charts import show_chart
from dashboard.state import lang, msg, tr
from model.international import FRAMEWORK_GOAL

L = lang()
st.title(tr("int.title"))
day = state.as_of()

# --- frameworks vs the goal ------------------------------------------------------------------------------
goals = state.kpis(("goal",))
deadline = goals.loc[goals["goal_id"] == FRAMEWORK_GOAL, "target_date"]
deadline_day = deadline.iloc[0] if len(deadline) else None
fw = state.frameworks()
fw_now = fw[fw["date"].map(lambda d: d <= day)]
fw_by = fw_now[fw_now["date"].map(lambda d: deadline_day is None or d <= deadline_day)]
st.header(tr("int.frameworks", deadline=ui.date_label(deadline_day)))
c1, c2, c3 = st.columns(3)
c1.metric(tr("int.fw_by_deadline"), len(fw_by))
c2.metric(tr("int.fw_bilateral"), int((fw_by["kind"] == "bilateral").sum()))
c3.metric(tr("int.fw_now"), len(fw_now))
show_chart(state.chart("frameworks-vs-goal"), key="int_fw")

# --- agreements ------------------------------------------------------------------------------------------
st.header(tr("int.agreements"))
show_chart(state.chart("agreements-timeline"), key="int_ag")
ag = state.agreements()
ag = ag[ag["date"].map(lambda d: d <= day)]
areas = state.table("coop_areas").set_index("code")
area_col = "name_en" if L == "en" else "name_ja"
ui.table(
    pd.DataFrame(
        {
            tr("col.date"): [
                ui.date_label(d, p) for d, p in zip(ag["date"], ag["date_precision"], strict=True)
            ],
            tr("int.partner"): ag["partner_en" if L == "en" else "partner_ja"],
            tr("int.kind"): [msg(f"agkind.{k}") for k in ag["kind"]],
            tr("int.doc"): ag["title_ja"],
            tr("int.signatories"): [
                " / ".join(str(x) for x in (a, b) if isinstance(x, str))
                for a, b in zip(ag["jp_signatory"], ag["partner_signatory"], strict=True)
            ],
            tr("int.areas"): [
                "、".join(str(areas.loc[c, area_col]) for c in codes) for codes in ag["area_codes"]
            ],
            tr("col.source"): [ui.source_text(x) for x in ag["source"]],
        }
    ),
    "int_ag_table",
    {tr("int.doc"): 210, tr("int.signatories"): 170, tr("int.areas"): 180, tr("col.source"): 150},
)

# --- matrix ------------------------------------------------------------------------------------------------
st.header(tr("int.matrix"))
show_chart(state.chart("partner-area-matrix"), key="int_matrix")

# --- events ------------------------------------------------------------------------------------------------
st.header(tr("int.events"))
show_chart(state.chart("events-timeline"), key="int_events")
ev = state.events()
ev = ev[ev["date_start"].map(lambda d: d is not None and d <= day)]
ui.table(
    pd.DataFrame(
        {
            tr("col.date"): [
                ui.date_label(d, p) for d, p in zip(ev["date_start"], ev["date_precision"], strict=True)
            ],
            tr("col.kind"): [msg(f"evkind.{k}") for k in ev["kind"]],
            tr("int.event"): ev["name_en" if L == "en" else "name_ja"],
            tr("int.place"): ev["place"].fillna("—"),
            tr("int.countries"): ev["countries"].map(lambda n: "—" if pd.isna(n) else str(int(n))),
            tr("col.source"): [ui.source_text(x) for x in ev["source"]],
        }
    ),
    "int_ev_table",
    {tr("int.event"): 300, tr("col.source"): 260},
)
