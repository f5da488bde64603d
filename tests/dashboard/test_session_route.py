"""The login route `/qf/session` (dashboard/serve.py) against login CSRF, for browsers with and without
Fetch Metadata: a code is spent only on a navigation from a page of this server; a refused one is not
spent. (The browser test in tests/browser/test_login_browser.py drives Chromium through the attack.)"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.requests import Request

from dashboard import serve
from model import sessions
from model.auth import User, add_user, operator
from model.store import Store, open_store

SERVER = "http://127.0.0.1:8501"


@pytest.fixture
def route_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Store, User]]:
    """The store the route opens (a temp SQLite file), with an editor."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("QF_SQLITE_PATH", str(tmp_path / "route.sqlite3"))  # the route opens this store
    store = open_store()
    store.init()
    user = add_user(store, "mofa1", "editor", password="kibou-no-ryoushi-2030", ministry_code="MOFA",
                    by=operator())  # fmt: skip
    yield store, user
    store.engine.dispose()


def _visit(code: str, headers: dict[str, str]) -> str | None:
    """GET /qf/session?code=… with these headers: the cookie set, if any."""
    raw = [(b"host", b"127.0.0.1:8501"), *((k.lower().encode(), v.encode()) for k, v in headers.items())]
    scope = {"type": "http", "method": "GET", "scheme": "http", "server": ("127.0.0.1", 8501),
             "path": "/qf/session", "root_path": "", "query_string": f"code={code}&next=/upload".encode(),
             "headers": raw}  # fmt: skip
    response = asyncio.run(serve.begin_session(Request(scope)))
    assert response.status_code == 303 and response.headers["location"] == "/upload"
    cookie = response.headers.get("set-cookie")
    return cookie if cookie and cookie.startswith(f"{sessions.COOKIE}=") else None


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},  # a link or redirect from another site
        {"Sec-Fetch-Site": "same-site"},  # another port or subdomain of the same site
        {"Sec-Fetch-Site": "none"},  # opened from outside the browser (a mail), typed, a bookmark
        {"Sec-Fetch-Site": "cross-site", "Referer": SERVER + "/login"},  # Fetch Metadata decides
        {"Origin": "http://evil.example"},  # no Fetch Metadata: a foreign origin
        {"Referer": "http://evil.example/prize"},  # no Fetch Metadata, no Origin: a foreign page
        {"Referer": SERVER + ".evil.example/login"},  # a look-alike host
        {},  # nothing says where it comes from
    ],
)
def test_a_code_from_elsewhere_is_refused_and_not_spent(
    route_store: tuple[Store, User], headers: dict[str, str]
) -> None:
    store, user = route_store
    code = sessions.begin(store, user)
    assert _visit(code, headers) is None
    assert sessions.claim(store, code) is not None  # still unspent: the route did not look it up


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "navigate"},
        {"Origin": SERVER},  # an older browser: no Fetch Metadata
        {"Referer": SERVER + "/login?lang=en"},
    ],
)
def test_a_code_from_this_server_logs_in_once(
    route_store: tuple[Store, User], headers: dict[str, str]
) -> None:
    store, user = route_store
    code = sessions.begin(store, user)
    cookie = _visit(code, headers)
    assert cookie is not None and "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
    token = cookie.split(";", 1)[0].split("=", 1)[1]
    found = sessions.resume(store, token)
    assert found is not None and found.user.name == "mofa1"
    assert _visit(code, headers) is None  # spent
