"""Screenshots of every dashboard page in both languages, with headless Chromium (Debian's /usr/bin/chromium).

    python tools/screenshot.py [OUT_DIR] [--page overview ...]

Serves the app on a free port against a fresh SQLite store (seeded on first use), waits for the health
check, loads each page with ?lang=ja|en, waits for the charts to draw and saves full-page PNGs.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "overview", "kpi", "followup", "ministries", "compare", "milestones", "international", "exports",
    "upload", "login", "accessibility",
]  # fmt: skip
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


def wait_healthy(url: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:  # noqa: S310 (local URL)
                if r.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("streamlit did not become healthy")


def settle(page: object, timeout: float = 60) -> None:
    """Wait until the script run is over (no stale elements, no running widget) and the charts have
    stopped appearing: the count of drawn plotly charts and the page height are the same for 2 s."""
    deadline = time.time() + timeout
    last, stable_since = -1, time.time()
    while time.time() < deadline:
        state = page.evaluate(  # type: ignore[attr-defined]
            """() => [document.querySelectorAll('.js-plotly-plot .main-svg').length
                      + document.querySelector('[data-testid="stMain"]').scrollHeight,
                      document.querySelectorAll('[data-stale="true"]').length,
                      document.querySelectorAll('[data-testid="stStatusWidget"]').length]"""
        )
        charts, stale, running = state
        if charts != last or stale or running:
            last, stable_since = charts, time.time()
        elif time.time() - stable_since > 2.0:
            return
        time.sleep(0.25)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="out/screenshots")
    parser.add_argument("--page", action="append", choices=PAGES)
    parser.add_argument("--width", type=int, default=1440)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {**os.environ}
    env.pop("DATABASE_URL", None)
    tmp = tempfile.mkdtemp(prefix="qf-shot-")
    env.setdefault("QF_SQLITE_PATH", str(Path(tmp) / "shot.sqlite3"))
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "dashboard" / "serve.py"),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for lang in ("ja", "en"):
                for page_name in args.page or PAGES:
                    page = browser.new_page(viewport={"width": args.width, "height": 1000})
                    page.goto(f"{base}/{'' if page_name == PAGES[0] else page_name}?lang={lang}")
                    page.wait_for_selector('[data-testid="stMainBlockContainer"]', timeout=60_000)
                    settle(page)
                    height = page.evaluate(
                        "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
                    )
                    page.set_viewport_size({"width": args.width, "height": min(int(height) + 40, 16000)})
                    time.sleep(1.0)
                    path = out / f"{page_name}-{lang}.png"
                    page.screenshot(path=str(path), full_page=True)
                    errors = page.locator('[data-testid="stException"]').count()
                    print(f"{path}  exceptions={errors}")
                    page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
