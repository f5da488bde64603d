"""報告のアップロード: template download, upload, every problem listed, preview, commit, history, withdraw.

What ministries sent (texts, file names, values quoted in problems) and user names are shown as text:
tables through `ui.plain_frame`, the problem table (st.table reads Markdown in its cells) and messages
through `model.text.markdown_text`."""

from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import state, ui
from dashboard.auth import current_user, session_id
from dashboard.state import lang, msg
from model.calendar_ja import format_timestamp
from model.errors import AppError
from model.reporting import pending
from model.reporting.commit import (
    UploadRejected,
    commit_upload,
    committed_message,
    row_history,
    submission_history,
    withdraw,
)
from model.reporting.deadlines import deadline_status, status_text
from model.reporting.owners import owned_action_ids
from model.reporting.receipts import receipt_of, receipts
from model.reporting.review import STATES, entry_states
from model.reporting.rounds import list_rounds
from model.reporting.template import issue_template, template_file_name
from model.reporting.upload import Upload, check_upload
from model.strategy import registry
from model.text import markdown_text

L = lang()
st.title(msg("ui.page.upload"))
user = current_user()
if user is None or user.role not in ("secretariat", "editor"):
    st.info(msg("ui.upload.login_first"))
    st.page_link("views/login.py", label=msg("ui.page.login"), icon=":material/login:")
    st.stop()
assert user is not None
store = state.store()
snap = state.snapshot()
ministries = registry(snap)
# A checked file not yet committed, kept for this login (a reload starts a new page session: the
# selections below come back to it once).
sid = session_id()
_KEPT = "up_kept_file"  # (session, the kept file or None): read once a page session, not on every rerun
if sid is not None and st.session_state.get(_KEPT, (None,))[0] != sid:
    st.session_state[_KEPT] = (sid, pending.kept(store, sid, user))
kept = st.session_state[_KEPT][1] if sid is not None else None


def _forget_kept() -> None:
    """The kept file was discarded, replaced or committed: read it again on the next run."""
    st.session_state.pop(_KEPT, None)
    if sid is not None:
        pending.discard(store, sid)


# --- ministry and round -----------------------------------------------------------------------------------
names = {m.code: (m.name_en if L == "en" else m.name_ja) for m in ministries}
if user.is_secretariat:
    if kept is not None and "up_ministry" not in st.session_state and kept.ministry_code in names:
        st.session_state["up_ministry"] = kept.ministry_code
    code = st.selectbox(
        msg("ui.upload.ministry"), list(names), format_func=names.__getitem__, key="up_ministry"
    )
else:
    code = str(user.ministry_code)
    st.markdown(f"**{msg('ui.upload.ministry')}**: {names.get(code, code)}")
rounds = list_rounds(snap)
open_years = sorted(rounds.loc[rounds["status"] == "open", "fiscal_year"].astype(int), reverse=True)
if not open_years:
    st.warning(msg("ui.upload.no_round"))
    st.stop()
if kept is not None and "up_fy" not in st.session_state and kept.fiscal_year in open_years:
    st.session_state["up_fy"] = kept.fiscal_year
fy = st.selectbox(
    msg("ui.upload.fiscal_year"),
    open_years,
    format_func=lambda y: f"{y}年度" if L == "ja" else f"FY{y}",
    key="up_fy",
)


# --- deadline in open days and what is still owed (#11: deadlines, receipts, reminders) -----------------
def _deadline_section(code: str, fy: int) -> None:
    """The round's deadline, the open days left (行政機関の休日 excluded), 「23行中6行報告済み、残り17行」."""
    st.info(status_text(deadline_status(snap, fy, code), L), icon=":material/event:")


_deadline_section(code, int(fy))

# --- what the ministry owes and what was returned ------------------------------------------------------
review = entry_states(snap, int(fy))
review = review[review["ministry_code"] == code]
counts = review["state"].value_counts()
st.caption(
    "　".join(f"{msg(f'rv.state.{s}')} {int(counts.get(s, 0))}" for s in STATES)
    if L == "ja"
    else " · ".join(f"{msg(f'rv.state.{s}')} {int(counts.get(s, 0))}" for s in STATES)
)
returned = review[review["state"] == "returned"]
if not returned.empty:
    st.warning(msg("rv.ui.returned", n=len(returned)))
    ui.table(
        pd.DataFrame(
            {
                msg("ui.col.action"): returned["action_id"],
                msg("rv.ui.comment"): returned["comment"].fillna("—"),
            }
        ),
        key="up_returned",
    )

# --- 1. template ------------------------------------------------------------------------------------------
st.header(msg("ui.upload.step_template"))
st.caption(msg("ui.upload.template_help"))
ministry = ministries.get(code)
if st.button(msg("ui.upload.make_template"), key="make_template"):
    st.session_state["up_template"] = (code, fy, issue_template(store, user, code, int(fy), snap))
    snap = state.after_write()  # the issue record is a new version
