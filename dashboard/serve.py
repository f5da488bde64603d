"""The server's entry point: `streamlit run dashboard/serve.py` (Streamlit finds the `st.App` below and
serves dashboard/app.py with two routes of ours beside it).

Streamlit's script cannot set a cookie, and an HttpOnly one not even through JavaScript; a route can.
After a password login the page sends the browser to `/qf/session?code=…`: the route spends the
one-time code (model/sessions.py `claim`) when the request comes from a page of this server (Fetch
Metadata, else Origin or Referer: `same_origin_navigation`), sets the session cookie (HttpOnly,
SameSite=Strict, Secure behind HTTPS) and sends the browser back to the page. `/qf/logout` ends the
cookie's session in the store and deletes the cookie. See docs/security.md.
"""

from __future__ import annotations

import contextlib
import sys
from functools import cache
from pathlib import Path

import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from model import sessions  # noqa: E402
from model.config import database_url  # noqa: E402
from model.errors import AppError, unless_unwritable  # noqa: E402
from model.runtime import tune_gc  # noqa: E402
from model.store import Store, open_store  # noqa: E402

tune_gc()  # the server process: see model/runtime.py


@cache
def _store_at(url: str) -> Store:
    store = open_store(url)
    with unless_unwritable():  # as dashboard/state.py does: idempotent, creates what an older store lacks
        store.init()
    return store


def _store() -> Store:
    return _store_at(database_url())


def _claim(code: str) -> str | None:
    try:
        return sessions.claim(_store(), code)
    except AppError:  # the database is unreachable: no session; the page says what is wrong
        return None


def _end(token: str) -> None:
    with contextlib.suppress(AppError):  # unreachable database: the cookie is deleted all the same
        sessions.end_token(_store(), token)


def _back(request: Request) -> str:
    """Where to go afterwards: a path on this server only (never `//host` or a full URL)."""
    target = request.query_params.get("next") or "/"
    if not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


def same_origin_navigation(request: Request) -> bool:
    """Whether this request comes from a page of this server (login CSRF: another site must not make a
    browser spend an attacker's code and log in as the attacker). Fetch Metadata when the browser sends
    it: only `same-origin` (not `same-site`, another port; not `none`, a link from mail or typed);
    otherwise the Origin, else the Referer, must be this server's."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site == "same-origin"
    own = f"{request.url.scheme}://{request.url.netloc}"
    origin = request.headers.get("origin")
    if origin is not None:
        return origin == own
    referer = request.headers.get("referer") or ""
    return referer == own or referer.startswith(own + "/")


async def begin_session(request: Request) -> Response:
    code = request.query_params.get("code", "")
    # Refused before the code is looked at: a refused request spends nothing.
    allowed = bool(code) and same_origin_navigation(request)
    token = await run_in_threadpool(_claim, code) if allowed else None
    response = RedirectResponse(_back(request), status_code=303)
    response.headers["Cache-Control"] = "no-store"
    if token is not None:
        response.set_cookie(
            sessions.COOKIE,
            token,
            max_age=int(sessions.LIFETIME.total_seconds()),
            path="/",
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
    return response


async def end_session(request: Request) -> Response:
    token = request.cookies.get(sessions.COOKIE)
    if token:
        await run_in_threadpool(_end, token)
    response = RedirectResponse(_back(request), status_code=303)
    response.headers["Cache-Control"] = "no-store"
    response.delete_cookie(sessions.COOKIE, path="/", httponly=True, samesite="strict")
    return response


app = st.App(
    Path(__file__).with_name("app").with_suffix(".py"),  # (spelt so: "app.py" reads as a message id)
    routes=[Route("/qf/session", begin_session), Route("/qf/logout", end_session)],
)
