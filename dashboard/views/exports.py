"""資料の書き出し Exports: the briefing deck (PowerPoint, PDF), the follow-up table as published (Excel,
CSV), the open data of the year (zip of CSV + JSON + datapackage.json) and any single chart as PNG/SVG/PDF."""

from __future__ import annotations

import functools

import streamlit as st

from dashboard import state, ui
from dashboard.charts import show_chart
from dashboard.downloads import deck_button, followup_buttons
from dashboard.state import lang, msg
from model import opendata
from model.exports import pdf
from model.exports.deck import SECTIONS
from model.figures import CHARTS

L = lang()
st.title(msg("exp.title"))

snap = state.snapshot()
years = state.year_choices()
default = state.as_of_fiscal_year()
fy = st.selectbox(
    msg("exp.fy"),
    years,
    index=years.index(default) if default in years else 0,
    key="exp_fy",
    format_func=ui.fy_options(years).__getitem__,
)

ui.provisional_banner(fy)

st.header(msg("exp.deck.header"))
st.caption(msg("exp.deck.caption"))
# --- deck options: the slides (sections) briefing staff want, for the fiscal year chosen above ---
section_labels = {key: msg(f"deck.section.{key}") for key in SECTIONS}
chosen = st.multiselect(
    msg("exp.deck.sections"),
    list(SECTIONS),
    default=list(SECTIONS),
    key="exp_deck_sections",
    format_func=section_labels.__getitem__,
    help=msg("exp.deck.sections_help"),
)
if not chosen:
    st.warning(msg("err.export.no_section", known="、".join(section_labels.values())), icon=":material/info:")
else:
    sections = tuple(chosen) if len(chosen) < len(SECTIONS) else None
    c1, c2 = st.columns(2)
    with c1:
        deck_button(snap, fy, state.as_of(), sections=sections)
    with c2:
        if pdf.available():
            deck_button(snap, fy, state.as_of(), as_pdf=True, sections=sections)
        else:
            st.info(msg("err.export.no_soffice"), icon=":material/info:")

st.header(msg("exp.followup.header"))
followup_buttons(snap, fy)

st.header(msg("exp.opendata.header"))
st.caption(msg("exp.opendata.caption"))
if snap.followup(fy).empty:  # the year being collected may have no entry yet: nothing to publish
    st.info(msg("exp.opendata.empty", fy=ui.fy_options([fy])[fy]), icon=":material/info:")
else:
    st.download_button(
        msg("exp.opendata.zip"),
        data=functools.partial(opendata.bundle_zip, snap, fy, state.as_of()),
        file_name=f"opendata_FY{fy}_v{snap.version}.zip",
        mime="application/zip",
        key="dl-opendata-zip",
        icon=":material/folder_zip:",
        on_click="ignore",
    )

st.header(msg("exp.charts.header"))
name = st.selectbox(
    msg("exp.charts.pick"),
    list(CHARTS),
    key="exp_chart",
    format_func=lambda n: CHARTS[n].title(L),
)
params = {"fiscal_year": fy} if "fiscal_year" in CHARTS[name].params else {}
fig = state.chart(name, **params)
show_chart(fig, key="exp_chart_fig")  # with its PNG/SVG/PDF buttons
