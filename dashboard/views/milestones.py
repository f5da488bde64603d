"""マイルストーン Milestones: dated milestones on a timeline (done / overdue / due / no date as of the
chosen date), with filters and the source of each."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state, ui
from dashboard.charts import show_chart
from dashboard.state import lang, msg, tr
from model.milestones import MILESTONE_STATUSES, filter_milestones, status_counts

L = lang()
st.title(tr("ms.title"))

table = state.milestones_table()
counts = status_counts(table)
for col, s in zip(st.columns(len(MILESTONE_STATUSES)), MILESTONE_STATUSES, strict=True):
    col.metric(msg(f"ms.{s}"), counts[s])

years = [d.year for d in table["deadline"] if d is not None]
lo, hi = (min(years), max(years)) if years else (2020, 2030)
c1, c2, c3 = st.columns([2, 1, 2])
with c1:
    statuses = st.pills(
        tr("ms.status"),
        list(MILESTONE_STATUSES),
        selection_mode="multi",
        default=list(MILESTONE_STATUSES),
        format_func={s: msg(f"ms.{s}") for s in MILESTONE_STATUSES}.__getitem__,
        key="ms_status",
    )
with c2:
    pillar = ui.select(tr("filter.pillar"), ui.pillar_names(), "ms_pillar")
with c3:
    year_from, year_to = st.slider(tr("ms.years"), lo, hi, (lo, hi), key="ms_years")

chosen = tuple(statuses or ())
shown = filter_milestones(table, statuses=list(chosen), pillar=pillar, year_from=year_from, year_to=year_to)
st.caption(tr("rows_of", n=len(shown), total=len(table)))
if shown.empty:
    st.info(tr("empty.filter"))
else:
    show_chart(
        state.chart(
            "milestones-timeline", statuses=tuple(chosen), pillar=pillar, year_from=year_from, year_to=year_to
        ),
        key="ms_chart",
    )

title_col = "title_en" if L == "en" else "title_ja"
goals = state.table("goals").set_index("id")
ui.table(
    pd.DataFrame(
        {
            tr("col.id"): shown["goal_id"],
            tr("col.title"): shown[title_col],
            tr("ms.deadline_text"): shown["deadline_text_ja"].fillna("—"),
            tr("col.deadline"): [
                ui.deadline_label(
                    goals.loc[g, "target_year"], goals.loc[g, "target_basis"], goals.loc[g, "target_date"]
                )
                for g in shown["goal_id"]
            ],
            tr("col.status"): [msg(f"ms.{s}") for s in shown["status"]],
            tr("ms.evidence"): [
                f"{ui.date_label(d, 'month')}：{e}" if isinstance(e, str) else ""
                for d, e in zip(shown["achieved_date"], shown["evidence_ja"], strict=True)
            ],
            tr("ms.related"): shown["related_action"].fillna(""),
            tr("col.source"): [ui.source_text(x) for x in shown["source"]],
        }
    ),
    "ms_table",
    {tr("col.title"): 300, tr("ms.evidence"): 200, tr("col.source"): 220},
)
