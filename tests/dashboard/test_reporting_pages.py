"""The reporting pages headless (AppTest): upload with errors, preview, commit; rounds; login; access."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from model.auth import User, add_user, authenticate, operator, set_disabled
from model.reporting.rounds import get_round, open_round
from model.store import Store, open_store
from tests.model.reporting.conftest import record_fixture_templates

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PROBLEMS = Path(__file__).resolve().parents[1] / "fixtures" / "upload_problems"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def reporting_store(path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """The store the app opens (a SQLite file at `path`): FY2021 open, the fixtures' templates, users."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("QF_REQUIRE_LOGIN", raising=False)
    monkeypatch.setenv("QF_SQLITE_PATH", str(path))
    store = open_store()
    store.init()
    open_round(store, 2021, User("setup", "secretariat"))
    record_fixture_templates(store)  # the committed fixtures' templates, issued by this store
    add_user(store, "mofa1", "editor", password="kibou-no-ryoushi-2030", ministry_code="MOFA", by=operator())
    add_user(store, "sec1", "secretariat", password="kibou-no-ryoushi-2030", by=operator())
    return store


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    reporting_store(tmp_path / "app.sqlite3", monkeypatch).engine.dispose()
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


def test_structure_page_assigns_an_owner_and_refuses_a_bad_sheet(app: AppTest) -> None:
    """The secretariat assigns 経 to a 2023 action from FY2026 (recorded, shown); a sheet with mistakes
    lists each problem with its row and column and changes nothing; an editor does not get the page."""
    import io

    import openpyxl

    from model.followup import structure
    from model.structure_edits import structure_template

    at = as_user(app, "sec1", "secretariat")
    at.switch_page("views/structure.py").run()
    assert not at.exception
    assert "取組 29 件（担当府省設定済み 0 件、担当府省未設定 29 件）" in [c.value for c in at.caption]
    at.selectbox(key="st_owner_action").set_value("2301-2-01")
    at.multiselect(key="st_owner_codes").set_value(["METI"])
    at.number_input(key="st_owner_fy").set_value(2026)
    at.text_input(key="st_owner_reason").input("事務局で決定")
    at.button[0].click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [], [b.label for b in at.button]
    assert at.success[0].value.startswith("構造の変更 1 件を記録しました")
    store = open_store()
    version = store.version()
    row = structure(store.snapshot(), 2026).set_index("action_id").loc["2301-2-01"]
    assert row["ministries_tag"] == "経"

    wb = openpyxl.load_workbook(io.BytesIO(structure_template()))
    ws = wb["構造変更"]
    ws.append(["廃止", "9-9-99", 2026, "終了"])
    ws.append(["担当府省設定", "2301-3-01", None, "決定"])
    buf = io.BytesIO()
    wb.save(buf)
    at.file_uploader(key="st_upload").upload("structure.xlsx", buf.getvalue(), XLSX).run()
    assert not at.exception
    assert at.error[0].value.startswith("構造の変更を受け付けませんでした（問題 2 件")
    problems = next(d.value for d in at.dataframe if "問題と直し方" in d.value.columns)
    assert problems[["行", "列"]].astype(str).values.tolist() == [["2", "対象ID"], ["3", "適用年度"]]
    assert store.version() == version
    store.engine.dispose()

    editor = as_user(app, "mofa1", "editor", "MOFA")
    editor.switch_page("views/structure.py").run()
    assert "戦略の構造" not in [t.value for t in editor.title]


def test_secretariat_returns_a_row_and_the_ministry_sees_why(app: AppTest) -> None:
    """The rounds page's board counts each state; a row returned with a comment (after the confirmation)
    shows on MOFA's upload page with the comment; without the confirmation nothing is recorded."""
    from tests.conftest import submit_followup

    store = open_store()
    submit_followup(store, "MOFA", 2021, [("2-1-01", "順調", "○協力を進めた。")])
    store.engine.dispose()
    at = as_user(app, "sec1", "secretariat")
    at.switch_page("views/rounds.py").run()
    board = next(d.value for d in at.dataframe if "提出済" in d.value.columns)
    mofa = board[board["府省"] == "外務省"].iloc[0]
    assert (mofa["未提出"], mofa["提出済"], mofa["差戻し"]) == (2, 1, 0)
    at.multiselect(key="review_pick").set_value(["2-1-01|MOFA"])
    at.text_area(key="review_comment").input("締結件数を記載してください。")
    before = open_store().version()
    next(b for b in at.button if b.label == "差し戻す").click().run()
    assert not at.exception and open_store().version() == before  # not confirmed: nothing stored
    at.checkbox(key="review_sure").check()
    next(b for b in at.button if b.label == "差し戻す").click().run()
    assert not at.exception
    assert any("1 件を差し戻しました" in s.value for s in at.success)

    ministry = as_user(AppTest.from_file(APP, default_timeout=120), "mofa1", "editor", "MOFA")
    ministry.switch_page("views/upload.py").run()
    assert not ministry.exception
    assert any("差し戻された行が 1 件" in w.value for w in ministry.warning)
    table = next(d.value for d in ministry.dataframe if "事務局コメント（差戻しでは必須）" in d.value.columns)
    assert table.values.tolist() == [["2-1-01", "締結件数を記載してください。"]]
