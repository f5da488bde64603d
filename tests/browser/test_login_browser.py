"""Logins in a real browser (Playwright driving Debian Chromium against `streamlit run dashboard/serve.py`):
a login survives a reload and a new tab and logout ends it everywhere; the sixth wrong password is refused
with a message even when the seventh is right."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from model import sessions
from model.auth import add_user, operator
from model.store import open_store
from tests.browser.conftest import serve_dashboard

pytestmark = pytest.mark.browser
PASSWORD = "kibou-no-ryoushi-2030"
LOGGED_IN = "mofa1（府省編集者（MOFA））としてログインしています。"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temp SQLite store with two editors: one per test, so the lock of one leaves the other alone."""
    path = tmp_path_factory.mktemp("login") / "browser.sqlite3"
    store = open_store(f"sqlite:///{path}")
    store.init()
    add_user(store, "mofa1", "editor", password=PASSWORD, ministry_code="MOFA", by=operator())
    add_user(store, "mext1", "editor", password=PASSWORD, ministry_code="MEXT", by=operator())
    store.engine.dispose()
    return path


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    """One Streamlit server on a free port over that store, for both tests."""
    with serve_dashboard(db) as url:
        yield url


def _log_in(page: Page, server: str, password: str, name: str = "mofa1") -> None:
    page.get_by_label("ユーザー名").fill(name)
    page.get_by_label("パスワード", exact=True).fill(password)
    page.get_by_role("button", name="ログイン", exact=True).click()


def test_a_login_survives_reload_and_new_tab_and_logout_ends_it(server: str, page: Page) -> None:
    """The session cookie is HttpOnly; F5 and a second tab stay logged in; logout logs out both."""
    page.goto(f"{server}/login")
    _log_in(page, server, PASSWORD)
    expect(page.get_by_text(LOGGED_IN)).to_be_visible()
    cookie = next(c for c in page.context.cookies() if c["name"] == "qf_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and len(cookie["value"]) >= 40
    assert page.evaluate("document.cookie").find("qf_session") == -1  # no script can read it

    page.reload()
    expect(page.get_by_text(LOGGED_IN)).to_be_visible()
    second = page.context.new_page()
    second.goto(f"{server}/upload")
    expect(second.get_by_text("mofa1 — 府省編集者（MOFA）")).to_be_visible()

    page.get_by_role("button", name="ログアウト").first.click()
    expect(page.get_by_role("button", name="ログイン", exact=True)).to_be_visible()
    assert not [c for c in page.context.cookies() if c["name"] == "qf_session"]
    second.reload()
    expect(second.get_by_text("ログインしていません（閲覧のみ）")).to_be_visible()

    # A copy of the old cookie opens nothing: the session ended on the server, not only in this browser.
    page.context.add_cookies([{k: cookie[k] for k in ("name", "value", "domain", "path")}])  # type: ignore[misc]
    page.goto(f"{server}/login")
    expect(page.get_by_role("button", name="ログイン", exact=True)).to_be_visible()
    expect(page.get_by_text(LOGGED_IN)).to_have_count(0)


def _failures(db: Path) -> int:
    store = open_store(f"sqlite:///{db}")
    try:
        since = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=15)
        return len(store.login_failures("mext1", None, since)[0])
    finally:
        store.engine.dispose()


def _wait_for_failures(db: Path, n: int) -> None:
    """Each attempt's run has finished (a click during a run would be a rerun, not a new attempt)."""
    deadline = time.monotonic() + 60
    while _failures(db) < n:
        assert time.monotonic() < deadline, f"attempt {n} was not recorded"
        time.sleep(0.2)


def test_the_sixth_wrong_password_locks_even_the_right_one(server: str, page: Page, db: Path) -> None:
    """Five wrong passwords, then a sixth: the lock message; the seventh, right, is refused the same way."""
    page.goto(f"{server}/login")
    for n in range(1, 6):
        _log_in(page, server, "wrong-password-guess", "mext1")
        _wait_for_failures(db, n)
        expect(page.get_by_text("ユーザー名またはパスワードが正しくありません。")).to_be_visible()
    _log_in(page, server, "wrong-password-guess", "mext1")
    locked = page.get_by_text("パスワードの誤りが続いたため")
    expect(locked).to_be_visible()
    _log_in(page, server, PASSWORD, "mext1")
    expect(locked).to_be_visible()
    expect(page.get_by_text("mext1（府省編集者（MEXT））としてログインしています。")).to_have_count(0)
    assert not [c for c in page.context.cookies() if c["name"] == "qf_session"]


@contextmanager
def _attacker_site(host: str, target: str) -> Iterator[str]:
    """A page on another origin (another port, or `localhost` for 127.0.0.1) that sends its visitor to
    `target` at once: the link of a login code, followed by a script and by a click."""
    body = (
        f'<!doctype html><html><body><a id="go" href="{target}">prize</a>'
        f"<script>setTimeout(function () {{ location.href = {json.dumps(target)}; }}, 50);</script>"
        "</body></html>"
    ).encode()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{site.server_address[1]}/"
    finally:
        site.shutdown()
        site.server_close()


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
def test_a_code_link_from_another_site_logs_nobody_in(server: str, page: Page, db: Path, host: str) -> None:
    """Login CSRF: an attacker logs in to their own account, takes the fresh one-time code and makes the
    victim's browser open its link (from a cross-site page, or a same-site one on another port). The
    route refuses it without spending the code: the victim is not logged in as the attacker."""
    store = open_store(f"sqlite:///{db}")
    try:
        attacker = add_user(store, f"attacker-{host}", "editor", password=PASSWORD, ministry_code="MOFA",
                            by=operator())  # fmt: skip
        code = sessions.begin(store, attacker)
        target = f"{server}/qf/session?code={quote(code)}&next=/upload"
        with _attacker_site(host, target) as evil:
            page.goto(evil)
            page.wait_for_url(f"{server}/upload*")
            expect(page.get_by_text("ログインしていません（閲覧のみ）")).to_be_visible()
        assert not [c for c in page.context.cookies() if c["name"] == "qf_session"]
        expect(page.get_by_text(f"attacker-{host}")).to_have_count(0)
        assert sessions.claim(store, code) is not None  # refused before the code was spent
    finally:
        store.engine.dispose()
    # the ordinary login from the page itself still works
    page.goto(f"{server}/login")
    _log_in(page, server, PASSWORD)
    expect(page.get_by_text(LOGGED_IN)).to_be_visible()
