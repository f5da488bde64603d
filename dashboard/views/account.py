"""アカウント: the logged-in user changes their own password (model.auth.change_password: the current one
proves it is them; the policy applies; their other logins end)."""

from __future__ import annotations

import streamlit as st

from dashboard import state
from dashboard.auth import client_address, current_user, login_method, role_label, session_id
from dashboard.state import lang, msg
from model.auth import MIN_PASSWORD, change_password
from model.errors import AppError
from model.text import markdown_text

st.title(msg("ses.page"))
user = current_user()
if user is None:
    st.info(msg("ses.ended"))
    st.stop()
assert user is not None
st.write(msg("ui.login.as", user=markdown_text(user.name), role=markdown_text(role_label(user))))
if login_method() == "oidc":
    st.info(msg("ses.change.oidc"))
    st.stop()

st.header(msg("ses.change.title"))
with st.form("change_password", clear_on_submit=True):
    current = st.text_input(msg("ses.change.current"), type="password", key="pw_current")
    new = st.text_input(
        msg("ses.change.new"), type="password", key="pw_new", help=msg("ses.change.help", n=MIN_PASSWORD)
    )
    repeat = st.text_input(msg("ses.change.repeat"), type="password", key="pw_repeat")
    if st.form_submit_button(msg("ses.change.submit"), type="primary"):
        try:
            if new != repeat:
                raise AppError("err.pw.mismatch")
            ended = change_password(
                state.store(), user, current, new, client=client_address(), keep=session_id()
            )
        except AppError as err:
            st.error(markdown_text(err.render(lang())))
        else:
            st.success(msg("pw.changed", n=ended))
