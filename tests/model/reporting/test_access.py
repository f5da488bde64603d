"""Roles are enforced in the model: an editor changes only its own ministry's rows."""

from __future__ import annotations

from typing import Any

import pytest

from model.auth import User, add_user, authenticate, get_user, list_users, set_disabled
from model.errors import AppError
from model.goals import set_override
from model.reporting.assessments import assess, followup_with_assessments
from model.reporting.commit import commit_upload, submit_file, withdraw
from model.reporting.rounds import close_round, open_round
from model.reporting.template import issue_template
from model.reporting.upload import check_upload
from model.store import Store
from tests.model.reporting.conftest import FY, SECRETARIAT, fill, filled_for, make_editor, snapshot


def test_ministry_a_cannot_change_ministry_b_rows(sqlite_rstore: Store) -> None:
    """MOFA's editor committing MEXT's file is refused by the model, and nothing is stored."""
    store = sqlite_rstore
    mofa = make_editor(store, "MOFA")
    data = filled_for(store, "MEXT")
    up = check_upload(store.snapshot(), data, "mext.xlsx", "MEXT")
    assert up.ok
    before = snapshot(store)
    with pytest.raises(AppError) as err:
        commit_upload(store, up, mofa)
    assert err.value.msg_id == "err.auth.not_your_ministry"
    with pytest.raises(AppError):
        submit_file(store, data, "mext.xlsx", "MEXT", mofa)
    assert snapshot(store) == before


def test_viewer_cannot_write_and_secretariat_can(sqlite_rstore: Store) -> None:
    """A viewer is refused; the secretariat may commit any ministry's file."""
    store = sqlite_rstore
    viewer = add_user(store, "reader", "viewer", password="mirai-no-kenkyuu-2030", by=SECRETARIAT)
    data = filled_for(store, "METI")
    with pytest.raises(AppError):
        submit_file(store, data, "meti.xlsx", "METI", viewer)
    _, outcome = submit_file(store, data, "meti.xlsx", "METI", User("sec", "secretariat"))
    assert outcome is not None and outcome.added == 23


def test_editor_cannot_withdraw_another_ministrys_submission(sqlite_rstore: Store) -> None:
    """Withdrawal is a write too: checked against the submission's ministry."""
    store = sqlite_rstore
    mext = make_editor(store, "MEXT")
    mofa = make_editor(store, "MOFA")
    _, outcome = submit_file(store, filled_for(store, "MEXT"), "m.xlsx", "MEXT", mext)
    assert outcome is not None and outcome.submission_id is not None
    with pytest.raises(AppError) as err:
        withdraw(store, outcome.submission_id, mofa)
    assert err.value.msg_id == "err.auth.not_your_ministry"


def test_local_accounts_hash_passwords_and_can_be_disabled(sqlite_rstore: Store) -> None:
    """argon2 hashes; a wrong password or a disabled account does not log in."""
    store = sqlite_rstore
    make_editor(store, "MIC")
    assert authenticate(store, "editor-mic", "correct horse") == User("editor-mic", "editor", "MIC")
    assert authenticate(store, "editor-mic", "wrong horse") is None
    assert authenticate(store, "nobody", "correct horse") is None
    with store.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT password_hash FROM users").scalar_one()
    assert str(stored).startswith("$argon2id$")
    set_disabled(store, "editor-mic", True, by=SECRETARIAT)
    assert authenticate(store, "editor-mic", "correct horse") is None
    with pytest.raises(AppError):
        get_user(store.snapshot(), "editor-mic")
    assert list_users(store.snapshot())["disabled"].tolist() == [True]


def test_only_the_secretariat_manages_accounts(sqlite_rstore: Store) -> None:
    """An editor cannot create users; an editor needs a ministry; short passwords are refused."""
    store = sqlite_rstore
    editor = make_editor(store, "MIC")
    with pytest.raises(AppError):
        add_user(store, "x", "secretariat", password="long-enough-phrase", by=editor)
    with pytest.raises(AppError):
        add_user(store, "y", "editor", password="long-enough-phrase", by=SECRETARIAT)
    with pytest.raises(AppError):
        add_user(store, "z", "viewer", password="short", by=SECRETARIAT)
    assert list_users(store.snapshot())["name"].tolist() == ["editor-mic"]


def test_secretariat_assessment_is_kept_apart_from_reported_status(sqlite_rstore: Store) -> None:
    """The assessed status and comment sit beside the ministry's status, which stays as reported."""
    store = sqlite_rstore
    mofa = make_editor(store, "MOFA")
    submit_file(store, filled_for(store, "MOFA"), "m.xlsx", "MOFA", mofa)
    with pytest.raises(AppError):
        assess(
            store, mofa, action_id="2-1-01", fiscal_year=FY, ministry_code="MOFA", status="遅延", comment="x"
        )
    assess(
        store,
        SECRETARIAT,
        action_id="2-1-01",
        fiscal_year=FY,
        ministry_code="MOFA",
        status="一部遅延",
        comment="要確認",
    )
    row = followup_with_assessments(store.snapshot(), FY).set_index("action_id").loc["2-1-01"]
    assert (row["status"], row["assessed_status"], row["assessed_comment"]) == ("順調", "一部遅延", "要確認")


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_only_the_secretariat_opens_and_closes_rounds(sqlite_rstore: Store, role: str) -> None:
    """A viewer's or an editor's account is refused in the model, and nothing is written."""
    user = User(f"a-{role}", role, "MEXT" if role == "editor" else None)
    version = sqlite_rstore.version()
    for act in (open_round, close_round):
        with pytest.raises(AppError) as err:
            act(sqlite_rstore, FY, user)
        assert err.value.msg_id == "err.auth.secretariat_only"
    assert sqlite_rstore.version() == version


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short-one", "err.auth.short_password"),  # 9 characters
        ("            ", "err.auth.weak_password"),  # 12 spaces
        ("aaaaaaaaaaaa", "err.auth.weak_password"),  # one repeated character
        ("123456789012", "err.auth.weak_password"),  # a run, and on the common list
        ("abcdefghijkl", "err.auth.weak_password"),  # a run
        ("Password1234", "err.auth.weak_password"),  # common, whatever the case
        ("sato-editor-2026", "err.auth.weak_password"),  # the account's name in it
    ],
)
def test_guessable_passwords_are_refused(sqlite_store: Store, password: str, problem: str) -> None:
    """Length, known passwords, repeats, runs and the name are refused; no account is made."""
    with pytest.raises(AppError) as err:
        add_user(sqlite_store, "sato-editor", "viewer", password=password, by=SECRETARIAT)
    assert err.value.msg_id == problem
    assert list_users(sqlite_store.snapshot()).empty
    add_user(sqlite_store, "sato-editor", "viewer", password="hikari to ryoushi no mirai", by=SECRETARIAT)


