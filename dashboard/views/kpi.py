"""目標・KPI Goals: every goal (headline, dated, milestone, indicator) with kind, deadline, latest value,
status and source; filters by pillar and kind; one goal's chart, observations and their history."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state, ui
from dashboard.charts import show_chart
from dashboard.downloads import table_download
from dashboard.kpi_widgets import override_form, status_badges
from dashboard.state import lang, msg, tr
from model.format import format_pct, format_value
from model.goals import calculation_lines, calculation_record, status_label
from model.text import reveal

L = lang()
KINDS = ("headline", "goal", "milestone", "indicator")
st.title(tr("kpi.title"))

table = state.kpis(KINDS)
goals = state.table("goals").set_index("id")
table = table.assign(
    pillar=table["goal_id"].map(goals["pillar"]),
    target_year=table["goal_id"].map(goals["target_year"]),
    target_basis=table["goal_id"].map(goals["target_basis"]),
    target_day=table["goal_id"].map(goals["target_date"]),
)

c1, c2 = st.columns(2)
with c1:
    pillar = ui.select(tr("filter.pillar"), ui.pillar_names(), "kpi_pillar")
with c2:
    kind = ui.select(tr("filter.kind"), {k: msg(f"kind.{k}") for k in KINDS}, "kpi_kind")
shown = table
if pillar is not None:
    shown = shown[shown["pillar"] == pillar]
if kind is not None:
    shown = shown[shown["kind"] == kind]
st.caption(tr("rows_of", n=len(shown), total=len(table)))

title_col = "title_en" if L == "en" else "title_ja"
view = pd.DataFrame(
    {
        tr("col.id"): shown["goal_id"],
        tr("col.kind"): [msg(f"kind.{k}") for k in shown["kind"]],
        tr("col.title"): shown[title_col],
        tr("col.deadline"): [
            ui.deadline_label(y, b, d)
            for y, b, d in zip(shown["target_year"], shown["target_basis"], shown["target_day"], strict=True)
        ],
        tr("col.latest"): [
            format_value(v, u, L) for v, u in zip(shown["latest_value"], shown["unit"], strict=True)
        ],
        tr("col.pct"): [format_pct(v) for v in shown["pct_of_target"]],
        tr("col.status"): [status_label(r, L) for r in shown.to_dict("records")],
        tr("col.sample"): shown["sample"].map({True: msg("sample.badge"), False: ""}),
        tr("col.source"): [ui.source_text(x) for x in shown["source"]],
    }
)
# Widths that fit the wide layout at 1440 px; long titles and sources show in full on hover.
widths = {"col.id": 110, "col.kind": 80, "col.title": 230, "col.deadline": 75, "col.latest": 95}
widths |= {"col.pct": 65, "col.status": 90, "col.sample": 65, "col.source": 140}
ui.table(view, "kpi_table", {tr(k): w for k, w in widths.items()}, height=420)
if shown["sample"].any():
    st.caption(tr("sample_note"))

# --- one goal in detail -----------------------------------------------------------------------------------
st.header(tr("kpi.detail"))
options = dict(zip(shown["goal_id"], shown[title_col], strict=True))
if options:
    goal_id = st.selectbox(
        tr("kpi.pick"),
        list(options),
        key="kpi_goal",
        format_func={g: f"{g}　{tt}" for g, tt in options.items()}.__getitem__,
    )
    row = shown[shown["goal_id"] == goal_id].iloc[0]
    status_badges(row.to_dict())
    if isinstance(row["target_text_ja"], str):
        st.caption(tr("kpi.text_target", text=row["target_text_ja"]))
    st.caption(f"{tr('col.source')}{'：' if L == 'ja' else ': '}{ui.source_text(row['source'])}")
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(tr("col.latest"), format_value(row["latest_value"], str(row["unit"]), L))
    m2.metric(tr("col.target"), format_value(row["target_value"], str(row["unit"]), L))
    m3.metric(tr("col.pct"), format_pct(row["pct_of_target"]))
    projected = row["projected_year"]
    m4.metric(tr("col.projected"), "—" if pd.isna(projected) else str(int(projected)))
    if isinstance(row["override_status"], str):  # the reason is typed by a person: shown as text
        st.text(
            tr("kpi.override", status=msg(f"status.{row['override_status']}"), reason=row["override_reason"])
        )
    with st.expander(msg("kpi.calc.title")):
        st.text(reveal("\n".join(calculation_lines(row, L))))
        record = pd.DataFrame([calculation_record(row)])
        table_download(record, f"kpi_calculation_{goal_id}", key="kpi_calc")
    override_form(str(goal_id), row.to_dict())
    show_chart(state.chart("goal", goal_id=goal_id), key="kpi_goal_chart")
    obs = state.kpi_observations()
    obs = obs[obs["goal_id"] == goal_id].sort_values("date")
    st.markdown(f"**{tr('kpi.observations')}**")
    if obs.empty:
        st.info(tr("kpi.no_obs"))
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    tr("col.date"): [
                        ui.date_label(d, p) for d, p in zip(obs["date"], obs["date_precision"], strict=True)
                    ],
                    tr("col.value"): [
                        format_value(v, u, L) for v, u in zip(obs["value"], obs["unit"], strict=True)
                    ],
                    tr("col.sample"): obs["sample"].map({True: msg("sample.badge"), False: ""}),
                    tr("col.source"): [ui.source_text(x) for x in obs["source"]],
                    tr("col.note"): obs["note"],
                }
            ),
            hide_index=True,
            width="stretch",
            key="kpi_obs",
        )
        hist = state.history("kpi", goal_id=goal_id)
        with st.expander(tr("kpi.history")):
            st.dataframe(
                pd.DataFrame(
                    {
                        tr("col.version"): range(1, len(hist) + 1),
                        tr("col.date"): hist["date"],
                        tr("col.value"): [
                            format_value(v, u, L) for v, u in zip(hist["value"], hist["unit"], strict=True)
                        ],
                        tr("col.deleted"): hist["deleted"].map({True: "✓", False: ""}),
                        tr("col.submission"): hist["submission_id"],
                        tr("col.submitted_by"): hist["user_name"],
                        tr("col.submitted_at"): [ui.timestamp_label(x) for x in hist["created_at"]],
                    }
                ),
                hide_index=True,
                width="stretch",
                key="kpi_hist",
            )
else:
    st.info(tr("empty.filter"))
