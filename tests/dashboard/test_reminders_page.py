"""Deadlines, receipts and reminders on the pages (AppTest): a ministry's deadline in open days and what it
owes, the receipt after a commit and in its history; the rounds board's deadline and last submission; the
reminders section (list, contact, sending after a confirmation through a real SMTP server, history)."""

from __future__ import annotations

import datetime as dt
import io
from html import unescape
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from model.auth import User, add_user, operator
from model.calendar_ja import format_timestamp, today_tokyo
from model.holidays import business_days_left
from model.reporting.reminders import reminder_history, set_contact
from model.reporting.review import Decision, decide
from model.reporting.rounds import open_round
from model.store import Store
from tests.conftest import submit_followup
from tests.dashboard.apptest import APP
from tests.smtp import smtp_server

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SEC = User("setup", "secretariat")
COMMENT = "締結件数を記載してください。"


@pytest.fixture
def round_store(seeded: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    """FY2021 open with a deadline 20 days ahead; MOFA sent 2-1-01, returned with a comment; a MOFA editor.
    No SMTP server configured unless a test starts one."""
    monkeypatch.delenv("QF_SMTP_HOST", raising=False)
    open_round(seeded, 2021, SEC, today_tokyo() + dt.timedelta(days=20))
    submit_followup(seeded, "MOFA", 2021, [("2-1-01", "順調", "○協力を進めた。")])
    decide(seeded, SEC, 2021, "returned", [Decision("2-1-01", "MOFA", COMMENT)])
    add_user(seeded, "mofa1", "editor", password="kibou-no-ryoushi-2030", ministry_code="MOFA", by=operator())
    add_user(seeded, "sec1", "secretariat", password="kibou-no-ryoushi-2030", by=operator())
    return seeded


def _as(name: str, role: str, ministry: str | None, page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["qf_user"] = {"name": name, "role": role, "ministry_code": ministry}
    at.switch_page(page)
    return at.run()


def _left_text() -> str:
    return f"あと {business_days_left(today_tokyo() + dt.timedelta(days=20), today_tokyo())} 開庁日"


def test_ministry_page_shows_deadline_open_days_and_what_it_owes(round_store: Store) -> None:
    """MOFA owes 3 rows (2-1-01 returned, two not submitted): 「3行中0行報告済み、残り3行」, the deadline."""
    at = _as("mofa1", "editor", "MOFA", "views/upload.py")
    assert not at.exception
    deadline = today_tokyo() + dt.timedelta(days=20)
    (info,) = [i.value for i in at.info if "提出期限" in i.value]
    assert f"{deadline.year}年{deadline.month}月{deadline.day}日（{_left_text()}）" in info
    assert "3行中0行報告済み、残り3行（未提出 2・差戻し 1）" in info


def test_commit_shows_the_receipt_and_the_history_lists_it(round_store: Store) -> None:
    """After the commit the success message names 受付番号 2021-000003; the history lists it in Japan time."""
    from model.auth import User
    from model.reporting.template import issue_template
    from tests.model.reporting.conftest import fill, template_ids

    blank = issue_template(round_store, User("mofa1", "editor", "MOFA"), "MOFA", 2021)
    data = fill(blank, {a: (f"進捗 {a}", f"次年度 {a}", "順調") for a in template_ids(blank)})
    at = _as("mofa1", "editor", "MOFA", "views/upload.py")
    at.get("file_uploader")[0].upload("mofa.xlsx", data, XLSX).run()  # type: ignore[attr-defined]
    next(b for b in at.button if b.key == "commit").click().run()
    assert not at.exception
    assert any("受付番号 2021-000003" in s.value for s in at.success)
    history = next(d.value for d in at.dataframe if "受付番号" in d.value.columns)
    assert history["受付番号"].tolist()[:2] == ["2021-000003", "2021-000002"]
    stored = round_store.snapshot().submissions().set_index("id").loc[3, "created_at"]
    assert history["日時"].iloc[0] == format_timestamp(stored)
    info = next(i.value for i in at.info if "提出期限" in i.value)
    assert "3行中3行報告済み、残り0行（未提出 0・差戻し 0）" in info  # all resubmitted or submitted


def test_rounds_board_shows_deadline_days_left_and_last_submission(round_store: Store) -> None:
    """The board: every ministry's deadline and open days left; MOFA's last submission in Japan time with
    its receipt; a ministry that sent nothing shows —."""
    at = _as("sec1", "secretariat", None, "views/rounds.py")
    assert not at.exception
    board = next(d.value for d in at.dataframe if "最終提出" in d.value.columns)
    mofa = board[board["府省"] == "外務省"].iloc[0]
    stored = round_store.snapshot().submissions().set_index("id").loc[2, "created_at"]
    assert (mofa["最終提出"], mofa["受付番号"]) == (format_timestamp(stored), "2021-000002")
    assert mofa["残り開庁日"] == _left_text()
    mext = board[board["府省"] == "文部科学省"].iloc[0]
    assert (mext["最終提出"], mext["受付番号"]) == ("—", "—")
    assert set(board["提出期限"]) == {mofa["提出期限"]}


def test_rounds_page_sends_reminders_after_confirmation_and_shows_history(
    round_store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The list shows MOFA's 3 rows with the comment and downloads as .xlsx; sending without the tick sends
    nothing; with it, MOFA's contact receives one e-mail, the success message counts it and the history
    lists each ministry's outcome."""
    set_contact(round_store, SEC, "外", "kokusai@mofa.example.go.jp")
    with smtp_server() as server:
        for key, value in server.env().items():
            monkeypatch.setenv(key, value)
        at = _as("sec1", "secretariat", None, "views/rounds.py")
        assert not at.exception
        listed = next(d.value for d in at.dataframe if "事務局コメント" in d.value.columns)
        mofa = listed[listed["府省"] == "外務省"]
        assert mofa["取組ID"].tolist() == ["2-1-01", "2-2-01", "5-2-01"]
        assert mofa["事務局コメント"].tolist()[0] == COMMENT
        assert mofa["連絡先"].tolist()[0] == "kokusai@mofa.example.go.jp"
        xlsx = next(b for b in at.get("download_button") if b.proto.label == "督促リスト（Excel）")
        assert xlsx is not None
        before = round_store.version()
        next(b for b in at.button if b.label == "督促メールを送信").click().run()
        assert not at.exception and round_store.version() == before and server.received == []
        assert any("確認のチェック" in w.value for w in at.warning)
        at.checkbox(key="remind_sure").check()
        next(b for b in at.button if b.label == "督促メールを送信").click().run()
    assert not at.exception
    assert [m.rcpt_tos for m in server.received] == [["kokusai@mofa.example.go.jp"]]
    assert (
        server.received[0].message["Subject"] == "【提出のお願い】2021年度 量子戦略フォローアップ（外務省）"
    )
    # what the screen renders: markdown_text escapes the text (and joins "@" so that no link is made)
    (done,) = [unescape(s.value).replace("\u2060", "") for s in at.success if "督促メール" in s.value]
    assert (
        "送信 1 件、失敗 6 件" in done
        and "外務省: 3 行の督促を kokusai@mofa.example.go.jp に送信しました" in done
    )
    history = next(d.value for d in at.dataframe if "結果" in d.value.columns)
    row = history[history["府省"] == "外務省"].iloc[0]
    assert (row["結果"], row["行数"], row["宛先"], row["送信者"]) == (
        "送信済み",
        "3",
        "kokusai@mofa.example.go.jp",
        "sec1",
    )
    other = history[history["府省"] == "文部科学省"].iloc[0]
    assert other["結果"] == "失敗" and "連絡先が登録されていません" in other["エラー"]
    assert len(reminder_history(round_store.snapshot(), 2021)) == 7


def test_contact_is_saved_from_the_page_and_a_wrong_one_is_refused(round_store: Store) -> None:
    """The secretariat saves MEXT's address; a wrong one is named and nothing is stored. Without SMTP
    settings the page says so and offers the list only."""
    at = _as("sec1", "secretariat", None, "views/rounds.py")
    assert any("メール送信は設定されていません" in i.value for i in at.info)
    assert not [b for b in at.button if b.label == "督促メールを送信"]
    at.selectbox(key="contact_ministry").set_value("MEXT").run()
    at.text_input(key="contact_MEXT").input("ryoshi@mext")
    next(b for b in at.button if b.label == "連絡先を保存").click().run()
    errors = [unescape(e.value).replace("\u2060", "") for e in at.error]
    assert any("「ryoshi@mext」はメールアドレスとして読めません" in e for e in errors)
    at.text_input(key="contact_MEXT").input("ryoshi@mext.example.go.jp")
    next(b for b in at.button if b.label == "連絡先を保存").click().run()
    assert not at.exception
    assert any("文部科学省の連絡先を保存しました（1 件）" in unescape(s.value) for s in at.success)
    table = next(
        d.value for d in at.dataframe if "連絡先" in d.value.columns and "取組ID" not in d.value.columns
    )
    assert table.set_index("府省").loc["文部科学省", "連絡先"] == "ryoshi@mext.example.go.jp"


def test_the_downloaded_list_is_the_shown_list(round_store: Store) -> None:
    """The page's .xlsx holds the rows the page lists."""
    at = _as("sec1", "secretariat", None, "views/rounds.py")
    listed = next(d.value for d in at.dataframe if "事務局コメント" in d.value.columns)
    from model.reporting.reminders import list_file, plan

    ws = openpyxl.load_workbook(io.BytesIO(list_file(plan(round_store.snapshot(), 2021), "xlsx"))).active
    assert ws is not None
    assert [r[4] for r in ws.iter_rows(min_row=2, values_only=True)] == listed["取組ID"].tolist()
