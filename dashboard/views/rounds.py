"""受付管理 (secretariat): open and close rounds, who owes what, the secretariat's assessment per entry."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import state, ui
from dashboard.auth import current_user
from dashboard.state import lang, msg
from model.calendar_ja import format_date, format_timestamp
from model.errors import AppError
from model.reporting.assessments import assess, followup_with_assessments
from model.reporting.deadlines import OWED_STATES, days_left_text, deadline_board
from model.reporting.mail import SmtpSettings, smtp_settings
from model.reporting.publication import publish, readiness, status_rows
from model.reporting.reminders import (
    contacts,
    error_text,
    list_file,
    plan,
    reminder_history,
    reminder_list,
    result_text,
    send_reminders,
    set_contact,
)
from model.reporting.review import STATES, Decision, decide, entry_states, state_counts
from model.reporting.rounds import close_round, list_rounds, open_round, round_progress
from model.schemas import FOLLOWUP_STATUSES
from model.strategy import registry
from model.text import markdown_text

L = lang()


def fu_label(status: object) -> str:
    """A follow-up status in the interface language (the stored value is the Japanese word)."""
    return msg(f"fu.{status}") if isinstance(status, str) and status else "—"


st.title(msg("ui.page.rounds"))
user = current_user()
if user is None or not user.is_secretariat:
    st.info(msg("err.auth.secretariat_only", user=markdown_text(user.name) if user else "—"))
    st.stop()
assert user is not None
store = state.store()
snap = state.snapshot()
if "rounds_done" in st.session_state:
    st.success(st.session_state.pop("rounds_done"))


# --- deadlines, receipts and reminders (#11): the board's columns and the 督促 section -------------------
def _deadline_columns(codes: list[str], year: int) -> dict[str, list[str]]:
    """The board's deadline, open days left and each ministry's last submission (Japan time, receipt)."""
    by_code = {r["ministry_code"]: r for r in deadline_board(snap, year).to_dict("records")}
    rows = [by_code.get(c) for c in codes]

    def left(r: dict[Any, Any]) -> str:
        days = r["days_left"]
        return days_left_text(None if pd.isna(days) else int(days), bool(r["past"]), L)

    return {
        msg("rm.col.deadline"): [format_date(r["deadline"], L) if r else "—" for r in rows],
        msg("rm.col.days_left"): [left(r) if r else "—" for r in rows],
        msg("rm.col.last_submission"): [
            format_timestamp(r["last_submitted_at"], L) if r else "—" for r in rows
        ],
        msg("rm.col.receipt"): [
            "—" if not r or pd.isna(r["last_receipt"]) else str(r["last_receipt"]) for r in rows
        ],
    }


def _smtp() -> SmtpSettings | None:
    try:
        return smtp_settings()
    except AppError as err:  # a wrong setting is named; the list still works
        st.error(markdown_text(err.render(L)))
        return None


def _reminders_section(year: int) -> None:
    """督促: who owes rows (未提出・差戻し), the list to download, e-mails after a confirmation, the history,
    and the ministries' contact addresses."""
    st.header(msg("rm.ui.section"))
    reminders = plan(snap, year)
    if not reminders:
        st.caption(msg("rm.ui.nothing_owed"))
    else:
        st.markdown(msg("rm.ui.list", n=len(reminders), rows=sum(len(r.rows) for r in reminders)))
        st.dataframe(
            ui.plain_frame(
                pd.DataFrame(
                    {
                        msg("rm.col.ministry"): [r.ministry(L) for r in reminders],
                        msg("rm.col.contact"): [
                            ", ".join(r.recipients) or msg("rm.no_contact") for r in reminders
                        ],
                    }
                    | {
                        msg(f"rv.state.{s}"): [sum(x.state == s for x in r.rows) for r in reminders]
                        for s in OWED_STATES
                    }
                )
            ),
            hide_index=True,
            width="stretch",
            key="remind_summary",
        )
        with st.expander(msg("rm.ui.rows")):
            st.dataframe(
                ui.plain_frame(reminder_list(reminders, L)),
                hide_index=True,
                width="stretch",
                key="remind_list",
            )
        c1, c2 = st.columns(2)
        name = f"reminders_{year}"
        c1.download_button(
            msg("rm.ui.download_csv"),
            data=list_file(reminders, "csv", L),
            file_name=f"{name}.csv",
            mime="text/csv",
            key="remind_csv",
            icon=":material/download:",
            on_click="ignore",
        )
        c2.download_button(
            msg("rm.ui.download_xlsx"),
            data=list_file(reminders, "xlsx", L),
            file_name=f"{name}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="remind_xlsx",
            icon=":material/download:",
            on_click="ignore",
        )
        settings = _smtp()
        if settings is None:
            st.info(msg("rm.ui.smtp_off"))
        else:
            st.caption(
                markdown_text(
                    msg(
                        "rm.ui.smtp_on",
                        host=settings.host,
                        port=settings.port,
                        security=settings.security,
                        sender=settings.sender,
                    )
                )
            )
            with st.form("remind_form"):
                sure = st.checkbox(msg("rm.ui.confirm", n=len(reminders)), key="remind_sure")
                if st.form_submit_button(msg("rm.ui.send"), type="primary"):
                    if not sure:
                        st.warning(msg("rm.ui.confirm_needed"))
                    else:
                        _send(year, settings)
    _contacts_form()
    _reminder_history(year)


