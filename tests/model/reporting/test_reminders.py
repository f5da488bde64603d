"""Reminders to ministries with rows 未提出 or 差戻し: the plan, the list, e-mails through a real SMTP server
(aiosmtpd, started here), every failure named and recorded; contacts; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from model.auth import User
from model.errors import AppError
from model.reporting.mail import SmtpSettings, smtp_settings
from model.reporting.reminders import (
    contacts,
    error_text,
    list_file,
    parse_addresses,
    plan,
    reminder_history,
    send_reminders,
    set_contact,
)
from model.reporting.review import Decision, decide
from model.reporting.rounds import open_round
from model.store import Store
from tests.conftest import submit_followup
from tests.model.reporting.conftest import FY, SECRETARIAT, snapshot
from tests.smtp import Server, free_port, smtp_server

TODAY = dt.date(2022, 5, 20)  # a Friday; the deadline below is 8 open days away
DEADLINE = dt.date(2022, 5, 31)
SUBJECT_MOFA = "【提出のお願い】2021年度 量子戦略フォローアップ（外務省）"
COMMENT = "締結件数を記載してください。"


def _round(store: Store) -> Store:
    """FY2021 open with a deadline; MOFA submitted 2-1-01, which was returned with a comment; contacts set
    for MOFA (two addresses) and MEXT."""
    open_round(store, FY, SECRETARIAT, DEADLINE)
    submit_followup(store, "MOFA", FY, [("2-1-01", "順調", "○協力を進めた。")])
    decide(store, SECRETARIAT, FY, "returned", [Decision("2-1-01", "MOFA", COMMENT)])
    set_contact(store, SECRETARIAT, "外", "kokusai@mofa.example.go.jp, ｋａｃｈｏ@mofa.example.go.jp")
    set_contact(store, SECRETARIAT, "MEXT", "ryoshi@mext.example.go.jp")
    return store


def _settings(server: Server) -> SmtpSettings:
    settings = smtp_settings(server.env())
    assert settings is not None
    return settings


def test_plan_lists_each_ministrys_owed_rows_with_deadline_and_comment(sqlite_store: Store) -> None:
    """MOFA owes 2 rows not submitted and 1 returned (with the comment); 8 open days to the deadline."""
    _round(sqlite_store)
    reminders = {r.ministry_code: r for r in plan(sqlite_store.snapshot(), FY, TODAY)}
    mofa = reminders["MOFA"]
    assert [(r.action_id, r.state, r.comment) for r in mofa.rows] == [
        ("2-1-01", "returned", COMMENT),
        ("2-2-01", "not_submitted", None),
        ("5-2-01", "not_submitted", None),
    ]
    assert (mofa.total, mofa.deadline, mofa.days_left, mofa.past) == (3, DEADLINE, 8, False)
    assert mofa.recipients == ("kokusai@mofa.example.go.jp", "kacho@mofa.example.go.jp")
    assert len(reminders["MEXT"].rows) == 23 and reminders["CSTI"].recipients == ()


def test_reminders_are_emailed_to_the_right_people_and_recorded(store: Store) -> None:
    """Through a real SMTP server: each ministry with a contact gets one e-mail to its addresses, with its
    rows (and only its rows) in the body, the Japanese subject encoded (RFC 2047) and the body in UTF-8;
    every outcome is recorded in one new version, ministries without a contact as failed."""
    _round(store)
    version = store.version()
    with smtp_server() as server:
        results = send_reminders(store, SECRETARIAT, FY, _settings(server), today=TODAY)
    outcome = {r.ministry_code: r for r in results}
    assert outcome["MOFA"].sent and outcome["MEXT"].sent
    assert outcome["CSTI"].error is not None and outcome["CSTI"].error.msg_id == "err.rm.no_contact"
    by_to = {tuple(m.rcpt_tos): m for m in server.received}
    assert set(by_to) == {
        ("kokusai@mofa.example.go.jp", "kacho@mofa.example.go.jp"),
        ("ryoshi@mext.example.go.jp",),
    }
    mofa = by_to[("kokusai@mofa.example.go.jp", "kacho@mofa.example.go.jp")]
    assert mofa.mail_from == "followup@cao.example.go.jp"
    assert b"=?utf-8?" in mofa.raw.split(b"\r\n\r\n")[0].lower()  # the header is ASCII, the subject encoded
    message = mofa.message
    assert message["Subject"] == SUBJECT_MOFA
    assert message.get_content_charset() == "utf-8"
    body = message.get_content()
    assert "外務省 ご担当者様" in body and "提出期限: 2022年5月31日（あと 8 開庁日）" in body
    assert "報告対象 3 行のうち、残り 3 行です。" in body
    assert "■ 未提出（2 行）" in body and "・2-2-01 外国為替及び外国貿易法" in body and "・5-2-01 " in body
    assert "■ 差戻し（1 行）" in body and f"事務局コメント: {COMMENT}" in body
    assert "1-1-01" not in body  # MEXT's row
    assert "・1-1-01 " in by_to[("ryoshi@mext.example.go.jp",)].message.get_content()

    assert store.version() == version + 1
    history = reminder_history(store.snapshot(), FY).set_index("ministry_code")
    assert history.loc["MOFA", "outcome"] == "sent" and history.loc["MOFA", "n_rows"] == 3
    assert history.loc["MOFA", "recipients"] == "kokusai@mofa.example.go.jp,kacho@mofa.example.go.jp"
    assert json.loads(history.loc["MOFA", "rows"])[0] == {"action_id": "2-1-01", "state": "returned"}
    assert history.loc["MEXT", "outcome"] == "sent" and history.loc["MEXT", "n_rows"] == 23
    assert history.loc["CSTI", "outcome"] == "failed" and history.loc["CSTI", "error"] == "err.rm.no_contact"
    assert set(history["user_name"]) == {SECRETARIAT.name} and len(history) == 7


def test_a_refused_connection_is_named_and_recorded_as_failed(sqlite_store: Store) -> None:
    """No server on the port: every ministry fails with 'connection refused' (host and port named), one
    version records it, nothing is recorded as sent."""
    _round(sqlite_store)
    version = sqlite_store.version()
    settings = SmtpSettings("127.0.0.1", free_port(), "none", "followup@cao.example.go.jp", timeout=5)
    results = send_reminders(sqlite_store, SECRETARIAT, FY, settings, today=TODAY)
    errors = {r.ministry_code: r.error.msg_id for r in results if r.error is not None}
    assert errors["MOFA"] == errors["MEXT"] == "err.rm.smtp_refused" and not any(r.sent for r in results)
    assert sqlite_store.version() == version + 1
    history = reminder_history(sqlite_store.snapshot(), FY).set_index("ministry_code")
    text = error_text(history.loc["MOFA", "error"], history.loc["MOFA", "error_detail"])
    assert text.startswith(f"メールサーバが接続を拒否しました（127.0.0.1:{settings.port}）")
    assert "Traceback" not in text and set(history["outcome"]) == {"failed"}


def test_an_unknown_host_is_named(sqlite_store: Store) -> None:
    """A host name that does not resolve (.invalid is reserved for that) is named as unknown."""
    _round(sqlite_store)
    settings = SmtpSettings("smtp.example.invalid", 25, "none", "followup@cao.example.go.jp", timeout=5)
    results = send_reminders(sqlite_store, SECRETARIAT, FY, settings, today=TODAY, ministry="外")
    assert [r.error.msg_id for r in results if r.error] == ["err.rm.smtp_unknown_host"]


def test_starttls_with_login_sends_and_a_wrong_password_is_named(sqlite_store: Store, tmp_path: Path) -> None:
    """A server requiring STARTTLS and a login: the right password sends (over TLS, the server's own
    certificate trusted through QF_SMTP_CA_FILE); a wrong one fails as an authentication error."""
    _round(sqlite_store)
    with smtp_server(tls_folder=tmp_path, login=("cao-mailer", "kibou-2030")) as server:
        good = smtp_settings(server.env(QF_SMTP_USER="cao-mailer", QF_SMTP_PASSWORD="kibou-2030"))
        sent = send_reminders(sqlite_store, SECRETARIAT, FY, good, today=TODAY, ministry="外")
        bad = smtp_settings(server.env(QF_SMTP_USER="cao-mailer", QF_SMTP_PASSWORD="wrong"))
        failed = send_reminders(sqlite_store, SECRETARIAT, FY, bad, today=TODAY, ministry="外")
        plain = smtp_settings(server.env(QF_SMTP_SECURITY="none"))
        refused = send_reminders(sqlite_store, SECRETARIAT, FY, plain, today=TODAY, ministry="外")
    assert sent[0].sent and len(server.received) == 1
    assert server.received[0].message["Subject"] == SUBJECT_MOFA
    assert failed[0].error is not None and failed[0].error.msg_id == "err.rm.smtp_auth"
    assert "cao-mailer" in failed[0].error.render("ja")
    assert refused[0].error is not None and refused[0].error.msg_id == "err.rm.smtp_sender"  # must STARTTLS
    outcomes = reminder_history(sqlite_store.snapshot(), FY)["outcome"].tolist()
    assert outcomes == ["failed", "failed", "sent"]  # newest first


def test_a_refused_recipient_fails_only_its_ministry(sqlite_store: Store) -> None:
    """The server refuses MEXT's address: MEXT is recorded as failed with the address named; MOFA is sent."""
    _round(sqlite_store)
    with smtp_server(refuse={"ryoshi@mext.example.go.jp"}) as server:
        results = send_reminders(sqlite_store, SECRETARIAT, FY, _settings(server), today=TODAY)
    outcome = {r.ministry_code: r for r in results}
    assert outcome["MOFA"].sent
    err = outcome["MEXT"].error
    assert err is not None and err.msg_id == "err.rm.smtp_recipients"
    assert "ryoshi@mext.example.go.jp" in err.render("en")
    assert [tuple(m.rcpt_tos) for m in server.received] == [
        ("kokusai@mofa.example.go.jp", "kacho@mofa.example.go.jp")
    ]


