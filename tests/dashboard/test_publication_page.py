"""Publication on the screen: readers who are not logged in see published years only; staff see years in
progress marked 暫定; closing a round, withdrawing and publishing ask for a confirmation and say so."""

from __future__ import annotations

from model.auth import User
from model.reporting.rounds import get_round, open_round
from model.store import Store
from tests.conftest import report_and_accept_all
from tests.dashboard.apptest import READER, with_fy2021
from tests.dashboard.sqlcount import EDITOR, SECRETARIAT, page_app, with_accounts

SEC = User("secretariat", "secretariat")


def _fy_options(page: str, user: dict[str, str | None] | None, key: str) -> list[str]:
    at = page_app(page, user)
    at.run()
    assert not at.exception
    return [str(o) for o in at.selectbox(key=key).options if o != "全年度"]  # years, without "all years"


def test_readers_see_published_years_only_and_staff_see_progress_marked(seeded: Store) -> None:
    with_accounts(seeded)
    open_round(seeded, 2021, SEC)
    with_fy2021(seeded)
    assert _fy_options("followup", None, "fu_fy") == ["2020年度"]
    assert _fy_options("followup", READER, "fu_fy") == ["2021年度（暫定）", "2020年度"]
    staff = page_app("followup", READER)
    staff.run()
    staff.selectbox(key="fu_fy").set_value(2021).run()
    assert any("2021年度は未公表（暫定）です" in w.value for w in staff.warning)
    public = page_app("overview", None)
    public.run()
    assert any("公表済みの年度（2020）だけ" in c.value for c in public.sidebar.caption)


def test_closing_a_round_needs_a_confirmation(seeded: Store) -> None:
    with_accounts(seeded)
    open_round(seeded, 2021, SEC)
    at = page_app("rounds", SECRETARIAT)
    at.run()
    at.number_input[0].set_value(2021)
    at.button(key="FormSubmitter:round_form-受付を締切").click().run()
    assert [w.value for w in at.warning] == [
        "受付を締め切るには、確認のチェックを入れてください。何も変更していません。"
    ]
    assert get_round(seeded.snapshot(), 2021).is_open  # type: ignore[union-attr]
    at.checkbox(key="round_close_sure").check()
    at.button(key="FormSubmitter:round_form-受付を締切").click().run()
    assert not get_round(seeded.snapshot(), 2021).is_open  # type: ignore[union-attr]
    assert [s.value for s in at.success] == ["2021年度の報告受付を締め切りました。"]


def test_publishing_from_the_rounds_page_shows_the_year_to_readers(seeded: Store) -> None:
    with_accounts(seeded)
    open_round(seeded, 2021, SEC)
    report_and_accept_all(seeded, 2021)
    at = page_app("rounds", SECRETARIAT)
    at.run()
    at.selectbox(key="publish_year").set_value(2021).run()
    at.button(key="FormSubmitter:publish_form-公表する").click().run()
    assert [w.value for w in at.warning] == ["公表するには、確認のチェックを入れてください。"]
    assert _fy_options("followup", None, "fu_fy") == ["2020年度"]
    at.checkbox(key="publish_sure").check()
    at.button(key="FormSubmitter:publish_form-公表する").click().run()
    assert not at.exception and len(at.success) == 1
    assert at.success[0].value.startswith("2021年度を公表しました")
    assert _fy_options("followup", None, "fu_fy") == ["2021年度", "2020年度"]
    assert _fy_options("followup", READER, "fu_fy") == ["2021年度", "2020年度"]  # published: no mark


def test_withdrawing_needs_a_confirmation(seeded: Store) -> None:
    with_accounts(seeded)
    open_round(seeded, 2021, SEC)
    with_fy2021(seeded)
    at = page_app("upload", EDITOR)
    at.run()
    before = seeded.snapshot().submissions()["outcome"].tolist()
    at.button(key="FormSubmitter:withdraw-取り下げ").click().run()
    assert [w.value for w in at.warning] == [
        "取り下げるには、確認のチェックを入れてください。何も変更していません。"
    ]
    assert seeded.snapshot().submissions()["outcome"].tolist() == before
    at.checkbox(key="withdraw_sure").check()
    at.button(key="FormSubmitter:withdraw-取り下げ").click().run()
    assert seeded.snapshot().submissions()["outcome"].tolist().count("withdrawn") == 1
