"""年度比較 Year over year: pick two fiscal years; actions added, changed (differences highlighted),
unchanged, and gone silent. The texts are what ministries wrote: shown as text (model.text), each in one
HTML block (a <div> holding no line break), never read as Markdown."""

from __future__ import annotations

import streamlit as st

from dashboard import state, ui
from dashboard.paging import page_chooser
from dashboard.state import tr
from model.compare import CHANGE_KINDS, change_counts, diff_html
from model.text import html_text, markdown_text

st.title(tr("cmp.title"))
st.markdown(ui.DIFF_CSS, unsafe_allow_html=True)

years = state.year_choices()
fy_names = ui.fy_options(years)
# Defaults: the two newest years with entries; with only one, that year against the year being collected.
reported = state.fiscal_years()
default_a, default_b = (reported[1], reported[0]) if len(reported) > 1 else (years[-1], years[0])
c1, c2 = st.columns(2)
with c1:
    year_a = st.selectbox(
        tr("cmp.year_a"), years, index=years.index(default_a), key="cmp_a", format_func=fy_names.__getitem__
    )
with c2:
    year_b = st.selectbox(
        tr("cmp.year_b"), years, index=years.index(default_b), key="cmp_b", format_func=fy_names.__getitem__
    )

if year_a == year_b:
    st.warning(tr("cmp.same_year"))
    st.stop()

table = state.compare_years(year_a, year_b)
counts = change_counts(table)
for col, kind in zip(st.columns(len(CHANGE_KINDS)), CHANGE_KINDS, strict=True):
    col.metric(tr(f"cmp.{kind}"), counts[kind])

for fy in (year_a, year_b):
    if state.entries(fy).empty:
        st.info(tr("empty.fy", fy=ui.fy_label(fy)))
if table.empty:
    st.info(tr("cmp.nothing"))
    st.stop()

show = st.pills(
    tr("cmp.show"),
    list(CHANGE_KINDS),
    selection_mode="multi",
    default=[k for k in CHANGE_KINDS if k != "unchanged"],
    format_func={k: f"{tr('cmp.' + k)} ({counts[k]})" for k in CHANGE_KINDS}.__getitem__,
    key="cmp_show",
)
shown = table[table["change"].isin(show or [])]
st.caption(tr("rows_of", n=len(shown), total=len(table)))
st.markdown(f"<div class='qf-diff'>{tr('cmp.legend')}</div>", unsafe_allow_html=True)

label_a, label_b = ui.fy_label(year_a), ui.fy_label(year_b)
# A page of rows at a time: a decade of follow-up changes thousands of rows from one year to the next (#12).
first, _ = page_chooser(len(shown), 25, "cmp_page", (year_a, year_b, tuple(show or [])))
for r in shown.iloc[first : first + 25].to_dict("records"):
    header = f"**{r['action_id']}**　{markdown_text(str(r['title_ja']))}　·　{tr('cmp.' + r['change'])}"
    with st.expander(header, expanded=r["change"] == "changed"):
        if r["change"] == "changed":
            for column, label in (("progress", "col.progress"), ("next", "col.next")):
                if r[f"{column}_a"] == r[f"{column}_b"]:
                    continue
                st.markdown(f"**{tr(label)}**（{label_a} → {label_b}）")
                st.markdown(
                    f"<div class='qf-diff'>{diff_html(r[f'{column}_a'], r[f'{column}_b'])}</div>",
                    unsafe_allow_html=True,
                )
        else:
            side = "b" if r["change"] == "added" else "a"
            for column, label in (("progress", "col.progress"), ("next", "col.next")):
                text = r[f"{column}_{side}"]
                if isinstance(text, str) and text:
                    st.markdown(f"**{tr(label)}**（{label_b if side == 'b' else label_a}）")
                    st.markdown(
                        f"<div class='qf-diff'>{html_text(text)}</div>",
                        unsafe_allow_html=True,
                    )
