"""The export page in a real browser: a chart's PNG and the published table download on click."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page

from tests.browser.conftest import serve_dashboard

pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """Streamlit on a free port over a fresh SQLite store."""
    with serve_dashboard(tmp_path / "exports.sqlite3") as url:
        yield url


def test_chart_png_and_published_table_download(server: str, page: Page) -> None:
    """Clicking PNG renders the chart on demand; the Excel button gives the print-ready table."""
    page.goto(f"{server}/exports")
    page.get_by_role("button", name="PNG", exact=True).wait_for()
    with page.expect_download(timeout=120_000) as png:
        page.get_by_role("button", name="PNG", exact=True).click()
    assert png.value.suggested_filename.startswith("headline-users_")
    assert Path(png.value.path()).read_bytes().startswith(b"\x89PNG")
    with page.expect_download(timeout=60_000) as xlsx:
        page.get_by_role("button", name="Excel（印刷設定済み）をダウンロード").click()
    assert xlsx.value.suggested_filename == "followup_FY2020_v1.xlsx"  # the version: the seed, nothing since
    ws = openpyxl.load_workbook(io.BytesIO(Path(xlsx.value.path()).read_bytes())).worksheets[0]
    assert ws["A3"].value == "取組"
