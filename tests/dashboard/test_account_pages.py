"""The account page (own password) and the users page's reset, driven through AppTest over a real SQLite
store: the policy's messages show, a change ends the user's other logins, a reset ends all of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from model import sessions
from model.auth import add_user, authenticate, operator
from model.store import Store, open_store

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
OLD = "kibou-no-ryoushi-2030"
NEW = "hikari-no-hashi-wataru-2031"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("QF_REQUIRE_LOGIN", raising=False)
    monkeypatch.setenv("QF_SQLITE_PATH", str(tmp_path / "app.sqlite3"))
    s = open_store()
    s.init()
    add_user(s, "mofa1", "editor", password=OLD, ministry_code="MOFA", by=operator())
    add_user(s, "sec1", "secretariat", password=OLD, by=operator())
    return s


def _page(page: str, name: str, role: str, ministry: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["qf_user"] = {"name": name, "role": role, "ministry_code": ministry}
    at.switch_page(f"views/{page}.py")
    return at


def _other_login(store: Store) -> str:
    user = authenticate(store, "mofa1", OLD)
    assert user is not None
    token = sessions.claim(store, sessions.begin(store, user))
    assert token is not None
    return token


def test_a_user_changes_their_password_and_their_other_logins_end(store: Store) -> None:
    """Mismatch and weak passwords get their message and change nothing; a good change ends the rest."""
    elsewhere = _other_login(store)
    at = _page("account", "mofa1", "editor", "MOFA")
    at.run()
    assert at.title[0].value == "アカウント"
    at.text_input(key="pw_current").input(OLD)
    at.text_input(key="pw_new").input(NEW)
    at.text_input(key="pw_repeat").input(NEW + "x")
    at.button[0].click().run()
    assert "一致しません" in at.error[0].value
    at.text_input(key="pw_current").input(OLD)
    at.text_input(key="pw_new").input("mofa1-password")
    at.text_input(key="pw_repeat").input("mofa1-password")
    at.button[0].click().run()
    assert "推測されやすい" in at.error[0].value
    assert authenticate(store, "mofa1", OLD) is not None
    at.text_input(key="pw_current").input(OLD)
    at.text_input(key="pw_new").input(NEW)
    at.text_input(key="pw_repeat").input(NEW)
    at.button[0].click().run()
    assert not at.exception
    assert at.success[0].value == "パスワードを変更しました。ほかの場所でのログイン 1 件を終了しました。"
    assert sessions.resume(store, elsewhere, dt.datetime.now(dt.UTC)) is None
    assert authenticate(store, "mofa1", NEW) is not None


def test_the_secretariat_resets_a_password_on_the_users_page(store: Store) -> None:
    """The reset form sets the new password and ends the user's logins."""
    elsewhere = _other_login(store)
    at = _page("users", "sec1", "secretariat")
    at.run()
    at.selectbox(key="reset_name").set_value("mofa1")
    at.text_input(key="reset_new").input(NEW)
    at.text_input(key="reset_repeat").input(NEW)
    at.button(key="FormSubmitter:reset_password-パスワードを再設定").click().run()
    assert not at.exception
    assert (
        at.success[0].value
        == "ユーザー「mofa1」のパスワードを再設定しました。そのユーザーのログイン 1 件を終了しました。"
    )
    assert sessions.resume(store, elsewhere, dt.datetime.now(dt.UTC)) is None
    assert authenticate(store, "mofa1", NEW) is not None


def test_an_editor_gets_no_reset_form(store: Store) -> None:
    """The users page (and its reset) is the secretariat's; the model refuses anyone else regardless."""
    at = _page("users", "mofa1", "editor", "MOFA")
    at.run()
    assert not at.exception
    assert at.title[0].value != "ユーザー管理"
    assert not [b for b in at.button if "再設定" in str(b.label)]
