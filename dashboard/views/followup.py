"""フォローアップ表 Follow-up table: the published layout (取組 / 進捗 / 次年度以降の取組), grouped pillar →
sub-area with its ＜目標＞ and the owners in 【…】; filters, full-text search, 再掲 links, version history.
The bullets are what ministries wrote: shown as text (model.text.html_text), never as Markdown or HTML."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import state, ui
from dashboard.paging import page_chooser
from dashboard.state import lang, msg, tr
from model import followup
from model.followup import (
    FU_STATUSES,
    NO_STATUS,
    Filters,
    filter_entries,
    is_repeat,
    relatives,
    split_bullets,
)
from model.text import html_text

L = lang()
st.title(tr("fu.title"))

years = state.year_choices()
names = ui.ministry_names()
strategies = ui.strategy_names()
unassigned = msg("st.unassigned")
ALL_YEARS = 0  # the fiscal-year choice meaning every year (search over the whole set)
PER_PAGE = (10, 25, 50, 100)

# Every filter lives in the URL (?strategy=industry-2023&ministry=MEXT&fy=2025&q=…&page=2): a filtered view
# can be bookmarked and shared. A value from the URL is taken when the page opens (when it is one of the
# choices); the widgets write theirs back on every run.
PARAMS = {
    "strategy": "fu_strategy",
    "pillar": "fu_pillar",
    "area": "fu_area",
    "ministry": "fu_ministry",
    "fy": "fu_fy",
    "status": "fu_status",
    "q": "fu_query",
    "view": "fu_view",
    "per": "fu_per_page",
    "page": "fu_page",
}


def from_url(param: str, choices: Iterable[Any]) -> None:
    """Set the widget's state from the URL when the page opens with a valid value for it."""
    key, raw = PARAMS[param], st.query_params.get(param)
    if key in st.session_state or raw is None:
        return
    for choice in choices:
        if str(choice) == raw:
            st.session_state[key] = choice
            return


def to_url(param: str, value: Any, default: Any = None) -> None:
    if value is None or value == default or value == "":
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = str(value)


c0, c1, c2, c3 = st.columns([1.3, 1, 1, 1])
with c0:
    from_url("strategy", strategies)
    strategy_id = ui.select(msg("st.ui.filter"), strategies, "fu_strategy")
with c1:
    pillars = ui.pillar_names(strategy_id)
    from_url("pillar", pillars)
    pillar = ui.select(tr("filter.pillar"), pillars, "fu_pillar")
with c2:
    areas = ui.area_names(pillar, strategy_id)
    from_url("area", areas)
    area = ui.select(tr("filter.area"), areas, "fu_area")
with c3:
    ministries = {k: v for k, v in names.items() if k != "JOINT"}
    from_url("ministry", ministries)
    ministry = ui.select(tr("filter.ministry"), ministries, "fu_ministry")
c4, c5, c6 = st.columns([1, 1, 2])
with c4:
    default_fy = state.as_of_fiscal_year()
    fy_labels = {**ui.fy_options(years), ALL_YEARS: msg("fux.all_years")}
    from_url("fy", fy_labels)
    choice_fy = st.selectbox(
        tr("filter.fy"),
        list(fy_labels),
        index=years.index(default_fy) if default_fy in years else 0,
        key="fu_fy",
        format_func=fy_labels.__getitem__,
    )
    fy = None if choice_fy == ALL_YEARS else choice_fy
with c5:
    statuses = {s: msg(f"fu.{s}") for s in [*FU_STATUSES, NO_STATUS]}
    from_url("status", statuses)
    status = ui.select(tr("filter.status"), statuses, "fu_status")
with c6:
    if "fu_query" not in st.session_state and st.query_params.get("q"):
        st.session_state["fu_query"] = st.query_params["q"][:200]
    query = st.text_input(
        tr("filter.search"), key="fu_query", placeholder=tr("filter.search_ph"), max_chars=200
    )
for param, value in (
    ("strategy", strategy_id),
    ("pillar", pillar),
    ("area", area),
    ("ministry", ministry),
    ("status", status),
    ("q", query.strip()),
):
    to_url(param, value)
to_url("fy", choice_fy, default_fy)
st.caption(msg("fux.shared"))

year_entries = state.entries(fy)
ui.provisional_banner(fy)
shown = filter_entries(
    year_entries,
    Filters(
        strategy=strategy_id,
        pillar=pillar,
        area=area,
        ministry=ministry,
        fiscal_year=fy,
        status=status,
        query=query,
    ),
    state.owners(),
    followup.search_text(state.snapshot(), fy),
)
st.caption(tr("rows_of", n=len(shown), total=len(year_entries)))

if year_entries.empty:
    st.info(tr("empty.fy", fy=ui.fy_label(fy)))
    st.stop()
if shown.empty:
    st.info(tr("empty.filter"))
    st.stop()

