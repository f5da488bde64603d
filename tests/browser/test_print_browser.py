"""Paper: review pages printed by Chromium (print to PDF) carry the page's content, not the sidebar, the
header or the widgets, and flow over as many A4 landscape pages as the content needs."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from model.seed import load_seed
from model.store import Store
from tests.browser.conftest import serve_dashboard

SIDEBAR_TEXTS = ("言語 / Language", "English", "レビュー")  # the language switch, the navigation section
A4_LANDSCAPE = (842, 595)  # points


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("print") / "print.sqlite3"
    store = Store(f"sqlite:///{db}")
    store.init(load_seed())
    store.engine.dispose()
    with serve_dashboard(db) as served:
        yield served


def print_page(page: Page, url: str, path: str, out: Path, ready: str) -> Path:
    """Open a page, wait for its last part (`ready`, a selector) and its charts, print it to PDF as the
    browser's print would."""
    page.goto(f"{url}/{path}")
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1')
    page.wait_for_selector(ready, state="attached")
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', state="attached")
    page.wait_for_timeout(1500)  # plotly lays its charts out after the run ends
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    out.write_bytes(pdf)
    return out


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout


def _pages(pdf: Path) -> tuple[int, tuple[int, int]]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    size = fields["Page size"].split()
    return int(fields["Pages"]), (round(float(size[0])), round(float(size[2])))


@pytest.mark.parametrize(
    ("path", "ready", "content", "widget_labels"),
    [
        # the overview as a reader who is not logged in sees it: headline KPIs and charts down to its last
        # part, the status per pillar of the published year (the collection under way is staff's)
        ("", '[data-testid="stMetric"]', ["国内の量子技術の利用者", "柱別の取組の状況（2020年度）"], []),
        # the milestones: the filters go, every milestone of the table stays (its paper copy)
        (
            "milestones",
            ".qf-print-table",
            ["令和9年には1,000量子ビット級の実機の実現を目指す", "M-002-01"],
            ["期限の年の範囲", "戦略の柱"],
        ),
    ],
)
def test_a_printed_review_page_is_its_content_without_sidebar_or_widgets(
    page: Page,
    url: str,
    tmp_path: Path,
    path: str,
    ready: str,
    content: list[str],
    widget_labels: list[str],
) -> None:
    """Chromium's print to PDF: A4 landscape pages, the page's own text in them, and none of the sidebar's
    text, the header's menu or the filter widgets' labels."""
    pdf = print_page(page, url, path, tmp_path / f"{path or 'overview'}.pdf", ready)
    pages, size = _pages(pdf)
    assert size == A4_LANDSCAPE
    text = _pdf_text(pdf)
    for needle in content:
        assert needle in text.replace("\n", ""), needle
    for needle in (*SIDEBAR_TEXTS, *widget_labels, "Deploy"):
        assert needle not in text, needle
    # the content flows: more than one screenful is printed (Streamlit's own box would print one page)
    assert pages >= 2
