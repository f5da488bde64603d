"""Who is using the screen: local accounts (model.auth), or OIDC through `st.login` when configured.

Settings (environment or `.streamlit/secrets.toml`):
- `QF_REQUIRE_LOGIN=1` / `require_login = true`: reading the dashboard needs a login too (default: open).
- an `[auth]` section in secrets (Streamlit's OIDC settings): a "log in with …" button appears; the
  identity's e-mail is looked up among the users (`python -m model user add you@example.org --no-password
  --role editor --ministry 文`), and an unknown identity may only read.
The screen hides what a user may not do; model/ refuses it regardless.

A login lasts beyond the tab: a password login goes through `/qf/session` (dashboard/serve.py), which puts
the session's token in an HttpOnly cookie; every run finds the user through it (model/sessions.py), so a
reload or a new tab stays logged in and a logout, a password change or an idle half hour ends it on the
server. An OIDC login is Streamlit's own cookie, recorded in the same table. docs/security.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any
from urllib.parse import quote

import streamlit as st

from dashboard import state
from dashboard.state import msg
from model import sessions
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


def _cookie(name: str) -> str | None:
    try:
        value = st.context.cookies.get(name)
    except Exception:  # no browser connection (a bare script run): no cookies
        return None
    return value if isinstance(value, str) and value else None  # (AppTest's context is a stand-in)


def _oidc_cookie() -> str | None:
    """Streamlit's signed identity cookie (split into numbered parts when long), as one value."""
    try:
        jar = dict(st.context.cookies)
    except Exception:
        return None
    parts = [
        v
        for k, v in sorted(jar.items())
        if isinstance(k, str) and isinstance(v, str) and k.startswith("_streamlit_user") and "tokens" not in k
    ]
    return "|".join(parts) or None


def current_user() -> User | None:
    """Who this run is for: the session cookie's user, an OIDC identity, or this tab's login (tests)."""
    token = _cookie(sessions.COOKIE)
    if token:
        found = sessions.resume(state.store(), token, snap=state.snapshot())
        if found is not None:
            _remember(found.user, found.id, found.method)
            return found.user
    saved = st.session_state.get(_KEY)
    if saved and saved.get("session"):  # this tab's session has ended (logout elsewhere, idle, password)
        st.session_state.pop(_KEY, None)
        st.session_state["qf_session_ended"] = True
        saved = None
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        return _oidc_user()
    if saved:
        # Re-read on every run: a disabled account or a changed role takes effect at once.
        try:
            user = get_user(state.snapshot(), str(saved["name"]))
        except AppError:
            st.session_state.pop(_KEY, None)
            return None
        _remember(user)
        return user
    return None


def _oidc_user() -> User | None:
    """The st.login identity as a product account: the account named by its verified e-mail address,
    else a reader without an account (docs/security.md). None once its ID token has expired or its
    session was ended."""
    email = str(st.user.get("email") or "").strip()
    if not email or st.user.get("email_verified") is False:
        return None
    snap = state.snapshot()
    try:
        user = get_user(snap, email)
    except AppError:
        try:
            user = get_user(snap, email.lower())
        except AppError:
            user = User(email, "viewer")
    exp = st.user.get("exp")
    expiry = dt.datetime.fromtimestamp(int(exp), dt.UTC) if isinstance(exp, int | float | str) else None
    cookie = _oidc_cookie() or f"{email}|{st.user.get('iat')}"
    found = sessions.resume_oidc(state.store(), cookie, user, expiry, snap=snap)
    if found is None:
        st.session_state["qf_oidc_expired"] = True
        return None
    _remember(found.user, found.id, found.method)
    return found.user


def _remember(user: User, session_id: int | None = None, method: str = "password") -> None:
    st.session_state[_KEY] = {
        "name": user.name,
        "role": user.role,
        "ministry_code": user.ministry_code,
        "session": session_id,
        "method": method,
    }


def login_method() -> str:
    """password | oidc: how this run's user logged in."""
    saved = st.session_state.get(_KEY)
    return str(saved.get("method") or "password") if saved else "password"


def session_id() -> int | None:
    saved = st.session_state.get(_KEY)
    return int(saved["session"]) if saved and saved.get("session") else None