def _send(year: int, settings: SmtpSettings) -> None:
    assert user is not None
    try:
        results = send_reminders(store, user, year, settings)
    except AppError as err:
        st.error(markdown_text(err.render(L)))
        return
    after = state.after_write()
    sent = sum(r.sent for r in results)
    lines = [msg("rm.ui.done", sent=sent, failed=len(results) - sent)]
    lines += [markdown_text(result_text(r, after, L)) for r in results]
    st.session_state["rounds_done"] = "\n\n".join(lines)
    st.rerun()


def _contacts_form() -> None:
    """The secretariat's contact addresses per ministry (the write door: model/reporting/reminders.py)."""
    with st.expander(msg("rm.ui.contacts")):
        known = contacts(snap)
        names = {m.code: m.label(L) for m in registry(snap)}
        st.dataframe(
            ui.plain_frame(
                pd.DataFrame(
                    {
                        msg("rm.col.ministry"): list(names.values()),
                        msg("rm.col.contact"): [", ".join(known.get(c, ())) or "—" for c in names],
                    }
                )
            ),
            hide_index=True,
            width="stretch",
            key="contacts_table",
        )
        code = st.selectbox(
            msg("rm.ui.contact_ministry"), list(names), format_func=names.__getitem__, key="contact_ministry"
        )
        with st.form("contact_form"):
            text = st.text_input(
                msg("rm.ui.contact_addresses"), value=", ".join(known.get(code, ())), key=f"contact_{code}"
            )
            if st.form_submit_button(msg("rm.ui.contact_save")):
                assert user is not None
                try:
                    saved = set_contact(store, user, code, text)
                except AppError as err:
                    st.error(markdown_text(err.render(L)))
                else:
                    state.after_write()
                    st.session_state["rounds_done"] = msg(
                        "rm.ui.contact_saved", ministry=names[code], n=len(saved)
                    )
                    st.rerun()


def _reminder_history(year: int) -> None:
    st.markdown(f"**{msg('rm.ui.history')}**")
    history = reminder_history(snap, year)
    if history.empty:
        st.caption(msg("rm.ui.no_history"))
        return
    names = {m.code: m.label(L) for m in registry(snap)}
    st.dataframe(
        ui.plain_frame(
            pd.DataFrame(
                {
                    msg("rm.col.time"): [format_timestamp(ts, L) for ts in history["created_at"]],
                    msg("rm.col.user"): history["user_name"],
                    msg("rm.col.ministry"): [names.get(c, c) for c in history["ministry_code"]],
                    msg("rm.col.recipients"): history["recipients"].str.replace(",", ", ").replace("", "—"),
                    msg("rm.col.rows"): history["n_rows"].astype(int),
                    msg("rm.col.outcome"): [msg(f"rm.outcome.{o}") for o in history["outcome"]],
                    msg("rm.col.error"): [
                        error_text(e, d, L)
                        for e, d in zip(history["error"], history["error_detail"], strict=True)
                    ],
                }
            ).astype(str)
        ),
        hide_index=True,
        width="stretch",
        key="remind_history",
    )


rounds = list_rounds(snap)
if not rounds.empty:
    st.dataframe(
        pd.DataFrame(
            {
                msg("ui.col.fy"): rounds["fiscal_year"].astype(int).astype(str),
                msg("ui.col.round_status"): rounds["status"].map(lambda s: msg(f"ui.round_status.{s}")),
                msg("ui.col.deadline"): rounds["deadline"]
                .astype(str)
                .replace({"None": "—", "NaT": "—", "nan": "—"}),
                msg("ui.col.user"): rounds["opened_by"],
            }
        ),
        hide_index=True,
        width="stretch",
        key="rounds_table",
    )

