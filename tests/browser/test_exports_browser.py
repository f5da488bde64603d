"""The export page in a real browser: a chart's PNG and the published table download on click."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """Streamlit on a free port over a fresh SQLite store."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(QF_SQLITE_PATH=str(tmp_path / "exports.sqlite3"), QF_REQUIRE_LOGIN="0")
    port = _free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true"]
    cmd += [
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
    ]
    cmd += ["--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120  # generous: the full suite runs beside other work
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:  # noqa: S310
                    if r.read() == b"ok":
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "streamlit did not become healthy"
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_chart_png_and_published_table_download(server: str) -> None:
    """Clicking PNG renders the chart on demand; the Excel button gives the print-ready table."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(accept_downloads=True)
        page.set_default_timeout(120_000)  # a loaded machine renders the page slowly
        page.goto(f"{server}/exports")
        page.get_by_role("button", name="PNG", exact=True).wait_for()
        with page.expect_download(timeout=120_000) as png:
            page.get_by_role("button", name="PNG", exact=True).click()
        assert png.value.suggested_filename.startswith("headline-users_")
        assert Path(png.value.path()).read_bytes().startswith(b"\x89PNG")
        with page.expect_download(timeout=60_000) as xlsx:
            page.get_by_role("button", name="Excel（印刷設定済み）をダウンロード").click()
        assert xlsx.value.suggested_filename == "followup_FY2020.xlsx"
        ws = openpyxl.load_workbook(io.BytesIO(Path(xlsx.value.path()).read_bytes())).worksheets[0]
        assert ws["A3"].value == "取組"
        browser.close()
