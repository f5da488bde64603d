"""Browser tests: the dashboard served by Streamlit on a free port, driven by Debian's Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
# As STACK.md gives them: without the background-networking flags Chromium calls out of a closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(
    db: Path | str, timeout: float = 120, args: Sequence[str] = (), port: int | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run `streamlit run dashboard/serve.py` (app.py and the login routes) over the SQLite file `db` (or the
    database URL `db`); yield its URL once healthy, and the server's process (bench/bench_scale.py reads its
    peak memory). `args`: more `streamlit run` options."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(QF_REQUIRE_LOGIN="0")
    if isinstance(db, Path):
        env.update(QF_SQLITE_PATH=str(db))
    else:
        env.update(DATABASE_URL=db)
    port = port or free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", "dashboard/serve.py", "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", *args]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout  # generous: the full suite runs beside other work
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:  # noqa: S310 - localhost
                    if r.read() == b"ok":
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "streamlit did not become healthy"
            time.sleep(0.2)
        yield url, proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@contextmanager
def serve_dashboard(
    db: Path, timeout: float = 120, args: Sequence[str] = (), port: int | None = None
) -> Iterator[str]:
    """`serve` over the SQLite file `db`; yield its URL once healthy."""
    with serve(db, timeout, args, port) as (url, _):
        yield url


@pytest.fixture
def page() -> Iterator[Page]:
    """A Chromium page that accepts downloads, with timeouts for a loaded machine."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        pg.set_default_timeout(120_000)
        yield pg
        browser.close()
