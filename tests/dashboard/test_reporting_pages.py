"""The reporting pages headless (AppTest): upload with errors, preview, commit; rounds; login; access."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from model.auth import User, add_user, authenticate, operator, set_disabled
from model.reporting.rounds import get_round, open_round
from model.store import open_store

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PROBLEMS = Path(__file__).resolve().parents[1] / "fixtures" / "upload_problems"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("QF_REQUIRE_LOGIN", raising=False)
    monkeypatch.setenv("QF_SQLITE_PATH", str(tmp_path / "app.sqlite3"))
    store = open_store()
    store.init()
    open_round(store, 2021, User("setup", "secretariat"))
    add_user(store, "mofa1", "editor", password="kibou-no-ryoushi-2030", ministry_code="MOFA", by=operator())
    add_user(store, "sec1", "secretariat", password="kibou-no-ryoushi-2030", by=operator())
    store.engine.dispose()
    return AppTest.from_file(APP, default_timeout=120)


def as_user(at: AppTest, name: str, role: str, ministry: str | None = None) -> AppTest:
    at.session_state["qf_user"] = {"name": name, "role": role, "ministry_code": ministry}
    return at


def test_upload_page_lists_errors_then_previews_and_commits(app: AppTest) -> None:
    """A bad file shows located problems; a good one the preview; the commit shows on the follow-up page."""
    at = as_user(app, "mofa1", "editor", "MOFA")
    at.switch_page("views/upload.py").run()
    assert not at.exception
    assert at.title[0].value == "報告のアップロード"
    at.button(key="make_template").click().run()
    assert not at.exception
    at.file_uploader(key="up_file_0").upload(
        "bad.xlsx", (PROBLEMS / "bad-status.xlsx").read_bytes(), XLSX
    ).run()
    assert at.error[0].value.startswith("提出を受け付けませんでした（問題 1 件）")
    problems = at.table[0].value
    assert problems["行"].tolist() == ["2"]
    assert "おおむね順調" in problems["問題と直し方"].iloc[0]
    at.file_uploader(key="up_file_0").upload("valid.xlsx", (PROBLEMS / "valid.xlsx").read_bytes(), XLSX).run()
    added = at.dataframe[0].value
    assert added["取組ID"].tolist() == ["2-1-01", "2-2-01", "5-2-01"]
    at.button(key="commit").click().run()
    assert not at.exception
    assert any("提出#2として保存しました" in s.value for s in at.success)
    history = next(d.value for d in at.dataframe if "ファイル" in d.value.columns)
    assert history[["#", "ファイル", "結果"]].values.tolist() == [["2", "valid.xlsx", "反映済み"]]
    row = next(
        d.value
        for d in at.dataframe
        if "次年度以降の取組" in d.value.columns and "ユーザー" in d.value.columns
    )
    assert row["進捗"].tolist() == ["二国間の量子協力覚書を2件締結した。"]
    # visible in the dashboard: the follow-up table of FY2021 shows the committed text
    at.switch_page("views/followup.py").run()
    at.selectbox(key="fu_fy").set_value(2021).run()
    assert not at.exception
    assert "二国間の量子協力覚書を2件締結した。" in " ".join(str(m.value) for m in at.markdown)


def test_upload_page_asks_for_login(app: AppTest) -> None:
    """Anonymous readers are pointed to the login page."""
    app.switch_page("views/upload.py").run()
    assert "ログインが必要です" in app.info[0].value


def test_login_with_local_account(app: AppTest) -> None:
    """The login form accepts the right password only."""
    app.switch_page("views/login.py").run()
    app.text_input(key="login_name").input("mofa1")
    app.text_input(key="login_password").input("wrong-pass")
    app.button[0].click().run()
    assert app.error[0].value == "ユーザー名またはパスワードが正しくありません。"
    app.text_input(key="login_password").input("kibou-no-ryoushi-2030")
    app.button[0].click().run()
    assert app.session_state["qf_user"]["ministry_code"] == "MOFA"


def test_reading_can_require_login(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    """With QF_REQUIRE_LOGIN=1 an anonymous visitor sees only the login page."""
    monkeypatch.setenv("QF_REQUIRE_LOGIN", "1")
    app.run()
    assert app.title[0].value == "ログイン"


def test_rounds_page_shows_progress_for_the_secretariat(app: AppTest) -> None:
    """The secretariat sees the open round and every ministry's owed and arrived rows."""
    at = as_user(app, "sec1", "secretariat")
    at.switch_page("views/rounds.py").run()
    assert not at.exception
    progress = at.dataframe[1].value
    assert progress["報告対象"].tolist() == [20, 3, 2, 23, 3, 23, 23]
    assert progress["提出済み"].sum() == 0


def test_secretariat_opens_a_round_and_adds_a_user(app: AppTest, tmp_path: Path) -> None:
    """The rounds form opens FY2022; the users form creates an editor who can then log in."""
    at = as_user(app, "sec1", "secretariat")
    at.switch_page("views/rounds.py").run()
    at.number_input[0].set_value(2022)
    at.button[0].click().run()
    assert not at.exception
    store = open_store()
    assert get_round(store.snapshot(), 2022) is not None
    at.switch_page("views/users.py").run()
    at.text_input(key="new_name").input("meti1")
    at.selectbox(key="new_role").set_value("editor")
    at.selectbox(key="new_ministry").set_value("METI")
    at.text_input(key="new_password").input("yoake-no-kansoku-2030")
    at.button[0].click().run()
    assert not at.exception
    assert authenticate(store, "meti1", "yoake-no-kansoku-2030") == User("meti1", "editor", "METI")
    store.engine.dispose()


def test_editor_does_not_see_secretariat_pages(app: AppTest) -> None:
    """The rounds page is not in an editor's navigation (and the model would refuse the write anyway)."""
    at = as_user(app, "mofa1", "editor", "MOFA")
    at.switch_page("views/rounds.py").run()
    assert not at.exception
    assert "受付管理" not in [t.value for t in at.title]


def test_disabled_account_loses_its_session(app: AppTest) -> None:
    """Disabling an account takes effect on the next page run, not at the next login."""
    at = as_user(app, "mofa1", "editor", "MOFA")
    store = open_store()
    set_disabled(store, "mofa1", True, by=operator())
    store.engine.dispose()
    at.switch_page("views/upload.py").run()
    assert "ログインが必要です" in at.info[0].value
    assert "qf_user" not in at.session_state