with st.form("round_form"):
    c1, c2 = st.columns(2)
    fy = int(
        c1.number_input(
            msg("ui.col.fy"), min_value=2019, max_value=2100, value=state.current_collection_year(), step=1
        )
    )
    deadline = c2.date_input(msg("ui.col.deadline"), value=None, min_value=dt.date(2019, 1, 1))
    close_sure = st.checkbox(msg("conf.close_round"), key="round_close_sure")
    b1, b2 = st.columns(2)
    do_open = b1.form_submit_button(msg("ui.round.open"), type="primary")
    do_close = b2.form_submit_button(msg("ui.round.close"))
    if do_close and not close_sure:
        st.warning(msg("conf.close_needed"))
    elif do_open or do_close:
        try:
            if do_open:
                open_round(store, fy, user, deadline if isinstance(deadline, dt.date) else None)
                done = msg("round.opened", fy=fy)
            else:
                close_round(store, fy, user)
                done = msg("round.closed", fy=fy)
        except AppError as err:
            st.error(markdown_text(err.render(L)))
        else:
            state.after_write()
            st.session_state["rounds_done"] = done  # shown after the rerun (a message before it is lost)
            st.rerun()

years = rounds["fiscal_year"].astype(int).tolist() if not rounds.empty else []
if years:
    year = st.selectbox(msg("ui.col.fy"), sorted(years, reverse=True), key="progress_year")
    progress = round_progress(snap, int(year))
    st.header(msg("ui.round.progress"))
    st.dataframe(
        pd.DataFrame(
            {
                msg("ui.upload.ministry"): progress["name_en" if L == "en" else "name_ja"],
                msg("ui.round.owed"): progress["owed"],
                msg("ui.round.arrived"): progress["arrived"],
                msg("ui.round.missing"): progress["missing"].map(lambda m: ", ".join(m) or "—"),
            }
        ),
        hide_index=True,
        width="stretch",
        key="progress_table",
    )

    st.header(msg("rv.ui.board"))
    board = state_counts(snap, int(year))
    names_all = ui.ministry_names()
    st.dataframe(
        pd.DataFrame(
            {msg("ui.upload.ministry"): [names_all.get(c, c) for c in board["ministry_code"]]}
            | {msg(f"rv.state.{s}"): board[s].astype(int) for s in STATES}
            | _deadline_columns(board["ministry_code"].tolist(), int(year))
        ),
        hide_index=True,
        width="stretch",
        key="review_board",
    )
    states = entry_states(snap, int(year))
    open_rows = states[states["state"].isin(["submitted", "resubmitted"])]
    if not open_rows.empty:
        titles_all = dict(zip(state.structure()["action_id"], state.structure()["title_ja"], strict=False))
        pick_labels = {
            f"{a}|{m}": f"{a} {titles_all.get(a, '')[:30]} — {names_all.get(m, m)}"
            for a, m in zip(open_rows["action_id"], open_rows["ministry_code"], strict=True)
        }
        with st.form("review_form"):
            picked = st.multiselect(
                msg("rv.ui.pick"),
                list(pick_labels),
                format_func=pick_labels.__getitem__,
                key="review_pick",
                placeholder=msg("select.placeholder"),
            )
            comment = st.text_area(msg("rv.ui.comment"), key="review_comment")
            sure = st.checkbox(msg("rv.ui.confirm"), key="review_sure")
            b1, b2 = st.columns(2)
            do_return = b1.form_submit_button(msg("rv.ui.return"))
            do_accept = b2.form_submit_button(msg("rv.ui.accept"), type="primary")
            if (do_return or do_accept) and picked:
                if not sure:
                    st.warning(msg("st.ui.retire_confirm_needed"))
                else:
                    decision = "returned" if do_return else "accepted"
                    rows = [Decision(k.split("|")[0], k.split("|")[1], comment) for k in picked]
                    try:
                        version = decide(store, user, int(year), decision, rows)
                    except AppError as err:
                        st.error(markdown_text(err.render(L)))
                    else:
                        state.after_write()
                        st.session_state["rounds_done"] = msg(
                            f"rv.done.{decision}", n=len(rows), version=version
                        )
                        st.rerun()

    _reminders_section(int(year))

    st.header(msg("ui.assess.title"))
    entries = followup_with_assessments(snap, int(year))
    entries = entries[entries["ministry_code"] != "JOINT"]
    if entries.empty:
        st.caption(msg("ui.upload.no_history"))
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    msg("ui.col.action"): entries["action_id"],
                    msg("ui.upload.ministry"): [names_all.get(c, c) for c in entries["ministry_code"]],
                    msg("ui.assess.reported"): [fu_label(s) for s in entries["status"]],
                    msg("ui.assess.assessed"): [fu_label(s) for s in entries["assessed_status"]],
                    msg("ui.assess.comment"): entries["assessed_comment"].fillna(""),
                }
            ).astype(str),
            hide_index=True,
            width="stretch",
            key="assess_table",
        )
        keys = [f"{a}|{m}" for a, m in zip(entries["action_id"], entries["ministry_code"], strict=True)]
        # The entry is picked by what a reader knows: the action's id and title and the ministry's name.
        names = ui.ministry_names()
        titles = dict(zip(state.structure()["action_id"], state.structure()["title_ja"], strict=False))
        labels = {
            k: f"{a} {titles.get(a, '')} — {names.get(m, m)}"
            for k, a, m in zip(keys, entries["action_id"], entries["ministry_code"], strict=True)
        }
        with st.form("assess_form"):
            entry = st.selectbox(
                msg("ui.assess.entry"), keys, key="assess_entry", format_func=labels.__getitem__
            )
            status = st.selectbox(
                msg("ui.assess.assessed"),
                ["", *FOLLOWUP_STATUSES],
                key="assess_status",
                format_func=lambda s: fu_label(s) if s else "—",
            )
            comment = st.text_area(msg("ui.assess.comment"), key="assess_comment")
            if st.form_submit_button(msg("ui.assess.save")):
                action_id, code = str(entry).split("|")
                try:
                    version = assess(
                        store,
                        user,
                        action_id=action_id,
                        fiscal_year=int(year),
                        ministry_code=code,
                        status=status or None,
                        comment=comment,
                    )
                except AppError as err:
                    st.error(markdown_text(err.render(L)))
                else:
                    state.after_write()
                    st.session_state["rounds_done"] = msg(
                        "conf.assess_saved", action=action_id, ministry=names.get(code, code), version=version
                    )
                    st.rerun()


