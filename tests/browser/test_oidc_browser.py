"""st.login against a real OpenID Connect provider (npm oidc-provider, tests/oidc/provider.mjs, started here)
in a real browser: the identity maps to the product account named by its verified e-mail address, logout
ends the login (here and at the provider), and an expired ID token is no longer a login."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from model.auth import add_user, operator
from model.store import open_store
from tests.browser.conftest import ROOT, free_port, serve_dashboard

pytestmark = pytest.mark.browser
OIDC = ROOT / "tests" / "oidc"
ID_TOKEN_SECONDS = 8  # short, to see it expire within the test
EMAIL = "kagaku.taro@example.go.jp"
# as the sidebar shows it: model.text.markdown_text puts a word joiner before "@" (no mail link)
SIGNED_IN = "kagaku.taro\u2060@example.go.jp — 府省編集者（MEXT）"


@pytest.fixture
def provider(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """oidc-provider on a free port, for a dashboard on another free port: (issuer, dashboard port)."""
    node = shutil.which("node")
    assert node, "node is needed (Debian: nodejs); `make test` runs `npm ci` in tests/oidc"
    assert (OIDC / "node_modules" / "oidc-provider").is_dir(), "run `npm ci` in tests/oidc (make test does)"
    port, app_port = free_port(), free_port()
    env = {**os.environ, "OIDC_PORT": str(port), "OIDC_ID_TTL": str(ID_TOKEN_SECONDS),
           "OIDC_REDIRECT": f"http://127.0.0.1:{app_port}/oauth2callback"}  # fmt: skip
    log = (tmp_path / "oidc.log").open("w")
    proc = subprocess.Popen([node, "provider.mjs"], cwd=OIDC, env=env, stdout=log, stderr=subprocess.STDOUT)
    issuer = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration", timeout=2):  # noqa: S310
                    break
            except OSError:
                assert proc.poll() is None, (tmp_path / "oidc.log").read_text()
                assert time.monotonic() < deadline, "the OIDC provider did not start"
                time.sleep(0.2)
        yield issuer, app_port
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


@pytest.fixture
def server(tmp_path: Path, provider: tuple[str, int]) -> Iterator[str]:
    """The dashboard with Streamlit's [auth] settings for that provider, and an editor account for EMAIL."""
    issuer, app_port = provider
    db = tmp_path / "browser.sqlite3"
    store = open_store(f"sqlite:///{db}")
    store.init()
    add_user(store, EMAIL, "editor", password=None, ministry_code="MEXT", by=operator())
    store.engine.dispose()
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        'cookie_secret = "a-long-random-test-cookie-secret-for-streamlit"\n'
        'client_id = "qf-dashboard"\n'
        'client_secret = "qf-dashboard-test-secret"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
        # Streamlit asks for prompt=select_account, which oidc-provider does not offer; login it does
        'client_kwargs = { prompt = "login" }\n',
        encoding="utf-8",
    )
    with serve_dashboard(db, args=["--secrets.files", str(secrets)], port=app_port) as url:
        yield url


def _oidc_log_in(page: Page, server: str, *, asked: bool = True) -> None:
    """The login button, then the provider's own login form (any password: its development form)."""
    page.goto(f"{server}/login")
    page.get_by_role("button", name="組織アカウントでログイン").click()
    if asked:
        login = page.locator('input[name="login"]')
        expect(login).to_be_visible()
        login.fill(EMAIL)
        page.locator('input[name="password"]').fill("anything")
        page.locator('button[type="submit"]').click()


def test_oidc_login_maps_to_the_account_logs_out_and_expires(server: str, page: Page) -> None:
    """Provider login → the MEXT editor account; logout → anonymous; the ID token's expiry → logged out."""
    _oidc_log_in(page, server)
    expect(page.get_by_text(SIGNED_IN)).to_be_visible()
    page.reload()  # Streamlit's own HttpOnly cookie: the login survives a reload
    expect(page.get_by_text(SIGNED_IN)).to_be_visible()

    page.get_by_role("button", name="ログアウト").first.click()
    confirm = page.locator('button[autofocus], button[name="logout"]')  # the provider asks to confirm
    confirm.first.click()
    page.goto(f"{server}/login")
    expect(page.get_by_text("ログインしていません（閲覧のみ）")).to_be_visible()

    _oidc_log_in(page, server)
    expect(page.get_by_text(SIGNED_IN)).to_be_visible()
    logged_in_at = time.monotonic()
    time.sleep(max(0.0, ID_TOKEN_SECONDS + 1 - (time.monotonic() - logged_in_at)))
    page.goto(f"{server}/login")
    expect(page.get_by_text("組織アカウントのログインの有効期限が切れました")).to_be_visible()
    expect(page.get_by_text("ログインしていません（閲覧のみ）")).to_be_visible()
