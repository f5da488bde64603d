"""府省別 Ministries: per ministry, the actions it owns, which have an entry for the year and which do
not, their statuses, and its last submission."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state, ui
from dashboard.charts import show_chart
from dashboard.state import lang, msg, tr
from model.store import JOINT

L = lang()
st.title(tr("min.title"))

years = state.year_choices()
cy = state.current_collection_year()
fy = st.selectbox(
    tr("filter.fy"),
    years,
    index=years.index(cy) if cy in years else 0,
    key="min_fy",
    format_func=ui.fy_options(years).__getitem__,
)
names = ui.ministry_names()
comp = state.completeness(fy)
ui.provisional_banner(fy)

st.header(tr("min.summary", fy=ui.fy_label(fy)))
ui.table(
    pd.DataFrame(
        {
            tr("col.ministry"): [names[c] for c in comp["ministry_code"]],
            tr("min.owned"): comp["owned"],
            tr("min.reported"): comp["reported"],
            tr("min.missing"): comp["missing"],
            tr("min.pct"): [f"{p:.0f}%" for p in comp["pct"]],
            tr("min.last"): [
                tr("min.never") if x is None or pd.isna(x) else ui.timestamp_label(x)
                for x in comp["last_submission"]
            ],
        }
    ),
    "min_summary",
    {tr("col.ministry"): 400},
)
show_chart(state.chart("reporting-completeness", fiscal_year=fy), key="min_chart")

code = st.selectbox(
    tr("min.pick"),
    list(comp["ministry_code"]),
    key="min_code",
    format_func={c: names.get(c, c) for c in comp["ministry_code"]}.__getitem__,
)
rows = state.ministry_actions(code, fy)
st.header(tr("min.actions", name=names.get(code, code), fy=ui.fy_label(fy)))
c1, c2, c3 = st.columns(3)
c1.metric(tr("min.owned"), len(rows))
c2.metric(tr("min.reported"), int(rows["has_entry"].sum()))
c3.metric(tr("min.missing"), int((~rows["has_entry"]).sum()))
if not rows["has_entry"].any():
    st.info(tr("empty.fy", fy=ui.fy_label(fy)))


def entry_label(has: bool, who: object) -> str:
    if not has:
        return tr("min.no_entry")
    return tr("min.joint_entry") if who == JOINT else tr("min.own_entry")


ui.table(
    pd.DataFrame(
        {
            tr("col.action_id"): rows["action_id"],
            tr("col.action"): rows["title_ja"],
            tr("min.entry"): [
                entry_label(h, w) for h, w in zip(rows["has_entry"], rows["ministry_code"], strict=True)
            ],
            tr("col.status"): [
                msg(f"fu.{s}") if h else "—"
                for s, h in zip(rows["status_key"], rows["has_entry"], strict=True)
            ],
            tr("col.submitted_by"): rows["user_name"].fillna("—"),
            tr("col.submitted_at"): [ui.timestamp_label(x) for x in rows["created_at"]],
        }
    ),
    "min_actions",
    {tr("col.action"): 420},
)
