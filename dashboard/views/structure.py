"""戦略の構造 (secretariat): the strategies' actions and owners as they stand in a fiscal year; assign
owners, retire an action, or change many things from a 構造変更 sheet (checked, previewed, then committed);
the history of every change. The same functions as `python -m model structure …` (model/structure_edits.py).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state, ui
from dashboard.auth import current_user
from dashboard.state import lang, msg
from model import strategy
from model.errors import AppError
from model.followup import structure
from model.structure import Edit
from model.structure_edits import (
    StructureError,
    apply_edits,
    describe,
    read_structure_upload,
    structure_template,
)
from model.text import display_file_name, markdown_text

L = lang()
st.title(msg("st.ui.title"))
user = current_user()
if user is None or not user.is_secretariat:
    st.info(msg("err.auth.secretariat_only", user=markdown_text(user.name) if user else "—"))
    st.stop()
assert user is not None
editor = user  # the secretariat account every write below is made as
store = state.store()
snap = state.snapshot()
strategies = strategy.strategies(snap)
titles = dict(
    zip(strategies["strategy_id"], strategies["title_en" if L == "en" else "title_ja"], strict=True)
)
reg = strategy.registry(snap)
unassigned = msg("st.unassigned")

if "st_done" in st.session_state:  # the message of the write that made this run
    st.success(st.session_state.pop("st_done"))

c1, c2 = st.columns([2, 1])
sid = c1.selectbox(
    msg("st.ui.strategy"),
    list(titles),
    index=len(titles) - 1,
    key="st_strategy",
    format_func=titles.__getitem__,
)
starts = dict(zip(strategies["strategy_id"], strategies["from_fy"], strict=True))
first_fy = max(state.current_collection_year(), int(starts[sid]))  # a strategy is shown from its first year
fy = int(c2.number_input(msg("st.ui.fy"), min_value=2000, max_value=2100, value=first_fy, step=1))
st.caption(msg("st.ui.fy_help", fy=fy))

rows = structure(snap, fy)
rows = rows[rows["strategy_id"] == sid]
live = rows[rows["in_force"]]
owned = [bool(c) for c in live["owner_codes"]]
st.caption(msg("st.ui.counts", n=len(live), owned=sum(owned), unowned=len(live) - sum(owned)))


def force_label(in_force: bool, from_fy: int, until_fy: object) -> str:
    if in_force:
        return "✓"
    if isinstance(until_fy, int | float) and until_fy == until_fy and until_fy <= fy:
        return msg("st.ui.retired_from", fy=int(until_fy))
    return msg("st.ui.starts_from", fy=int(from_fy))


st.dataframe(
    ui.plain_frame(
        pd.DataFrame(
            {
                msg("ui.col.action"): rows["action_id"],
                msg("st.ui.col.title"): rows["title_ja"],
                msg("st.ui.col.owners"): [
                    t if isinstance(t, str) else unassigned for t in rows["ministries_tag"]
                ],
                msg("st.ui.col.in_force"): [
                    "✓" if f else msg("st.ui.retired_from", fy=u)
                    for f, u in zip(rows["in_force"], rows["until_fy"], strict=True)
                ],
            }
        )
    ),
    hide_index=True,
    width="stretch",
    key="st_table",
)

labels = {
    a: f"{a}　{t[:40]}"
    for a, t in zip(
        rows.loc[rows["in_force"], "action_id"], rows.loc[rows["in_force"], "title_ja"], strict=True
    )
}
names = {m.code: f"{m.tag}（{m.label(L)}）" for m in reg}


def record(edits: list[Edit]) -> None:
    """Store the edits; a refusal lists every problem on the page and changes nothing."""
    try:
        version = apply_edits(store, editor, edits, L)
    except StructureError as err:
        for p in err.problems:
            st.error(markdown_text(f"{p.column}: {p.message}"))
    except AppError as err:
        st.error(markdown_text(err.render(L)))
    else:
        state.after_write()
        st.session_state["st_done"] = msg("st.recorded", n=len(edits), version=version)
        st.rerun()


tab_owner, tab_retire, tab_upload, tab_history = st.tabs(
    [msg("st.ui.tab.owners"), msg("st.ui.tab.retire"), msg("st.ui.tab.upload"), msg("st.ui.tab.history")]
)
with tab_owner, st.form("st_owner_form"):
    action = st.selectbox(
        msg("ui.col.action"), list(labels), format_func=labels.__getitem__, key="st_owner_action"
    )
    chosen = st.multiselect(
        msg("st.ui.col.owners"),
        list(names),
        format_func=names.__getitem__,
        key="st_owner_codes",
        placeholder=msg("select.placeholder"),
    )
    from_fy = int(st.number_input(msg("st.ui.from_fy"), 2000, 2100, fy, key="st_owner_fy"))
    reason = st.text_input(msg("st.ui.reason"), key="st_owner_reason")
    if st.form_submit_button(msg("st.ui.assign"), type="primary") and action:
        record([Edit("owners.set", str(action), {"owners": chosen}, from_fy, reason)])

with tab_retire, st.form("st_retire_form"):
    action = st.selectbox(
        msg("ui.col.action"), list(labels), format_func=labels.__getitem__, key="st_retire_action"
    )
    from_fy = int(st.number_input(msg("st.ui.from_fy"), 2000, 2100, fy, key="st_retire_fy"))
    reason = st.text_input(msg("st.ui.reason"), key="st_retire_reason")
    sure = st.checkbox(msg("st.ui.retire_confirm"), key="st_retire_sure")
    if st.form_submit_button(msg("st.ui.retire")) and action:
        if not sure:
            st.warning(msg("st.ui.retire_confirm_needed"))
        else:
            record([Edit("action.retire", str(action), {}, from_fy, reason)])

with tab_upload:
    st.download_button(
        msg("st.ui.template"),
        structure_template(),
        file_name="structure_changes.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="st_template",
        on_click="ignore",
    )
    file = st.file_uploader(msg("st.ui.upload"), type=["xlsx", "xls", "ods"], key="st_upload")
    if file is not None:
        waiting = st.empty()
        up = read_structure_upload(
            snap, file.getvalue(), display_file_name(file.name), L, on_wait=ui.waiting_notice(waiting)
        )
        waiting.empty()
        if up.problems:
            st.error(msg("st.refused", n=len(up.problems), detail=""))
            st.dataframe(
                ui.plain_frame(
                    pd.DataFrame(
                        {
                            msg("st.ui.col.row"): [p.row if p.row is not None else "—" for p in up.problems],
                            msg("st.ui.col.column"): [p.column or "—" for p in up.problems],
                            msg("st.ui.col.problem"): [p.message for p in up.problems],
                        }
                    )
                ),
                hide_index=True,
                width="stretch",
                key="st_problems",
            )
        else:
            st.header(msg("st.ui.preview", n=len(up.edits)))
            for line in (describe(e, L) for e in up.edits):
                st.markdown(f"- {markdown_text(line)}")
            if st.button(msg("st.ui.commit"), type="primary", key="st_commit"):
                record(up.edits)

with tab_history:
    hist = snap.structure_edits()
    if hist.empty:
        st.info(msg("st.ui.no_history"))
    else:
        from model.structure import stored_edits

        edits = stored_edits(snap)
        st.dataframe(
            ui.plain_frame(
                pd.DataFrame(
                    {
                        msg("st.ui.col.when"): [ui.timestamp_label(x) for x in hist["created_at"]],
                        msg("st.ui.col.who"): hist["user_name"],
                        msg("st.ui.col.change"): [describe(e, L) for e in edits],
                        msg("st.ui.reason"): hist["reason"],
                        msg("st.ui.col.version"): hist["change_id"],
                    }
                ).iloc[::-1]
            ),
            hide_index=True,
            width="stretch",
            key="st_history",
        )
