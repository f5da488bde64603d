"""Roles are enforced in the model: an editor changes only its own ministry's rows."""

from __future__ import annotations

import pytest

from model.auth import User, add_user, authenticate, get_user, list_users, set_disabled
from model.errors import AppError
from model.reporting.assessments import assess, followup_with_assessments
from model.reporting.commit import commit_upload, submit_file, withdraw
from model.reporting.upload import check_upload
from model.store import Store
from tests.model.reporting.conftest import FY, SECRETARIAT, filled_for, make_editor, snapshot


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
    viewer = add_user(store, "reader", "viewer", password="readonly1", by=SECRETARIAT)
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
        add_user(store, "x", "secretariat", password="longenough", by=editor)
    with pytest.raises(AppError):
        add_user(store, "y", "editor", password="longenough", by=SECRETARIAT)
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
