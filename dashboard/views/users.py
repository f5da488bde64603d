"""ユーザー管理 (secretariat): local accounts, roles, disable / enable."""

from __future__ import annotations

import streamlit as st

from dashboard import state, ui
from dashboard.auth import current_user
from dashboard.state import lang, msg
from model.auth import MIN_PASSWORD, ROLES, add_user, list_users, reset_password, set_disabled
from model.errors import AppError
from model.strategy import registry
from model.text import markdown_text

L = lang()
st.title(msg("ui.page.users"))
user = current_user()
if user is None or not user.is_secretariat:
    st.info(msg("err.auth.secretariat_only", user=markdown_text(user.name) if user else "—"))
    st.stop()
assert user is not None
store = state.store()

table = list_users(state.snapshot())
st.dataframe(
    table.assign(
        role=table["role"].map(lambda r: msg(f"ui.role.{r}")),
        disabled=table["disabled"].map({True: "✓", False: ""}),
        created_at=table["created_at"].map(ui.timestamp_label),  # Japan time, to the minute
    )
    .rename(
        columns={
            "name": msg("ui.col.user"),
            "role": msg("ui.user.role"),
            "ministry_code": msg("ui.upload.ministry"),
            "disabled": msg("ui.user.disabled"),
            "created_at": msg("ui.col.time"),
        }
    )
    .astype(str),
    hide_index=True,
    width="stretch",
    key="users_table",
)

codes = [m.code for m in registry(state.snapshot())]
with st.form("add_user"):
    name = st.text_input(msg("ui.login.name"), key="new_name")
    role = st.selectbox(
        msg("ui.user.role"), list(ROLES), format_func=lambda r: msg(f"ui.role.{r}"), key="new_role"
    )
    ministry = st.selectbox(msg("ui.upload.ministry"), ["", *codes], key="new_ministry")
    password = st.text_input(msg("ui.login.password"), type="password", key="new_password")
    if st.form_submit_button(msg("ui.user.add"), type="primary"):
        try:
            add_user(store, name, role, password=password or None, ministry_code=ministry or None, by=user)
        except AppError as err:
            st.error(markdown_text(err.render(L)))
        else:
            st.success(msg("user.added", user=markdown_text(name), role=role))
            st.rerun()

if not table.empty:
    with st.form("toggle_user"):
        who = st.selectbox(msg("ui.col.user"), table["name"].tolist(), key="toggle_name")
        c1, c2 = st.columns(2)
        off = c1.form_submit_button(msg("ui.user.disable"))
        on = c2.form_submit_button(msg("ui.user.enable"))
        if off or on:
            try:
                set_disabled(store, str(who), bool(off), by=user)
            except AppError as err:
                st.error(markdown_text(err.render(L)))
            else:
                st.rerun()

    # A forgotten or leaked password: the secretariat sets a new one; the user's logins all end.
    st.header(msg("ses.reset.title"))
    with st.form("reset_password", clear_on_submit=True):
        whose = st.selectbox(msg("ui.col.user"), table["name"].tolist(), key="reset_name")
        new = st.text_input(
            msg("ses.change.new"),
            type="password",
            key="reset_new",
            help=msg("ses.change.help", n=MIN_PASSWORD),
        )
        repeat = st.text_input(msg("ses.change.repeat"), type="password", key="reset_repeat")
        if st.form_submit_button(msg("ses.reset.submit")):
            try:
                if new != repeat:
                    raise AppError("err.pw.mismatch")
                ended = reset_password(store, str(whose), new, by=user)
            except AppError as err:
                st.error(markdown_text(err.render(L)))
            else:
                st.success(msg("pw.reset", user=markdown_text(str(whose)), n=ended))