made = st.session_state.get("up_template")
if made and made[0] == code and made[1] == fy:
    st.download_button(
        msg("ui.upload.download"),
        data=made[2],
        file_name=template_file_name(ministry, int(fy)),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="download_template",
        icon=":material/download:",
        on_click="ignore",
    )

# --- 2. upload and check ----------------------------------------------------------------------------------
st.header(msg("ui.upload.step_upload"))
# A new key after each commit empties the uploader (the committed file would now read as stale).
_UPLOADER = f"up_file_{st.session_state.get('up_n', 0)}"


def _uploader_changed() -> None:
    """The user chose another file or removed it: the kept one no longer stands for what they check."""
    if st.session_state.get(_UPLOADER) is None:
        _forget_kept()


file = st.file_uploader(
    msg("ui.upload.file"), type=["xlsx", "xls", "ods"], key=_UPLOADER, on_change=_uploader_changed
)
source: tuple[bytes, str] | None = (file.getvalue(), file.name) if file is not None else None
if source is None and kept is not None and kept.ministry_code == code and kept.fiscal_year == int(fy):
    st.info(
        msg("ui.upload.kept", name=markdown_text(kept.file_name), time=format_timestamp(kept.created_at, L)),
        icon=":material/inventory_2:",
    )
    if st.button(msg("ui.upload.discard"), key="discard_kept"):
        _forget_kept()
        st.rerun()
    source = (kept.content, kept.file_name)


def _checked(data: bytes, name: str) -> Upload:
    """Validation of one file for one ministry, kept in the session so that reruns do not redo it."""
    key = (hashlib.sha256(data).hexdigest(), name, code, int(fy), L, snap.version)
    cached = st.session_state.get("up_checked")
    if cached and cached[0] == key:
        return cached[1]  # type: ignore[no-any-return]
    waiting = st.empty()  # said while the file waits for its turn to be parsed (model/reporting/_sheets.py)
    up = check_upload(
        snap, data, name, code, fiscal_year=int(fy), lang=L, user=user, on_wait=ui.waiting_notice(waiting)
    )
    waiting.empty()
    st.session_state["up_checked"] = (key, up)
    return up


def _problems_table(up: Upload) -> pd.DataFrame:
    """The problems for st.table, which renders Markdown in its cells: every cell as text."""
    return pd.DataFrame(
        {
            msg("ui.col.sheet"): [markdown_text(p.sheet) for p in up.problems],
            msg("ui.col.row"): [p.row if p.row is not None else "—" for p in up.problems],
            msg("ui.col.column"): [markdown_text(p.column or "—") for p in up.problems],
            msg("ui.col.problem"): [markdown_text(p.message) for p in up.problems],
        }
    ).astype(str)


def _preview_tables(up: Upload) -> None:
    assert up.preview is not None
    counts = up.preview.counts()
    c1, c2, c3 = st.columns(3)
    c1.metric(msg("ui.preview.added"), counts["added"])
    c2.metric(msg("ui.preview.changed"), counts["changed"])
    c3.metric(msg("ui.preview.unchanged"), counts["unchanged"])
    fu = up.preview.followup
    change_label = {k: msg(f"ui.preview.{k}") for k in ("added", "changed", "unchanged")}
    for kind in ("added", "changed", "unchanged"):
        part = fu[fu["change"] == kind]
        if part.empty:
            continue
        st.markdown(f"**{change_label[kind]}（{len(part)}）**")
        view: dict[str, Any] = {msg("ui.col.action"): part["action_id"]}
        if kind == "changed":
            for col, label in (
                ("status", "ui.col.status"),
                ("progress_ja", "ui.col.progress"),
                ("next_ja", "ui.col.next"),
            ):
                view[f"{msg(label)}（{msg('ui.preview.before')}）"] = part[f"{col}_before"]
                view[f"{msg(label)}（{msg('ui.preview.after')}）"] = part[f"{col}_after"]
        else:
            view[msg("ui.col.status")] = part["status_after"]
            view[msg("ui.col.progress")] = part["progress_ja_after"]
            view[msg("ui.col.next")] = part["next_ja_after"]
        st.dataframe(
            ui.plain_frame(pd.DataFrame(view).fillna("—").astype(str)),
            hide_index=True,
            width="stretch",
            key=f"preview_{kind}",
        )
    if not up.preview.kpi.empty:
        k = up.preview.kpi
        st.markdown(f"**{msg('ui.preview.kpi')}**")
        st.dataframe(
            pd.DataFrame(
                {
                    msg("ui.col.goal"): k["goal_id"],
                    msg("ui.col.date"): k["date"],
                    msg("ui.col.change"): k["change"].map(change_label),
                    msg("ui.preview.before"): k["value_before"],
                    msg("ui.preview.after"): k["value_after"],
                }
            )
            .fillna("—")
            .astype(str),
            hide_index=True,
            width="stretch",
            key="preview_kpi",
        )