def _go(url: str) -> None:
    """Send the browser to one of our routes (a full page load: the only way to set or clear a cookie)."""
    st.html(
        f"<script>window.location.assign({json.dumps(url)});</script>",
        unsafe_allow_javascript=True,
    )
    st.caption(msg("ses.redirect"))
    st.stop()


def _here() -> str:
    """This page's path, to come back to after a route, with the language (the new page load starts a
    new Streamlit session: the switch would fall back to Japanese)."""
    try:
        url = str(st.context.url or "")
    except Exception:
        url = ""
    path = "/" + url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else "/"
    return path.split("?", 1)[0] + f"?lang={state.lang()}"


def log_out() -> None:
    """End the session on the server, then let the route delete the cookie (and Streamlit's, for OIDC)."""
    sid = session_id()
    st.session_state.pop(_KEY, None)
    if sid is not None:
        sessions.end(state.store(), sid)
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()  # sends the browser to Streamlit's /auth/logout (and the provider's end of session)
        st.stop()  # a rerun now would drop that message before it reaches the browser
    if _cookie(sessions.COOKIE):
        _go("/qf/logout?next=" + quote(_here()))


def login_form() -> None:
    """The local-account form (and the OIDC button when configured)."""
    with st.form("login", clear_on_submit=False):
        name = st.text_input(msg("ui.login.name"), key="login_name")
        password = st.text_input(msg("ui.login.password"), type="password", key="login_password")
        if st.form_submit_button(msg("ui.login.submit"), type="primary"):
            try:
                user = authenticate(state.store(), name, password, client=client_address())
            except AppError as err:  # throttled: too many wrong passwords for this account or client
                st.error(markdown_text(err.render(state.lang())))
            else:
                if user is None:
                    st.error(msg("ui.login.failed"))
                else:
                    _remember(user)
                    code = sessions.begin(state.store(), user)
                    _go(f"/qf/session?code={quote(code)}&next={quote(_here())}")
    if oidc_configured() and st.button(msg("ui.login.oidc"), key="login_oidc"):
        st.login()


def client_address() -> str | None:
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
        token = _cookie(sessions.COOKIE)
        ends = sessions.peek(state.store(), token) if token else None
        if token and ends is not None:
            # Wake when the warning is due, not every few seconds: each fragment run shows Streamlit's
            # "Running…" and would flicker on every page for nothing.
            wait = ends - sessions.WARN_BEFORE - dt.datetime.now(dt.UTC)
            st.fragment(_idle_watch, run_every=max(wait, dt.timedelta(seconds=30)))(token)


def _idle_watch(token: str) -> None:
    """Reads only (it does not count as use): warn before the idle end; at the end, show the page logged
    out. While the warning shows, a timer in the page reloads it just after the end (the fragment's next
    wake-up may be later); pressing the button reruns the page, which removes the warning and its timer."""
    ends = sessions.peek(state.store(), token)
    now = dt.datetime.now(dt.UTC)
    if ends is None or ends <= now:
        st.session_state.pop(_KEY, None)
        st.rerun(scope="app")  # the next run finds no session: the page shows itself logged out
    elif ends - now <= sessions.WARN_BEFORE:
        local = ends.astimezone(dt.timezone(dt.timedelta(hours=9)))  # the ministries' clock (JST)
        st.warning(msg("ses.idle.warning", time=local.strftime("%H:%M")), icon=":material/timer:")
        delay = int((ends - now).total_seconds() * 1000) + 2000
        st.html(
            '<div id="qf-idle-warning" hidden></div><script>setTimeout(function () {'
            ' if (document.getElementById("qf-idle-warning")) window.location.reload(); }, '
            f"{delay});</script>",
            unsafe_allow_javascript=True,
        )
        if st.button(msg("ses.idle.keep"), key="idle_keep"):
            found = sessions.resume(state.store(), token, snap=state.snapshot())
            if found is not None:
                sessions.keep_alive(state.store(), found)
            st.rerun(scope="app")


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
    if user is not None:
        pages.append(
            st.Page(
                "views/account.py",
                title=msg("ses.page"),
                icon=":material/manage_accounts:",
                url_path="account",
            )
        )
    pages.append(login)
    account_sidebar()
    if user is None and login_required():
        login_only = st.Page(
            "views/login.py", title=msg("ui.page.login"), icon=":material/login:", default=True
        )
        return {msg("ui.nav.reporting"): [login_only]}
    return {**sections, msg("ui.nav.reporting"): pages}
