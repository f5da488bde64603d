"""The review cycle in a real browser (Playwright driving Debian Chromium): 外務省 submits its FY2021 rows →
the secretariat returns one with a comment → 外務省 sees the comment on its page and in its next template,
fixes the row and submits again → the secretariat accepts all and publishes FY2021 → a reader who is not
logged in sees the year, which before publication was not shown to readers at all.

The other ministries' FY2021 rows are reported and accepted through the model before the browser starts:
publication needs every row of the year 確定, and the flow under test is one ministry's."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from model.auth import User, add_user, operator
from model.reporting.review import Decision, decide, entry_states
from model.reporting.rounds import open_round
from model.store import open_store
from tests.browser.conftest import serve_dashboard
from tests.conftest import submit_followup

pytestmark = pytest.mark.browser
PASSWORD = "kibou-no-ryoushi-2030"
FY = 2021
COMMENT = "件数を記載してください。"
FIXED = "○米国と協力覚書を2件締結した。"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "review.sqlite3"
    store = open_store(f"sqlite:///{db}")
    store.init()
    add_user(store, "sec1", "secretariat", password=PASSWORD, by=operator())
    add_user(store, "mofa1", "editor", password=PASSWORD, ministry_code="MOFA", by=operator())
    open_round(store, FY, User("sec1", "secretariat"))
    for code, rows in entry_states(store.snapshot(), FY).groupby("ministry_code"):
        if code == "MOFA":
            continue
        ids = [str(a) for a in rows["action_id"]]
        submit_followup(store, str(code), FY, [(a, "順調", f"○取組を進めた（{code}）。") for a in ids])
        decide(store, operator(), FY, "accepted", [Decision(a, str(code)) for a in ids])
    store.engine.dispose()
    with serve_dashboard(db) as url:
        yield url, db


def _log_in(page: Page, server: str, name: str) -> None:
    page.goto(f"{server}/login")
    page.get_by_label("ユーザー名").fill(name)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    expect(page.get_by_text(f"{name}（").first).to_be_visible()


def _log_out(page: Page) -> None:
    page.get_by_role("button", name="ログアウト").click()
    expect(page.get_by_text("ログインしていません").first).to_be_visible()


def _fy_options(page: Page, server: str) -> list[str]:
    """The fiscal years the follow-up page offers (as a reader who is not logged in)."""
    page.goto(f"{server}/followup")
    expect(page.get_by_role("heading", name="フォローアップ表")).to_be_visible()
    page.get_by_label("年度", exact=True).first.click()
    options = [o.strip() for o in page.get_by_role("option").all_inner_texts() if o.strip() != "全年度"]
    page.keyboard.press("Escape")
    return options


def _template(page: Page) -> openpyxl.Workbook:
    page.get_by_role("link", name="報告のアップロード").click()
    expect(page.get_by_role("heading", name="報告のアップロード")).to_be_visible()
    page.get_by_role("button", name="様式を作成").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="様式をダウンロード（.xlsx）").click()
    return openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))


expect.set_options(timeout=60_000)  # a loaded machine: Streamlit reruns can take seconds


def _submit(page: Page, wb: openpyxl.Workbook, path: Path) -> None:
    wb.save(path)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    expect(page.get_by_text("問題はありません。変更内容を確認し")).to_be_visible()
    page.get_by_role("button", name="この内容で確定").click()
    expect(page.get_by_text("として保存しました").first).to_be_visible()


def _decide(page: Page, server: str, picks: list[str], button: str, comment: str = "") -> None:
    page.get_by_role("link", name="受付管理").click()
    expect(page.get_by_role("heading", name="受付管理")).to_be_visible()
    form = page.locator('[data-testid="stForm"]').filter(has_text="差戻し・確定する行")
    for pick in picks:
        form.get_by_role("combobox").first.click()
        page.keyboard.type(pick)
        page.get_by_role("option", name=pick).first.click()
        page.keyboard.press("Escape")
    if comment:
        form.get_by_label("事務局コメント（差戻しでは必須）").fill(comment)
    form.get_by_text("選んだ行について判断を記録します").click()
    form.get_by_role("button", name=button).click()


def test_submit_return_fix_accept_publish_and_the_public_sees_it(
    server: tuple[str, Path], page: Page, tmp_path: Path
) -> None:
    url, db = server
    assert _fy_options(page, url) == ["2020年度"]  # FY2021 is being collected: not public
    expect(page.get_by_text("公表済みの年度（2020）だけ").first).to_be_attached()

    # 外務省 submits its three rows.
    _log_in(page, url, "mofa1")
    wb = _template(page)
    ws = wb["報告"]
    header = [c.value for c in ws[1]]
    col = {
        name: header.index(name) + 1
        for name in ("取組ID", "進捗", "次年度以降の取組", "状況", "事務局コメント")
    }
    rows = {ws.cell(r, col["取組ID"]).value: r for r in range(2, ws.max_row + 1)}
    assert len(rows) == 3
    for r in rows.values():
        ws.cell(r, col["進捗"]).value = "○米国と協力を進めた。"
        ws.cell(r, col["次年度以降の取組"]).value = "○協力を続ける。"
        ws.cell(r, col["状況"]).value = "順調"
    _submit(page, wb, tmp_path / "first.xlsx")
    _log_out(page)

    # The secretariat returns one row with a comment.
    returned = sorted(rows)[0]
    _log_in(page, url, "sec1")
    _decide(page, url, [returned], "差し戻す", COMMENT)
    expect(page.get_by_text("1 件を差し戻しました").first).to_be_visible()
    _log_out(page)

    # 外務省 sees the comment on its page and in its next template, fixes the row and submits again.
    _log_in(page, url, "mofa1")
    wb = _template(page)
    expect(page.get_by_text("差し戻された行が 1 件あります").first).to_be_visible()
    expect(page.locator("table.qf-print-table").filter(has_text=COMMENT)).to_have_count(1)
    ws = wb["報告"]
    assert ws.cell(rows[returned], col["事務局コメント"]).value == COMMENT
    assert ws.cell(rows[returned], col["進捗"]).value == "○米国と協力を進めた。"  # what it submitted
    ws.cell(rows[returned], col["進捗"]).value = FIXED
    _submit(page, wb, tmp_path / "fixed.xlsx")
    expect(page.get_by_text("再提出 1").first).to_be_visible()
    _log_out(page)

    # The secretariat accepts all three and publishes the year.
    _log_in(page, url, "sec1")
    _decide(page, url, sorted(rows), "確定する")
    expect(page.get_by_text("3 件を確定しました").first).to_be_visible()
    publish = page.locator('[data-testid="stForm"]').filter(has_text="公表の注記")
    publish.get_by_text("2021年度を公表します").click()
    publish.get_by_role("button", name="公表する").click()
    expect(page.get_by_text("2021年度を公表しました").first).to_be_visible()
    _log_out(page)

    # A reader who is not logged in now sees FY2021, with the corrected text.
    assert _fy_options(page, url) == ["2021年度", "2020年度"]
    page.get_by_label("年度", exact=True).first.click()
    page.get_by_role("option", name="2021年度").click()
    expect(page.get_by_text(FIXED).first).to_be_visible()
    store = open_store(f"sqlite:///{db}")
    states = set(entry_states(store.snapshot(), FY)["state"])
    store.engine.dispose()
    assert states == {"accepted"}


def test_switching_the_language_relabels_the_chosen_values(server: tuple[str, Path], page: Page) -> None:
    """A select box shows its chosen value in the language switched to (it kept 「2020年度」 and 「すべて」 on
    the English page before dashboard/app.py wrote the choices back)."""
    url, _ = server
    _log_in(page, url, "sec1")
    page.get_by_role("link", name="年度比較").click()
    expect(page.get_by_role("heading", name="年度比較")).to_be_visible()
    values = page.locator('[data-testid="stSelectbox"] input')
    expect(values.first).to_have_value("2020年度")
    page.get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Year over year")).to_be_visible()
    expect(values.first).to_have_value("FY2020")
    chosen = values.evaluate_all("els => els.map(e => e.value)")
    assert chosen[:3] == ["FY2020", "FY2021 (provisional)", "All"]
    # Japanese text on the English page is marked as Japanese (language of parts), English text is not.
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator('[lang="ja"]', has_text="量子コンピュータ").first).to_be_attached()
    assert main.get_by_role("heading", name="Year over year").evaluate("e => e.closest('[lang=ja]')") is None
