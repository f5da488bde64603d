"""年度比較 Year over year: pick two fiscal years; per ministry, each entry added, changed (bullets added,
removed and changed, the words changed inside a bullet highlighted), unchanged, gone silent — or, while the
later year's round is open, not yet reported — with the change of 状況. The texts are what ministries wrote:
shown as text (model.text), each in one HTML block (a <div> holding no line break), never read as Markdown."""

from __future__ import annotations

import streamlit as st

from dashboard import state, ui
from dashboard.paging import page_chooser
from dashboard.state import msg, tr
from model.compare import CHANGE_KINDS, change_counts, compare_entries, diff_html
from model.reporting.publication import pins
from model.text import html_text, markdown_text

st.title(tr("cmp.title"))
st.markdown(ui.DIFF_CSS, unsafe_allow_html=True)

years = state.year_choices()
if len(years) < 2:  # readers who are not logged in, with one year published: nothing to compare yet
    st.info(tr("cmp.one_year", fy=ui.fy_label(years[0]) if years else "—"))
    st.stop()
fy_names = ui.fy_options(years)
# Defaults: the newest year with entries (for staff, it may be in progress) against the newest published
# year before it, else the year with entries before it, else the year being collected against that year.
reported = state.fiscal_years()
published = sorted(y for y in pins(state.snapshot()) if y in years)
default_b = reported[0] if reported else years[0]
earlier = [y for y in published if y < default_b] or sorted(y for y in reported if y < default_b)
default_a = earlier[-1] if earlier else default_b
if default_a == default_b and len(years) > 1:  # one year with entries: it against the year being collected
    default_a, default_b = default_b, next(y for y in years if y != default_b)
c1, c2, c3 = st.columns([1, 1, 1.3])
with c1:
    year_a = st.selectbox(
        tr("cmp.year_a"), years, index=years.index(default_a), key="cmp_a", format_func=fy_names.__getitem__
    )
with c2:
    year_b = st.selectbox(
        tr("cmp.year_b"), years, index=years.index(default_b), key="cmp_b", format_func=fy_names.__getitem__
    )
with c3:
    ministry = ui.select(
        tr("filter.ministry"), {k: v for k, v in ui.ministry_names().items()}, "cmp_ministry"
    )

if year_a == year_b:
    st.warning(tr("cmp.same_year"))
    st.stop()

for shown_year in sorted({year_a, year_b}):
    ui.provisional_banner(shown_year)
table = compare_entries(state.snapshot(), year_a, year_b)
if ministry is not None:
    table = table[table["ministry_code"] == ministry]
counts = change_counts(table)
kinds = [k for k in CHANGE_KINDS if k != "pending" or counts[k]]
metric_cols = st.columns(len(kinds) + 1)
for col, kind in zip(metric_cols, kinds, strict=False):
    col.metric(tr(f"cmp.{kind}"), counts[kind])
metric_cols[-1].metric(tr("cmp.status_changed"), int(table["status_changed"].sum()))

for fy in (year_a, year_b):
    if state.entries(fy).empty:
        st.info(tr("empty.fy", fy=ui.fy_label(fy)))
if table.empty:
    st.info(tr("cmp.nothing"))
    st.stop()

show = st.pills(
    tr("cmp.show"),
    kinds,
    selection_mode="multi",
    default=[k for k in kinds if k != "unchanged"],
    format_func={k: f"{tr('cmp.' + k)} ({counts[k]})" for k in kinds}.__getitem__,
    key="cmp_show",
)
shown = table[table["change"].isin(show or [])]
st.caption(tr("rows_of", n=len(shown), total=len(table)))
st.markdown(f"<div class='qf-diff'>{tr('cmp.legend')}</div>", unsafe_allow_html=True)

names = ui.ministry_names()
label_a, label_b = ui.fy_label(year_a), ui.fy_label(year_b)
none = "—"


def status_text(value: object) -> str:
    return msg(f"fu.{value}") if isinstance(value, str) and value else none


# A page of rows at a time: a decade of follow-up changes thousands of rows from one year to the next (#12).
first, _ = page_chooser(len(shown), 25, "cmp_page", (year_a, year_b, ministry, tuple(show or [])))
for r in shown.iloc[first : first + 25].to_dict("records"):
    who = names.get(str(r["ministry_code"]), str(r["ministry_code"]))
    status = ""
    if r["status_changed"]:
        status = "　·　" + tr("cmp.status_change", a=status_text(r["status_a"]), b=status_text(r["status_b"]))
    header = (
        f"**{r['action_id']}**　{markdown_text(str(r['title_ja']))}　—　{markdown_text(who)}"
        f"　·　{tr('cmp.' + r['change'])}{status}"
    )
    with st.expander(header, expanded=r["change"] == "changed"):
        if r["baseline"] == "joint":
            st.caption(tr("cmp.against_joint", fy=label_a))
        if r["change"] in ("changed", "unchanged"):
            st.caption(tr("cmp.status_line", a=status_text(r["status_a"]), b=status_text(r["status_b"])))
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
