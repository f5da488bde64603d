"""A 2023 action from structure to report, in a real browser (Playwright driving Debian Chromium): the
secretariat assigns 文部科学省 to a 量子未来産業創出戦略 action and opens the FY2026 round; MEXT downloads its
template, finds the row under the 2023 strategy, fills it and submits; the follow-up page filtered to that
strategy shows it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from model.auth import add_user, operator
from model.store import open_store
from tests.browser.conftest import serve_dashboard

pytestmark = pytest.mark.browser
ACTION = "2301-1-01"  # ユースケースづくり支援等
PASSWORD = "kibou-no-ryoushi-2030"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    db = tmp_path / "strategy.sqlite3"
    store = open_store(f"sqlite:///{db}")
    store.init()
    add_user(store, "sec1", "secretariat", password=PASSWORD, by=operator())
    add_user(store, "mext1", "editor", password=PASSWORD, ministry_code="MEXT", by=operator())
    store.engine.dispose()
    with serve_dashboard(db) as url:
        yield url


def _log_in(page: Page, server: str, name: str) -> None:
    page.goto(f"{server}/login")
    page.get_by_label("ユーザー名").fill(name)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    expect(page.get_by_text(f"{name}（").first).to_be_visible()


def _choose(page: Page, label: str, option: str) -> None:
    """Pick `option` in the Streamlit select box labelled `label`."""
    page.get_by_label(label, exact=True).first.click()
    page.get_by_role("option", name=option).first.click()


def test_secretariat_assigns_a_2023_action_and_the_ministry_reports_it(server: str, page: Page) -> None:
    """Structure page → rounds page → the ministry's template and upload → the follow-up page by strategy."""
    _log_in(page, server, "sec1")
    page.get_by_role("link", name="戦略の構造").click()
    expect(page.get_by_role("heading", name="戦略の構造")).to_be_visible()
    expect(page.get_by_text("担当府省未設定 29 件")).to_be_visible()
    form = page.locator('[data-testid="stForm"]').first
    form.get_by_label("取組").click()
    page.get_by_role("option", name=f"{ACTION}　ユースケースづくり支援等").click()
    owners = form.get_by_role("combobox").nth(1)  # the multiselect of owners (after the action's select box)
    owners.click()
    page.keyboard.type("文部科学省")  # typed where the focus is: the open list redraws the box under us
    page.get_by_role("option", name="文（文部科学省）").click()
    page.keyboard.press("Escape")
    form.get_by_label("適用年度").fill("2026")
    form.get_by_label("理由").fill("事務局で担当を決定")
    form.get_by_role("button", name="担当府省を設定").click()
    expect(page.get_by_text("構造の変更 1 件を記録しました")).to_be_visible()

    page.get_by_role("link", name="受付管理").click()
    expect(page.get_by_role("heading", name="受付管理")).to_be_visible()
    page.get_by_label("年度").first.fill("2026")
    page.get_by_role("button", name="受付を開始").click()
    expect(page.get_by_text("2026年度の報告受付を開始しました。")).to_be_visible()
    page.get_by_role("button", name="ログアウト").click()
    # the logout ends the session through /qf/logout: wait for it before the next login
    expect(page.get_by_text("ログインしていません").first).to_be_visible(timeout=60_000)

    _log_in(page, server, "mext1")
    page.get_by_role("link", name="報告のアップロード").click()
    page.get_by_role("button", name="様式を作成").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="様式をダウンロード（.xlsx）").click()
    wb = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    ws = wb["報告"]
    header = [c.value for c in ws[1]]
    found = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == ACTION]
    assert len(found) == 1
    row = found[0]
    assert ws.cell(row, header.index("戦略") + 1).value == "量子未来産業創出戦略"
    assert ws.cell(row, header.index("取組") + 1).value == "ユースケースづくり支援等"
    ws.cell(row, header.index("進捗") + 1).value = "○ユースケース実証をブラウザから報告した。"
    ws.cell(row, header.index("次年度以降の取組") + 1).value = "○対象分野を拡大する。"
    ws.cell(row, header.index("状況") + 1).value = "順調"
    filled = Path(info.value.path()).with_name("filled.xlsx")
    wb.save(filled)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(filled))
    expect(page.get_by_text("問題はありません。変更内容を確認し")).to_be_visible()
    page.get_by_role("button", name="この内容で確定").click()
    expect(page.get_by_text("として保存しました：追加 1")).to_be_visible()

    page.get_by_role("link", name="フォローアップ表").click()
    _choose(page, "戦略", "量子未来産業創出戦略")
    _choose(page, "年度", "2026年度")
    expect(page.get_by_text("ユースケース実証をブラウザから報告した。")).to_be_visible()
    expect(page.get_by_text("【文】")).to_be_visible()
    assert "strategy=industry-2023" in page.url
