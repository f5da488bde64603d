"""Who is using the screen: local accounts (model.auth), or OIDC through `st.login` when configured.

Settings (environment or `.streamlit/secrets.toml`):
- `QF_REQUIRE_LOGIN=1` / `require_login = true`: reading the dashboard needs a login too (default: open).
- an `[auth]` section in secrets (Streamlit's OIDC settings): a "log in with …" button appears; the
  identity's e-mail is looked up among the users (`python -m model user add you@example.org --no-password
  --role editor --ministry 文`), and an unknown identity may only read.
The screen hides what a user may not do; model/ refuses it regardless.
"""

from __future__ import annotations

import os
from typing import Any

import streamlit as st

from dashboard import state
from dashboard.state import msg
from model.auth import User, authenticate, get_user
from model.errors import AppError
from model.text import markdown_text

_KEY = "qf_user"


def _secret(name: str, default: Any = None) -> Any:
    try:
        return st.secrets.get(name, default)
    except Exception:  # no secrets.toml at all: Streamlit raises rather than returning the default
        return default


def login_required() -> bool:
    env = os.environ.get("QF_REQUIRE_LOGIN")
    if env is not None:
        return env.strip().lower() in {"1", "true", "yes"}
    return bool(_secret("require_login", False))


def oidc_configured() -> bool:
    auth = _secret("auth")
    return bool(auth) and hasattr(st, "login")


def current_user() -> User | None:
    saved = st.session_state.get(_KEY)
    if saved:
        # Re-read on every run: a disabled account or a changed role takes effect at once.
        try:
            user = get_user(state.snapshot(), str(saved["name"]))
        except AppError:
            if saved["role"] == "viewer" and oidc_configured():
                return User(str(saved["name"]), "viewer")  # an OIDC identity without an account
            st.session_state.pop(_KEY, None)
            return None
        _remember(user)
        return user
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        email = str(getattr(st.user, "email", "") or "")
        try:
            user = get_user(state.snapshot(), email)
        except AppError:
            user = User(email, "viewer")
        _remember(user)
        return user
    return None


def _remember(user: User) -> None:
    st.session_state[_KEY] = {"name": user.name, "role": user.role, "ministry_code": user.ministry_code}


def log_out() -> None:
    st.session_state.pop(_KEY, None)
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()


def login_form() -> None:
    """The local-account form (and the OIDC button when configured)."""
    with st.form("login", clear_on_submit=False):
        name = st.text_input(msg("ui.login.name"), key="login_name")
        password = st.text_input(msg("ui.login.password"), type="password", key="login_password")
        if st.form_submit_button(msg("ui.login.submit"), type="primary"):
            try:
                user = authenticate(state.store(), name, password, client=_client())
            except AppError as err:  # throttled: too many wrong passwords for this account or client
                st.error(markdown_text(err.render(state.lang())))
            else:
                if user is None:
                    st.error(msg("ui.login.failed"))
                else:
                    _remember(user)
                    st.rerun()
    if oidc_configured() and st.button(msg("ui.login.oidc"), key="login_oidc"):
        st.login()


def _client() -> str | None:
    """The client's address as the server sees it (for login throttling per client), when known."""
    address = getattr(st.context, "ip_address", None)
    return str(address)[:64] if address else None


def role_label(user: User) -> str:
    label = msg(f"ui.role.{user.role}")
    return f"{label}（{user.ministry_code}）" if user.ministry_code else label


def account_sidebar() -> None:
    user = current_user()
    with st.sidebar:
        if user is None:
            st.caption(msg("ui.login.anonymous"))
            return
        # A name is whatever the secretariat or the identity provider gave: shown as text, not Markdown.
        st.caption(f"{markdown_text(user.name)} — {markdown_text(role_label(user))}")
        if st.button(msg("ui.login.logout"), key="logout"):
            log_out()
            st.rerun()


def with_reporting(sections: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Add the reporting pages to the navigation; when reading needs a login, show only the login page."""
    user = current_user()
    login = st.Page("views/login.py", title=msg("ui.page.login"), icon=":material/login:", url_path="login")
    pages = [
        st.Page(
            "views/upload.py", title=msg("ui.page.upload"), icon=":material/upload_file:", url_path="upload"
        )
    ]
    if user is not None and user.is_secretariat:
        pages += [
            st.Page(
                "views/rounds.py",
                title=msg("ui.page.rounds"),
                icon=":material/event_available:",
                url_path="rounds",
            ),
            st.Page(
                "views/structure.py",
                title=msg("st.ui.title"),
                icon=":material/account_tree:",
                url_path="structure",
            ),
            st.Page("views/users.py", title=msg("ui.page.users"), icon=":material/group:", url_path="users"),
        ]
    pages.append(login)
    account_sidebar()
    if user is None and login_required():
        login_only = st.Page(
            "views/login.py", title=msg("ui.page.login"), icon=":material/login:", default=True
        )
        return {msg("ui.nav.reporting"): [login_only]}
    return {**sections, msg("ui.nav.reporting"): pages}