def test_without_smtp_or_by_a_ministry_nothing_is_sent_or_recorded(sqlite_store: Store) -> None:
    """No SMTP settings, an editor, or a round where nobody owes anything: refused, no version."""
    _round(sqlite_store)
    before = snapshot(sqlite_store)
    settings = SmtpSettings("127.0.0.1", 25, "none", "followup@cao.example.go.jp")
    cases: list[tuple[User, int, SmtpSettings | None, str]] = [
        (SECRETARIAT, FY, None, "err.rm.smtp_not_configured"),
        (User("mofa1", "editor", "MOFA"), FY, settings, "err.auth.secretariat_only"),
        (SECRETARIAT, 2020, settings, "err.rm.nothing_owed"),  # the published joint text: all 確定
    ]
    for user, fy, smtp, expected in cases:
        with pytest.raises(AppError) as err:
            send_reminders(sqlite_store, user, fy, smtp, today=TODAY)
        assert err.value.msg_id == expected
    assert snapshot(sqlite_store) == before
    assert smtp_settings({}) is None


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"QF_SMTP_SECURITY": "ssl3"}, "QF_SMTP_SECURITY"),
        ({"QF_SMTP_PORT": "70000"}, "QF_SMTP_PORT"),
        ({"QF_SMTP_SENDER": ""}, "QF_SMTP_SENDER"),
    ],
)
def test_wrong_smtp_settings_are_named(env: dict[str, str], name: str) -> None:
    """A wrong setting names the variable to fix."""
    base = {"QF_SMTP_HOST": "smtp.example.go.jp", "QF_SMTP_SENDER": "followup@cao.example.go.jp"}
    with pytest.raises(AppError) as err:
        smtp_settings(base | env)
    assert err.value.msg_id == "err.rm.smtp_setting" and name in err.value.render("ja")