# In the strategies' order (an action added by the secretariat sits in its sub-area, not at the end).
area_rank = {a: i for i, a in enumerate(dict.fromkeys(state.structure()["area_id"]))}
shown = shown.assign(_area=shown["area_id"].map(area_rank)).sort_values(
    ["_area", "order", "fiscal_year", "ministry_code"], kind="stable"
)
views = {"cards": msg("fux.view.cards"), "table": tr("fu.list", n=len(shown))}
from_url("view", views)
view = st.radio(msg("fux.view"), list(views), key="fu_view", format_func=views.__getitem__, horizontal=True)
to_url("view", view, "cards")

if view == "table":
    # Every matching row at once: st.dataframe draws only the rows in sight (virtualised), however many.
    st.dataframe(
        ui.plain_frame(
            pd.DataFrame(
                {
                    tr("col.action_id"): shown["action_id"],
                    tr("col.area"): shown["area_id"],
                    tr("col.action"): shown["title_ja"],
                    tr("col.fy"): shown["fiscal_year"].map(ui.fy_options(sorted(set(shown["fiscal_year"])))),
                    tr("col.ministry"): shown["ministry_code"].map(lambda m: names.get(m, m)),
                    tr("col.status"): shown["status_key"].map(statuses),
                    tr("col.progress"): shown["progress_ja"],
                    tr("col.next"): shown["next_ja"],
                }
            )
        ),
        hide_index=True,
        width="stretch",
        height=600,
        key="fu_table",
    )
    st.stop()

# Cards, a page of actions at a time.
action_ids = list(dict.fromkeys(shown["action_id"]))
p1, p2, _ = st.columns([1, 1, 2])
with p1:
    from_url("per", PER_PAGE)
    per_page = st.selectbox(msg("fux.per_page"), PER_PAGE, index=1, key="fu_per_page")
