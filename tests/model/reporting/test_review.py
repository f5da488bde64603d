"""The review states of entries: 未提出 → 提出済 → 差戻し → 再提出 → 確定, every allowed and refused
transition, by role, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from model.auth import User, operator
from model.errors import AppError
from model.reporting.commit import withdraw
from model.reporting.review import Decision, decide, entry_states, state_counts
from model.store import Store
from tests.conftest import submit_followup

SEC = operator()
FY = 2021


def _state(store: Store, action: str, ministry: str, fy: int = FY) -> str:
    df = entry_states(store.snapshot(), fy).set_index(["action_id", "ministry_code"])
    return str(df.loc[(action, ministry), "state"])


def test_the_whole_cycle_submit_return_resubmit_accept(store: Store) -> None:
    """A row goes 未提出 → 提出済 → 差戻し (with its comment) → 再提出 → 確定; a new submission reopens it."""
    assert _state(store, "2-1-01", "MOFA") == "not_submitted"
    submit_followup(store, "MOFA", FY, [("2-1-01", "順調", "○協力を進めた。")])
    assert _state(store, "2-1-01", "MOFA") == "submitted"
    decide(store, SEC, FY, "returned", [Decision("2-1-01", "MOFA", "件数を記載してください。")])
    df = entry_states(store.snapshot(), FY).set_index(["action_id", "ministry_code"])
    assert df.loc[("2-1-01", "MOFA"), "state"] == "returned"
    assert df.loc[("2-1-01", "MOFA"), "comment"] == "件数を記載してください。"
    submit_followup(store, "MOFA", FY, [("2-1-01", "順調", "○協力覚書を2件締結した。")])
    assert _state(store, "2-1-01", "MOFA") == "resubmitted"
    decide(store, SEC, FY, "accepted", [Decision("2-1-01", "MOFA")])
    assert _state(store, "2-1-01", "MOFA") == "accepted"
    submit_followup(store, "MOFA", FY, [("2-1-01", "順調", "○協力覚書を3件締結した。")])
    assert _state(store, "2-1-01", "MOFA") == "submitted"


def test_refused_transitions_change_nothing(store: Store) -> None:
    """Deciding a row not submitted, returning without a comment, accepting twice: refused, no new version."""
    submit_followup(store, "MOFA", FY, [("2-1-01", "順調", "○協力を進めた。")])
    version = store.version()
    cases = [
        ("accepted", [Decision("2-2-01", "MOFA")], "err.review.not_decidable"),  # 未提出
        ("returned", [Decision("2-1-01", "MOFA", "")], "err.review.comment_required"),
        ("accepted", [Decision("9-9-99", "MOFA")], "err.review.unknown"),
        ("accepted", [Decision("2-1-01", "MOFA"), Decision("2-2-01", "MOFA")], "err.review.not_decidable"),
        ("approved", [Decision("2-1-01", "MOFA")], "err.review.bad_decision"),
        ("accepted", [], "err.review.nothing"),
    ]
    for decision, rows, expected in cases:
        with pytest.raises(AppError) as err:
            decide(store, SEC, FY, decision, rows)
        assert err.value.msg_id == expected
    assert store.version() == version and _state(store, "2-1-01", "MOFA") == "submitted"
    decide(store, SEC, FY, "accepted", [Decision("2-1-01", "MOFA")])
    with pytest.raises(AppError) as again:
        decide(store, SEC, FY, "accepted", [Decision("2-1-01", "MOFA")])
    assert again.value.msg_id == "err.review.not_decidable"


@pytest.mark.parametrize("user", [User("m", "editor", "MOFA"), User("v", "viewer")])
def test_only_the_secretariat_decides(store: Store, user: User) -> None:
    """A ministry editor (even of the row's ministry) or a viewer cannot return or accept."""
    submit_followup(store, "MOFA", FY, [("2-1-01", "順調", "○協力を進めた。")])
    for decision in ("returned", "accepted"):
        with pytest.raises(AppError) as err:
            decide(store, user, FY, decision, [Decision("2-1-01", "MOFA", "x")])
        assert err.value.msg_id == "err.auth.secretariat_only"
    assert _state(store, "2-1-01", "MOFA") == "submitted"


def test_withdrawn_is_not_submitted_and_the_published_joint_text_is_accepted(store: Store) -> None:
    """FY2020's joint text counts as 確定 for every owner; a withdrawn submission leaves the row 未提出."""
    counts = state_counts(store.snapshot(), 2020).set_index("ministry_code")
    assert counts.loc["MEXT", "accepted"] == 23 and counts["not_submitted"].sum() == 0
    submit_followup(store, "MOFA", FY, [("2-1-01", "順調", "○協力を進めた。")])
    sub_id = int(store.snapshot().submissions()["id"].max())
    withdraw(store, sub_id, SEC, "誤り")
    assert _state(store, "2-1-01", "MOFA") == "not_submitted"
    counts = state_counts(store.snapshot(), FY).set_index("ministry_code")
    assert counts.loc["MOFA", "not_submitted"] == 3


def test_the_cli_returns_accepts_and_lists(sqlite_store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """`review return|accept|status` do what the model does; a missing comment is one line, exit 1."""
    import json

    from model import cli

    submit_followup(sqlite_store, "MOFA", FY, [("2-1-01", "順調", "○協力を進めた。")])
    url = sqlite_store.engine.url.render_as_string(hide_password=False)
    base = ["--database-url", url, "review"]
    assert cli.main([*base, "return", "--fiscal-year", str(FY), "--ministry", "外", "--row", "2-1-01"]) == 1
    assert "コメント" in capsys.readouterr().err
    args = ["--fiscal-year", str(FY), "--ministry", "外", "--row", "2-1-01", "--comment", "件数を記載"]
    assert cli.main([*base, "return", *args]) == 0
    assert "1 件を差し戻しました" in capsys.readouterr().out
    assert cli.main([*base, "status", "--fiscal-year", str(FY), "--ministry", "MOFA", "--json"]) == 0
    rows = {r["action_id"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    assert (rows["2-1-01"]["state"], rows["2-1-01"]["comment"]) == ("returned", "件数を記載")
    assert rows["2-2-01"]["state"] == "not_submitted"


def test_a_returned_row_and_its_comment_are_in_the_next_template(store: Store) -> None:
    """The FY2021 template of MOFA shows 事務局コメント on the returned row only, read-only."""
    import io

    import openpyxl

    from model.reporting.rounds import open_round
    from model.reporting.template import issue_template

    submit_followup(
        store, "MOFA", FY, [("2-1-01", "順調", "○協力を進めた。"), ("2-2-01", "順調", "○審査した。")]
    )
    decide(store, SEC, FY, "returned", [Decision("2-1-01", "MOFA", "件数を記載してください。")])
    open_round(store, FY, SEC)
    ws = openpyxl.load_workbook(io.BytesIO(issue_template(store, SEC, "外", FY)))["報告"]
    header = [c.value for c in ws[1]]
    col = header.index("事務局コメント") + 1
    comments = {ws.cell(r, 1).value: ws.cell(r, col).value for r in range(2, ws.max_row + 1)}
    assert comments == {"2-1-01": "件数を記載してください。", "2-2-01": None, "5-2-01": None}
    assert ws.cell(2, col).protection.locked
    # What MOFA submitted is in the columns to fill (the returned row included): it changes only that row.
    cols = [header.index(name) + 1 for name in ("進捗", "状況")]
    filled = {ws.cell(r, 1).value: tuple(ws.cell(r, c).value for c in cols) for r in range(2, ws.max_row + 1)}
    assert filled == {
        "2-1-01": ("○協力を進めた。", "順調"),
        "2-2-01": ("○審査した。", "順調"),
        "5-2-01": (None, None),
    }