# --- publication (公表) ------------------------------------------------------------------------------------
st.header(msg("pub.ui.title"))
st.caption(msg("pub.ui.help"))
pub_years = sorted({*state.fiscal_years(), *years}, reverse=True)
pub = status_rows(snap, pub_years)
if not pub.empty:
    st.dataframe(
        pd.DataFrame(
            {
                msg("pub.col.fiscal_year"): [ui.fy_label(y) for y in pub["fiscal_year"]],
                msg("pub.col.state"): [msg(f"pub.state.{s}") for s in pub["state"]],
                msg("pub.col.accepted"): [
                    f"{a} / {r}" for a, r in zip(pub["accepted"], pub["rows"], strict=True)
                ],
                msg("pub.col.publications"): pub["publications"].astype(int),
                msg("pub.col.pinned_version"): [
                    "—" if pd.isna(v) else str(int(v)) for v in pub["pinned_version"]
                ],
                msg("pub.col.published_at"): [
                    msg("pub.seed") if kind == "seed" else ui.timestamp_label(ts)
                    for kind, ts in zip(pub["kind"], pub["published_at"], strict=True)
                ],
            }
        ),
        hide_index=True,
        width="stretch",
        key="publication_table",
    )
    pub_year = int(st.selectbox(msg("pub.ui.year"), pub_years, format_func=ui.fy_label, key="publish_year"))
    ready = readiness(snap, pub_year)
    with st.form("publish_form"):
        note = st.text_input(msg("pub.ui.note"), key="publish_note")
        sure = st.checkbox(
            msg("pub.ui.confirm", fy=pub_year, accepted=ready["accepted"], rows=ready["rows"]),
            key="publish_sure",
        )
        if st.form_submit_button(msg("pub.ui.button"), type="primary"):
            if not sure:
                st.warning(msg("pub.ui.confirm_first"))
            else:
                try:
                    published = publish(store, user, pub_year, note)
                except AppError as err:
                    st.error(markdown_text(err.render(L)))
                else:
                    state.after_write()
                    st.session_state["rounds_done"] = msg(
                        "pub.done", fy=pub_year, pinned=published.pinned_version, version=published.version
                    )
                    st.rerun()