def test_contacts_are_checked_and_only_the_secretariat_sets_them(sqlite_store: Store) -> None:
    """Addresses are normalised (full-width, 、 between); a wrong one is named and nothing is stored; ""
    removes the contact; an editor cannot set one."""
    assert parse_addresses("ａ@mext.example.go.jp、b@mext.example.go.jp") == (
        "a@mext.example.go.jp",
        "b@mext.example.go.jp",
    )
    set_contact(sqlite_store, SECRETARIAT, "文", "a@mext.example.go.jp")
    before = snapshot(sqlite_store)
    for user, text, expected in [
        (SECRETARIAT, "a@mext.example.go.jp, 文科省担当", "err.rm.bad_address"),
        (SECRETARIAT, ",".join(f"u{i}@mext.example.go.jp" for i in range(11)), "err.rm.too_many_addresses"),
        (User("mext1", "editor", "MEXT"), "x@mext.example.go.jp", "err.auth.secretariat_only"),
    ]:
        with pytest.raises(AppError) as err:
            set_contact(sqlite_store, user, "文", text)
        assert err.value.msg_id == expected
    assert snapshot(sqlite_store) == before
    assert contacts(sqlite_store.snapshot()) == {"MEXT": ("a@mext.example.go.jp",)}
    set_contact(sqlite_store, SECRETARIAT, "文", "")
    assert contacts(sqlite_store.snapshot()) == {}


def test_the_list_downloads_as_xlsx_and_csv_with_the_same_rows(sqlite_store: Store) -> None:
    """One line per owed row: ministry, contact, deadline, open days left, id, title, state, comment."""
    _round(sqlite_store)
    reminders = plan(sqlite_store.snapshot(), FY, TODAY)
    ws = openpyxl.load_workbook(io.BytesIO(list_file(reminders, "xlsx"))).active
    assert ws is not None
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0] == ["府省", "連絡先", "提出期限", "残り開庁日", "取組ID", "取組", "状態", "事務局コメント"]
    mofa = [r for r in rows if r[0] == "外務省"]
    assert mofa[0] == [
        "外務省",
        "kokusai@mofa.example.go.jp, kacho@mofa.example.go.jp",
        "2022年5月31日",
        "あと 8 開庁日",
        "2-1-01",
        mofa[0][5],
        "差戻し",
        COMMENT,
    ]
    assert [r[4] for r in mofa] == ["2-1-01", "2-2-01", "5-2-01"]
    assert len(rows) - 1 == sum(len(r.rows) for r in reminders)
    csv = list_file(reminders, "csv").decode("utf-8-sig").splitlines()
    assert len(csv) == len(rows) and csv[0].startswith("府省,連絡先,提出期限")
    assert "（連絡先未登録）" in list_file(reminders, "csv").decode("utf-8-sig")