if source is not None:
    up = _checked(*source)
    if up.ok and file is not None and sid is not None:
        _keep_key = (sid, hashlib.sha256(source[0]).hexdigest(), source[1], code, int(fy))
        if st.session_state.get("up_kept") != _keep_key:  # once per file, not on every rerun
            pending.keep(store, sid, user, code, int(fy), source[1], source[0])
            st.session_state["up_kept"] = _keep_key
            st.session_state.pop(_KEPT, None)
    if not up.ok:
        st.error(msg("up.rejected", n=len(up.problems)))
        # st.table, not st.dataframe: long Japanese messages wrap, and the text is selectable.
        st.table(_problems_table(up).set_index(msg("ui.col.sheet")))
    else:
        st.success(msg("ui.upload.valid"))
        st.header(msg("ui.upload.step_preview"))
        _preview_tables(up)
        if st.button(msg("ui.upload.commit"), type="primary", key="commit"):
            try:
                outcome = commit_upload(store, up, user)
            except UploadRejected as rejected:
                st.error(msg("up.rejected", n=len(rejected.problems)))
                up.problems = rejected.problems
                st.table(_problems_table(up).set_index(msg("ui.col.sheet")))
            except AppError as err:
                st.error(markdown_text(err.render(L)))
            else:
                snap = state.after_write()
                st.session_state.pop("up_checked", None)
                _forget_kept()
                st.session_state["up_done"] = committed_message(outcome, L)
                if outcome.submission_id is not None:  # the receipt number (受付番号) the ministry keeps
                    receipt = receipt_of(snap, outcome.submission_id)
                    st.session_state["up_done"] += " " + msg("rm.receipt", receipt=receipt)
                st.session_state["up_n"] = st.session_state.get("up_n", 0) + 1
                st.rerun()
if st.session_state.get("up_done"):
    st.success(st.session_state["up_done"])

# --- history and withdrawal -------------------------------------------------------------------------------
st.header(msg("ui.upload.history"))
hist = submission_history(snap, code)
if hist.empty:
    st.caption(msg("ui.upload.no_history"))
else:
    view = pd.DataFrame(
        {
            "#": hist["id"].astype(int),
            msg("rm.col.receipt"): receipts(hist),
            msg("ui.col.kind"): hist["kind"].map(lambda k: msg(f"ui.kind.{k}")),
            msg("ui.col.fy"): hist["fiscal_year"].map(lambda y: "" if pd.isna(y) else str(int(y))),
            msg("ui.col.user"): hist["user_name"],
            msg("ui.col.time"): hist["created_at"].map(lambda ts: format_timestamp(ts, L)),  # Japan time
            msg("ui.col.file"): hist["file_name"].fillna(""),
            # counts are whole numbers ("10", not "10.0"); none recorded is "—"
            msg("ui.preview.added"): hist["n_added"].map(lambda n: "—" if pd.isna(n) else str(int(n))),
            msg("ui.preview.changed"): hist["n_changed"].map(lambda n: "—" if pd.isna(n) else str(int(n))),
            msg("ui.col.outcome"): hist["outcome"].map(lambda o: msg(f"ui.outcome.{o}")),
        }
    )
    st.dataframe(ui.plain_frame(view.astype(str)), hide_index=True, width="stretch", key="history")
    live = hist[(hist["kind"] == "upload") & (hist["outcome"] == "committed")]["id"].astype(int).tolist()
    if live:
        with st.form("withdraw"):
            target = st.selectbox(msg("ui.upload.withdraw_which"), live, key="withdraw_id")
            note = st.text_input(msg("ui.upload.withdraw_note"), key="withdraw_note")
            sure = st.checkbox(msg("conf.withdraw"), key="withdraw_sure")
            submitted = st.form_submit_button(msg("ui.upload.withdraw"))
            if submitted and not sure:
                st.warning(msg("conf.withdraw_needed"))
            elif submitted:
                try:
                    done = withdraw(store, int(target), user, note or None)
                except AppError as err:
                    st.error(markdown_text(err.render(L)))
                else:
                    snap = state.after_write()
                    st.session_state["up_done"] = msg(
                        "withdraw.done", id=target, new=done.submission_id, n=done.added + done.changed
                    )
                    st.rerun()

# --- one row's versions -----------------------------------------------------------------------------------
with st.expander(msg("ui.upload.row_history")):
    action = st.selectbox(
        msg("ui.col.action"), sorted(owned_action_ids(snap, code)), key="row_history_action"
    )
    versions = row_history(snap, str(action), ministry_code=code)
    if versions.empty:
        st.caption(msg("ui.upload.no_history"))
    else:
        st.dataframe(
            ui.plain_frame(
                pd.DataFrame(
                    {
                        "#": versions["submission_id"].astype(int),
                        msg("ui.col.fy"): versions["fiscal_year"].astype(int),
                        msg("ui.col.status"): versions["status"].fillna("—"),
                        msg("ui.col.progress"): versions["progress_ja"].fillna(""),
                        msg("ui.col.next"): versions["next_ja"].fillna(""),
                        msg("ui.col.user"): versions["user_name"],
                        msg("ui.col.outcome"): versions["deleted"].map(
                            lambda d: msg("ui.upload.deleted") if d else ""
                        ),
                    }
                ).astype(str)
            ),
            hide_index=True,
            width="stretch",
            key="row_history",
        )
