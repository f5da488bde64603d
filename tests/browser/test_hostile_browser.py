"""Text from users is data, in a real browser (issue 16): with every hostile text of tests/fixtures/hostile/
in the store (as rows from before the intake rule), a user whose name is Markdown and HTML logs in, reads
the follow-up table and the year-over-year page, and uploads a file whose status is a Markdown link. No
link, image, tag or formatting comes out of any of it, every text reads as written, and the browser asks
no host but the dashboard's own for anything (Playwright driving Debian Chromium)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from model.auth import add_user, operator
from model.reporting.assessments import assess
from model.reporting.rounds import open_round
from model.store import open_store
from model.text import WORD_JOINER, reveal
from tests.browser.conftest import serve_dashboard
from tests.model.reporting.conftest import record_fixture_templates
from tests.model.reporting.hostile import CELL_TEXTS, EVIL, FY, HOSTILE, TEXTS, store_before_the_rule, text_of

pytestmark = pytest.mark.browser

# A name that can be typed into the login form (the stored texts carry the control characters).
USER = "**mofa**<img src='http://evil.invalid/user.png'>[u](http://evil.invalid/user)"
PASSWORD = "kibou-no-ryoushi-2030"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """Streamlit over a store holding every hostile cell text (MOFA, FY2021, by USER, an editor)."""
    db = tmp_path / "hostile.sqlite3"
    store = open_store(f"sqlite:///{db}")
    store.init()
    open_round(store, FY, operator())
    record_fixture_templates(store)  # the committed fixtures' templates, issued by this store
    add_user(store, USER, "editor", password=PASSWORD, ministry_code="MOFA", by=operator())
    store_before_the_rule(store, CELL_TEXTS, user=USER)
    assess(store, operator(), action_id="2-1-01", fiscal_year=FY, ministry_code="MOFA", status="遅延",
           comment=text_of("markdown-image"))  # fmt: skip
    store.engine.dispose()
    with serve_dashboard(db) as url:
        yield url


def no_markup(page: Page, where: str) -> None:
    """Nothing the texts wrote became an element: no link or image to the address they name, no tag
    they carry, no bold, italic or coloured text made of their words."""
    found = {
        "link": page.locator(f"a[href*='{EVIL}']").count(),
        "image": page.locator(f"img[src*='{EVIL}']").count(),
        "tag": page.locator("#qf-hostile").count(),
        "script": page.locator("script:has-text('alert(1)')").count(),
        "bold": page.locator("strong:has-text('強調'), strong:has-text('mofa'), b:has-text('太字')").count(),
        "colour": page.locator("[class*='ColoredText']:has-text('赤字')").count(),
    }
    assert {k: v for k, v in found.items() if v} == {}, where


def test_hostile_text_stays_text_in_chromium(server: str, page: Page) -> None:
    """Login message and sidebar, follow-up bullets, year-over-year differences, the problem table."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))

    page.goto(f"{server}/login")
    page.get_by_label("ユーザー名").fill(USER)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    message = page.get_by_text("としてログインしています。", exact=False)
    expect(message).to_be_visible()
    # as written, apart from the invisible word joiner that keeps "http:" from becoming a link
    assert (
        message.inner_text().replace(WORD_JOINER, "")
        == f"{USER}（府省編集者（MOFA））としてログインしています。"
    )
    sidebar = page.get_by_test_id("stSidebar").get_by_text("府省編集者（MOFA）", exact=False)
    assert sidebar.inner_text().replace(WORD_JOINER, "") == f"{USER} — 府省編集者（MOFA）"
    no_markup(page, "login")

    # Inside the app (a new page load would be a new session): FY2021 is the newest year with entries.
    page.get_by_role("link", name="フォローアップ表").click()
    for name in CELL_TEXTS:
        first_line = reveal(text_of(name))[:40]
        expect(page.get_by_text(first_line, exact=False).first).to_be_visible()
    no_markup(page, "followup")

    page.get_by_role("link", name="年度比較").click()
    expect(page.get_by_text(reveal(text_of("markdown-link"))[:20], exact=False).first).to_be_visible()
    no_markup(page, "compare")

    page.get_by_role("link", name="報告のアップロード").click()
    status = HOSTILE / TEXTS["markdown-status"]["file"]
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(status))
    problem = page.get_by_text("」は使用できません", exact=False)
    expect(problem).to_be_visible()
    assert "「[順調](http://evil.invalid/status)」" in problem.inner_text().replace(WORD_JOINER, "")
    stale = page.get_by_text("様式の作成後に更新されています", exact=False).first  # naming the user
    assert f"{USER}、" in stale.inner_text().replace(WORD_JOINER, "")
    no_markup(page, "upload")

    own = urlsplit(server).netloc
    elsewhere = sorted({u for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                        and urlsplit(u).netloc != own})  # fmt: skip
    assert elsewhere == []