to_url("per", per_page, PER_PAGE[1])
with p2:
    from_url("page", range(1, len(action_ids) // per_page + 2))
    first, page_no = page_chooser(
        len(action_ids),
        per_page,
        "fu_page",
        (strategy_id, pillar, area, ministry, choice_fy, status, query, per_page),
    )
to_url("page", page_no, 1)
on_page = action_ids[first : first + per_page]
page_rows = shown[shown["action_id"].isin(set(on_page))]

links = followup.year_repeat_links(state.snapshot(), fy)
visible = set(page_rows["action_id"])
titles = state.structure().set_index("action_id")["title_ja"]


def bullets_html(text: object, key: tuple[str, int, str], column: str) -> str:
    """The ○ bullets of one cell, as text; a （再掲） bullet gets a link to the action it repeats. One HTML
    block (it starts with <p> and holds no line break), so that nothing in it is read as Markdown."""
    items = split_bullets(text if isinstance(text, str) else None)
    if not items:
        return f"<span style='color:#6b7280'>{tr('fu.no_text')}</span>"
    out = []
    for i, b in enumerate(items):
        body = html_text(b)
        original = links.get((*key, column, i)) if is_repeat(b) else None
        if original is not None:
            label = tr("fu.repeat_link", action=f"{original} {titles.get(original, '')[:24]}")
            if original in visible:
                body += f"<br><a href='#act-{original}' class='qf-repeat'>{html.escape(label)}</a>"
            else:
                hidden = html.escape(tr("fu.repeat_hidden", action=original))
                body += f"<br><span class='qf-repeat'>{hidden}</span>"
        out.append(f"<p class='qf-bullet'>{body}</p>")
    return "".join(out)


st.markdown(
    """<style>
.qf-bullet { margin: 0 0 .45rem 0; line-height: 1.6; font-size: .93rem; }
.qf-repeat { font-size: .85rem; color: #1f4e79; }
.qf-goal { background: #f3f6fa; border-left: 4px solid #1f4e79; padding: .4rem .7rem;
  margin: .2rem 0 .8rem 0; }
.qf-head { font-weight: 700; color: #374151; border-bottom: 2px solid #d1d5db; padding-bottom: .2rem; }
</style>""",
    unsafe_allow_html=True,
)


def relatives_html(action_id: str) -> str:
    """The action's relatives in other strategies (the crosswalk), each with its entries this year."""
    items = []
    for r in related.get(action_id, []):
        how = msg(f"st.ui.relation.{r['relation']}")
        label = f"{r['action_id']} {str(r['title_ja'])[:30]}（{how}・{msg('st.ui.entries', n=r['entries'])}）"
        target = str(r["action_id"])
        text = html.escape(label)
        items.append(f"<a href='#act-{target}'>{text}</a>" if target in visible else text)
    if not items:
        return ""
    return f"<br><small>{html.escape(msg('st.ui.related'))}: {'、'.join(items)}</small>"


def grouped(
    rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], Any]
) -> list[tuple[Any, list[dict[str, Any]]]]:
    """Rows grouped by `key` in the order each key first appears (as groupby(sort=False)), on plain
    records: a page's frame is converted once, not once per action (a re-run's main cost at scale)."""
    groups: dict[Any, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(key(r), []).append(r)
    return list(groups.items())


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def render_area(area_id: str, agoal: object, by_area: list[dict[str, Any]]) -> None:
    """One sub-area: its label, ＜目標＞, the column heads and each action with its entries."""
    label = area_labels.get(area_id, "")
    if label and label != pillar_labels.get(int(str(by_area[0]["pillar_id"]))):
        st.subheader(label)
    if isinstance(agoal, str):
        st.markdown(
            f"<div class='qf-goal'>{html.escape(tr('fu.goal'))} {html.escape(agoal)}</div>",
            unsafe_allow_html=True,
        )
    h1, h2, h3 = st.columns([1.1, 2, 2])
    h1.markdown(f"<div class='qf-head'>{tr('col.action')}</div>", unsafe_allow_html=True)
    h2.markdown(f"<div class='qf-head'>{tr('col.progress')}</div>", unsafe_allow_html=True)
    h3.markdown(f"<div class='qf-head'>{tr('col.next')}</div>", unsafe_allow_html=True)
    group = None
    for action_id, by_action in grouped(by_area, lambda r: r["action_id"]):
        first = by_action[0]
        if isinstance(first["group_ja"], str) and first["group_ja"] != group:
            group = first["group_ja"]
            st.markdown(f"**&lt;{html.escape(group)}&gt;**", unsafe_allow_html=True)
        with st.container(border=True):
            for n, r in enumerate(by_action):
                a, b, c = st.columns([1.1, 2, 2])
                if n == 0:
                    parent = (
                        f"<small style='color:#6b7280'>{html.escape(first['parent_title_ja'])}</small><br>"
                        if isinstance(first["parent_title_ja"], str)
                        else ""
                    )
                    sub = f"{first['sub_label']} " if isinstance(first["sub_label"], str) else ""
                    tag = first["ministries_tag"] if isinstance(first["ministries_tag"], str) else unassigned
                    a.markdown(
                        f"<span id='act-{action_id}'></span><small>{action_id}</small><br>{parent}"
                        f"<b>{sub}{html.escape(str(first['title_ja']))}</b><br>"
                        f"【{html.escape(tag)}】{relatives_html(str(action_id))}",
                        unsafe_allow_html=True,
                    )
                with a:
                    who = names.get(str(r["ministry_code"]), str(r["ministry_code"]))
                    st.caption(f"{ui.fy_label(r['fiscal_year'])}{'・' if L == 'ja' else ' · '}{who}")
                    ui.status_badge("fu", str(r["status_key"]))
                key = (str(action_id), int(r["fiscal_year"]), str(r["ministry_code"]))
                b.markdown(bullets_html(r["progress_ja"], key, "progress_ja"), unsafe_allow_html=True)
                c.markdown(bullets_html(r["next_ja"], key, "next_ja"), unsafe_allow_html=True)


pillar_labels = ui.pillar_names()
area_labels = ui.area_names()
related = relatives(state.snapshot(), fy)
page_records: list[dict[str, Any]] = [{str(k): v for k, v in r.items()} for r in page_rows.to_dict("records")]
several = page_rows["strategy_id"].nunique() > 1
for sid, by_strategy in grouped(page_records, lambda r: r["strategy_id"]):
    if several:
        st.markdown(f"### {html.escape(strategies.get(str(sid), str(sid)))}")
    for pid, by_pillar in grouped(by_strategy, lambda r: r["pillar_id"]):
        st.header(pillar_labels[int(str(pid))], divider="gray")
        for (aid, agoal), by_area in grouped(
            by_pillar, lambda r: (r["area_id"], _text_or_none(r["area_goal_ja"]))
        ):
            render_area(str(aid), agoal, by_area)

# --- one entry's versions on demand --------------------------------------------------
st.subheader(tr("fu.history"))
choices = {"": tr("fu.history_none")}
for r in page_records:
    who = names.get(str(r["ministry_code"]), str(r["ministry_code"]))
    choices[f"{r['action_id']}|{r['fiscal_year']}|{r['ministry_code']}"] = (
        f"{r['action_id']}　{ui.fy_label(r['fiscal_year'])}　{who}"
    )
pick = st.selectbox(
    tr("fu.history_pick"),
    list(choices),
    key="fu_history_pick",
    format_func=choices.__getitem__,
    help=msg("fux.history_help"),
)
if pick:
    action_id, year, code = pick.split("|")
    hist = state.history("followup", action_id=action_id, fiscal_year=int(year), ministry_code=code)
    st.dataframe(
        ui.plain_frame(
            pd.DataFrame(
                {
                    tr("col.version"): range(1, len(hist) + 1),
                    tr("col.submitted_at"): [ui.timestamp_label(x) for x in hist["created_at"]],
                    tr("col.submitted_by"): hist["user_name"],
                    tr("col.submission"): hist["submission_id"],
                    tr("col.status"): [
                        msg(f"fu.{s}") if isinstance(s, str) and s else msg("fu.none") for s in hist["status"]
                    ],
                    tr("col.deleted"): hist["deleted"].map({True: "✓", False: ""}),
                    tr("col.progress"): hist["progress_ja"],
                    tr("col.next"): hist["next_ja"],
                }
            )
        ),
        hide_index=True,
        width="stretch",
        key="fu_history",
    )