def test_the_sixth_wrong_password_locks_the_account_even_for_the_right_one(sqlite_rstore: Store) -> None:
    """Five wrong passwords within the window: the sixth and the right seventh are refused with a
    message naming the wait; a locked name that does not exist looks the same; no version is made."""
    make_editor(sqlite_rstore, "MIC")
    version = sqlite_rstore.version()
    for _ in range(5):
        assert authenticate(sqlite_rstore, "editor-mic", "wrong horse", client="10.0.0.9") is None
    for attempt in ("wrong horse", "correct horse"):
        with pytest.raises(AppError) as err:
            authenticate(sqlite_rstore, "editor-mic", attempt, client="10.0.0.9")
        assert err.value.msg_id == "err.auth.locked" and err.value.params["minutes"] == 15
    for _ in range(5):
        assert authenticate(sqlite_rstore, "nobody-here", "x", client="10.0.0.8") is None
    with pytest.raises(AppError) as err:
        authenticate(sqlite_rstore, "nobody-here", "x", client="10.0.0.8")
    assert err.value.msg_id == "err.auth.locked"
    assert sqlite_rstore.version() == version


def test_a_right_password_clears_earlier_failures(sqlite_rstore: Store) -> None:
    """Four wrong, then right: the count starts again (a user who mistypes is not locked out later)."""
    make_editor(sqlite_rstore, "MIC")
    for _ in range(4):
        authenticate(sqlite_rstore, "editor-mic", "wrong horse")
    assert authenticate(sqlite_rstore, "editor-mic", "correct horse") is not None
    for _ in range(4):
        authenticate(sqlite_rstore, "editor-mic", "wrong horse")
    assert authenticate(sqlite_rstore, "editor-mic", "correct horse") is not None


@pytest.mark.parametrize(
    ("act", "field"),
    [
        (
            lambda s: add_user(
                s, "ed\x1b[2J", "viewer", password="hikari to ryoushi no mirai", by=SECRETARIAT
            ),
            "ユーザー名",
        ),
        (lambda s: set_override(s, SECRETARIAT, "H-USERS", "limited", "見直し\u202e中"), "理由"),
    ],
    ids=["account name with ESC", "override reason with a bidi override"],
)
def test_names_and_reasons_with_control_characters_are_refused(
    sqlite_rstore: Store, act: Any, field: str
) -> None:
    """Typed text outside a spreadsheet follows the intake rule: refused with the character named."""
    version = sqlite_rstore.version()
    with pytest.raises(AppError) as err:
        act(sqlite_rstore)
    assert err.value.msg_id == "err.text.control"
    assert err.value.render("ja").startswith(field) and "U+" in err.value.render("en")
    assert sqlite_rstore.version() == version


def test_a_kpi_value_is_changed_only_by_its_reporter_or_the_secretariat(sqlite_rstore: Store) -> None:
    """G-3-1 is co-owned by MEXT, METI and MIC: MEXT adds a value; METI cannot overwrite it, nor anyone the
    published seed value (8 hubs on 2021-02-26); the secretariat can. Refused files store nothing."""
    store = sqlite_rstore
    mext, meti = make_editor(store, "MEXT"), make_editor(store, "METI")

    def kpi_file(ministry: str, date: str, value: float) -> bytes:
        return fill(issue_template(store, SECRETARIAT, ministry, FY), {}, kpi=[["G-3-1", date, value]])

    _, added = submit_file(store, kpi_file("MEXT", "2025-03-31", 10), "a.xlsx", "MEXT", mext)
    assert added is not None and added.added == 1
    refused = [
        (ministry, user, kpi_file(ministry, date, 11), msg)  # issued first: an issue makes a version
        for ministry, user, date, msg in [
            ("METI", meti, "2025-03-31", "文部科学省が報告したものです"),
            ("MEXT", mext, "2021-02-26", "公表済みの値です"),
        ]
    ]
    before = snapshot(store)
    for ministry, user, data, msg in refused:
        up, outcome = submit_file(store, data, "b.xlsx", ministry, user)
        assert outcome is None
        assert [(p.sheet, p.column) for p in up.problems] == [("KPI", "値")]
        assert msg in up.problems[0].message
    assert snapshot(store) == before
    _, outcome = submit_file(store, kpi_file("METI", "2021-02-26", 8.5), "c.xlsx", "METI", SECRETARIAT)
    assert outcome is not None and outcome.changed == 1
