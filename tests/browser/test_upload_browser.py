"""The upload page in a real browser: log in as a ministry, download the template, upload a bad file and
see the errors, upload a good one, preview, commit (Playwright driving Debian Chromium)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from model.auth import User, add_user, operator
from model.reporting.rounds import open_round
from model.store import open_store
from tests.browser.conftest import serve_dashboard

pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """Streamlit on a free port over a temp SQLite store with the FY2021 round and a MOFA editor."""
    db = tmp_path / "browser.sqlite3"
    store = open_store(f"sqlite:///{db}")
    store.init()
    open_round(store, 2021, User("setup", "secretariat"))
    add_user(store, "mofa1", "editor", password="kibou-no-ryoushi-2030", ministry_code="MOFA", by=operator())
    store.engine.dispose()
    with serve_dashboard(db) as url:
        yield url


def _fill(template: bytes, status_for_first: str) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(template))
    ws = wb["報告"]
    header = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        ws.cell(r, header.index("進捗") + 1).value = f"ブラウザから報告 {r}"
        ws.cell(r, header.index("次年度以降の取組") + 1).value = "継続する。"
        ws.cell(r, header.index("状況") + 1).value = status_for_first if r == 2 else "順調"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _log_in(page: Page, server: str) -> None:
    """Log in as the MOFA editor and go to the upload page (inside the app: the session's page state)."""
    page.goto(f"{server}/login")
    page.get_by_label("ユーザー名").fill("mofa1")
    page.get_by_label("パスワード").fill("kibou-no-ryoushi-2030")
    page.get_by_role("button", name="ログイン").click()
    expect(page.get_by_text("mofa1（府省編集者（MOFA））としてログインしています。")).to_be_visible()
    page.get_by_role("link", name="報告のアップロード").click()
    expect(page.get_by_role("heading", name="報告のアップロード")).to_be_visible()


def _template(page: Page) -> tuple[bytes, str]:
    """Make and download a template on the upload page: its bytes and file name."""
    page.get_by_role("button", name="様式を作成").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="様式をダウンロード（.xlsx）").click()
    return Path(info.value.path()).read_bytes(), info.value.suggested_filename


def test_ministry_uploads_through_the_browser(server: str, page: Page, tmp_path: Path) -> None:
    """Log in, download, bad upload → errors, good upload → preview → commit → history."""
    _log_in(page, server)
    template, file_name = _template(page)
    assert file_name == "followup_2021_MOFA.xlsx"

    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(_fill(template, "ほぼ順調"))
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(bad))
    expect(
        page.get_by_text("提出を受け付けませんでした（問題 1 件）。何も保存されていません。")
    ).to_be_visible()
    expect(page.get_by_text("状況「ほぼ順調」は使用できません").first).to_be_visible(timeout=10_000)

    good = tmp_path / "good.xlsx"
    good.write_bytes(_fill(template, "完了"))
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(good))
    expect(page.get_by_text("問題はありません。変更内容を確認し")).to_be_visible()
    expect(page.get_by_text("追加（3）")).to_be_visible()
    page.get_by_role("button", name="この内容で確定").click()
    expect(page.get_by_text("提出#2として保存しました：追加 3、変更 0、変更なし 0。")).to_be_visible()

    store = open_store(f"sqlite:///{tmp_path / 'browser.sqlite3'}")
    entries = store.snapshot().followup(2021)
    assert sorted(entries["status"]) == ["完了", "順調", "順調"]
    store.engine.dispose()


def test_a_checked_upload_survives_a_reload(server: str, page: Page, tmp_path: Path) -> None:
    """Check a filled template, press F5: the login and the checked file are still there (kept on the
    server for the session), the preview and the commit button come back, the commit stores it; the
    kept file is gone afterwards. A second one, discarded after a reload, is gone too."""
    _log_in(page, server)
    good = tmp_path / "checked.xlsx"
    good.write_bytes(_fill(_template(page)[0], "完了"))
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(good))
    expect(page.get_by_text("追加（3）")).to_be_visible()
    store = open_store(f"sqlite:///{tmp_path / 'browser.sqlite3'}")
    try:
        assert store.row_counts()["pending_uploads"] == 1

        page.reload()
        expect(page.get_by_text("確認済みでまだ確定していないファイル「checked.xlsx」")).to_be_visible()
        expect(page.get_by_text("追加（3）")).to_be_visible()
        page.get_by_role("button", name="この内容で確定").click()
        expect(page.get_by_text("提出#2として保存しました：追加 3、変更 0、変更なし 0。")).to_be_visible()
        assert sorted(store.snapshot().followup(2021)["status"]) == ["完了", "順調", "順調"]
        assert store.row_counts()["pending_uploads"] == 0
        page.reload()
        expect(page.get_by_text("提出履歴")).to_be_visible()
        expect(page.get_by_text("確認済みでまだ確定していないファイル")).to_have_count(0)

        again = tmp_path / "again.xlsx"
        again.write_bytes(_fill(_template(page)[0], "一部遅延"))  # a template of the new version
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(again))
        expect(page.get_by_text("変更（1）")).to_be_visible()
        page.reload()
        page.get_by_role("button", name="保持しているファイルを破棄").click()
        expect(page.get_by_text("確認済みでまだ確定していないファイル")).to_have_count(0)
        expect(page.get_by_role("button", name="この内容で確定")).to_have_count(0)
        assert store.row_counts()["pending_uploads"] == 0
    finally:
        store.engine.dispose()
