"""ログイン: local accounts, or the identity provider when OIDC is configured. The user name is shown as
text (model.text.markdown_text): a name is whatever the secretariat or the identity provider gave."""

from __future__ import annotations

import streamlit as st

from dashboard.auth import current_user, log_out, login_form, role_label
from dashboard.state import msg
from model.text import markdown_text

st.title(msg("ui.page.login"))
user = current_user()
if user is None:
    if st.session_state.pop("qf_oidc_expired", False):
        st.warning(msg("ses.oidc.expired"))
    elif st.session_state.pop("qf_session_ended", False):
        st.warning(msg("ses.ended"))
    login_form()
else:
    st.success(msg("ui.login.as", user=markdown_text(user.name), role=markdown_text(role_label(user))))
    if st.button(msg("ui.login.logout"), key="logout_page"):
        log_out()
        st.rerun()
