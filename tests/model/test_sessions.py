"""Login sessions in the store (model/sessions.py) and password change / reset (model/auth.py), on SQLite
and PostgreSQL: a session outlives the run that made it, ends for good, and a password change ends it."""

from __future__ import annotations

import datetime as dt
import io
import sys

import pytest

from model import sessions
from model.auth import User, add_user, authenticate, change_password, operator, reset_password, set_disabled
from model.cli import main
from model.errors import AppError
from model.store import Store

OLD = "kibou-no-ryoushi-2030"
NEW = "hikari-no-hashi-wataru-2031"
T0 = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def editor(store: Store) -> User:
    return add_user(store, "editor-mext", "editor", password=OLD, ministry_code="MEXT", by=operator())


def logged_in(store: Store, user: User, now: dt.datetime = T0) -> str:
    """A password login as the dashboard makes it: a one-time code, spent by the cookie route."""
    token = sessions.claim(store, sessions.begin(store, user, now), now + dt.timedelta(seconds=2))
    assert token is not None
    return token


def test_a_claimed_session_finds_its_user_in_a_later_run(store: Store, editor: User) -> None:
    """The cookie's token gives the account back, with its role and ministry, from any later run."""
    token = logged_in(store, editor)
    found = sessions.resume(store, token, T0 + dt.timedelta(minutes=10))
    assert found is not None and found.user == editor and found.method == "password"
    assert sessions.resume(store, "not-a-token", T0) is None


def test_a_login_code_is_spent_once_and_goes_stale(store: Store, editor: User) -> None:
    """The code that travels in the redirect opens one session, once, within a minute."""
    code = sessions.begin(store, editor, T0)
    assert sessions.claim(store, code, T0 + dt.timedelta(seconds=5)) is not None
    assert sessions.claim(store, code, T0 + dt.timedelta(seconds=6)) is None
    late = sessions.begin(store, editor, T0)
    assert sessions.claim(store, late, T0 + sessions.HANDOFF + dt.timedelta(seconds=1)) is None
    assert store.open_sessions("editor-mext") == 1


def test_only_hashes_of_tokens_are_stored(store: Store, editor: User) -> None:
    """A copy of the database opens no session: neither the code nor the token is in it."""
    code = sessions.begin(store, editor, T0)
    token = sessions.claim(store, code, T0)
    assert token is not None
    assert store.session(token) is None  # looked up by the raw value: not there
    assert store.session(sessions._hash(token)) is not None


def test_idle_time_ends_a_session_and_it_stays_ended(store: Store, editor: User) -> None:
    """30 minutes without a run end it; the warning comes 5 minutes before; coming back does not help."""
    token = logged_in(store, editor)
    seen = sessions.resume(store, token, T0 + dt.timedelta(minutes=2))
    assert seen is not None and seen.last_seen == T0 + dt.timedelta(minutes=2)
    assert seen.ends_at == T0 + dt.timedelta(minutes=32)
    assert not seen.warn(T0 + dt.timedelta(minutes=26))
    assert seen.warn(T0 + dt.timedelta(minutes=28))
    assert sessions.resume(store, token, T0 + dt.timedelta(minutes=32, seconds=1)) is None
    assert sessions.resume(store, token, T0 + dt.timedelta(minutes=3)) is None  # ended, not just late
    assert store.open_sessions("editor-mext") == 0


def test_staying_logged_in_moves_the_idle_end(store: Store, editor: User) -> None:
    """The warning's button resets the idle clock; use keeps a session up to its lifetime, not beyond."""
    token = logged_in(store, editor)
    seen = sessions.resume(store, token, T0 + dt.timedelta(minutes=27))
    assert seen is not None
    kept = sessions.keep_alive(store, seen, T0 + dt.timedelta(minutes=29))
    assert kept is not None and kept.ends_at == T0 + dt.timedelta(minutes=59)
    now = T0
    while now < T0 + sessions.LIFETIME - dt.timedelta(minutes=20):
        now += dt.timedelta(minutes=20)
        assert sessions.resume(store, token, now) is not None
    assert sessions.resume(store, token, T0 + sessions.LIFETIME) is None


def test_logout_ends_the_session_on_the_server(store: Store, editor: User) -> None:
    """After logout the same cookie (a copy of it too) opens nothing."""
    token = logged_in(store, editor)
    sessions.end_token(store, token)
    assert sessions.resume(store, token, T0 + dt.timedelta(minutes=1)) is None
    row = store.session(sessions._hash(token))
    assert row is not None and row["ended_reason"] == "logout"


def test_changing_the_password_ends_the_other_sessions(store: Store, editor: User) -> None:
    """The session making the change stays; every other one of the account ends; the new password works."""
    here = logged_in(store, editor)
    elsewhere = logged_in(store, editor)
    mine = sessions.resume(store, here, T0)
    assert mine is not None
    assert change_password(store, editor, OLD, NEW, keep=mine.id) == 1
    assert sessions.resume(store, here, T0 + dt.timedelta(minutes=1)) is not None
    assert sessions.resume(store, elsewhere, T0 + dt.timedelta(minutes=1)) is None
    assert authenticate(store, "editor-mext", NEW) == editor
    assert authenticate(store, "editor-mext", OLD) is None


@pytest.mark.parametrize(
    ("current", "new", "problem"),
    [
        ("wrong-current-password", NEW, "err.pw.wrong_current"),
        (OLD, OLD, "err.pw.same"),
        (OLD, "short", "err.auth.short_password"),
        (OLD, "editor-mext-2031!", "err.auth.weak_password"),
        (OLD, "passwordpassword", "err.auth.weak_password"),
    ],
)
def test_a_refused_change_changes_nothing(
    store: Store, editor: User, current: str, new: str, problem: str
) -> None:
    """Wrong current password, the same one, or one the policy refuses: a message, the old one still works."""
    token = logged_in(store, editor)
    with pytest.raises(AppError) as err:
        change_password(store, editor, current, new)
    assert err.value.msg_id == problem
    assert sessions.resume(store, token, T0 + dt.timedelta(minutes=1)) is not None
    assert authenticate(store, "editor-mext", OLD) == editor


def test_wrong_current_passwords_count_towards_the_lock(store: Store, editor: User) -> None:
    """The change form is no way around the login throttle."""
    for _ in range(5):
        with pytest.raises(AppError):
            change_password(store, editor, "wrong-current-password", NEW, client="10.0.0.7")
    with pytest.raises(AppError) as err:
        change_password(store, editor, OLD, NEW, client="10.0.0.7")
    assert err.value.msg_id == "err.auth.locked"


def test_a_reset_by_the_secretariat_ends_every_session(store: Store, editor: User) -> None:
    """Only the secretariat resets; the policy applies; the user's sessions all end."""
    tokens = [logged_in(store, editor), logged_in(store, editor)]
    with pytest.raises(AppError) as err:
        reset_password(store, "editor-mext", NEW, by=editor)
    assert err.value.msg_id == "err.auth.secretariat_only"
    with pytest.raises(AppError) as weak:
        reset_password(store, "editor-mext", "123456789012", by=operator())
    assert weak.value.msg_id == "err.auth.weak_password"
    assert store.open_sessions("editor-mext") == 2
    assert reset_password(store, "editor-mext", NEW, by=operator()) == 2
    assert all(sessions.resume(store, t, T0 + dt.timedelta(minutes=1)) is None for t in tokens)
    assert authenticate(store, "editor-mext", NEW) == editor
    with pytest.raises(AppError) as unknown:
        reset_password(store, "nobody", NEW, by=operator())
    assert unknown.value.msg_id == "err.auth.unknown_user"


def test_disabling_an_account_ends_its_sessions(store: Store, editor: User) -> None:
    """A disabled account's cookie opens nothing, and enabling it again does not bring the session back."""
    token = logged_in(store, editor)
    set_disabled(store, "editor-mext", True, by=operator())
    assert sessions.resume(store, token, T0 + dt.timedelta(minutes=1)) is None
    set_disabled(store, "editor-mext", False, by=operator())
    assert sessions.resume(store, token, T0 + dt.timedelta(minutes=2)) is None


def test_an_oidc_session_ends_at_logout_and_at_the_id_tokens_expiry(store: Store) -> None:
    """Streamlit's cookie for an st.login identity is recorded at first sight and ended like ours."""
    viewer = User("someone@example.org", "viewer")
    exp = T0 + dt.timedelta(minutes=10)
    first = sessions.resume_oidc(store, "cookie-a", viewer, exp, T0)
    assert first is not None and first.method == "oidc" and first.user == viewer
    assert sessions.resume_oidc(store, "cookie-a", viewer, exp, T0 + dt.timedelta(minutes=9)) is not None
    assert sessions.resume_oidc(store, "cookie-a", viewer, exp, T0 + dt.timedelta(minutes=10)) is None
    assert sessions.resume_oidc(store, "cookie-b", viewer, None, T0) is not None
    sessions.end_token(store, "cookie-b")
    assert sessions.resume_oidc(store, "cookie-b", viewer, None, T0 + dt.timedelta(minutes=1)) is None


def test_password_commands_change_and_reset(
    store: Store, editor: User, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`password change` proves the current password; `password reset` is the operator's; both end logins."""
    url = store.engine.url.render_as_string(hide_password=False)
    token = logged_in(store, editor)

    def call(stdin: str, *args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(["--database-url", url, "--lang", "en", "password", *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    code, _, err = call(f"{OLD}\n{NEW}\n{NEW}x\n", "change", "editor-mext")
    assert code != 0 and "differ" in err
    code, _, err = call(f"wrong-current-password\n{NEW}\n{NEW}\n", "change", "editor-mext")
    assert code != 0 and "current password is wrong" in err and "Traceback" not in err
    code, out, _ = call(f"{OLD}\n{NEW}\n{NEW}\n", "change", "editor-mext")
    assert code == 0 and "1 other logins" in out
    assert sessions.resume(store, token, T0 + dt.timedelta(minutes=1)) is None
    reset = "mado-no-soto-ni-yuki-2032"
    code, out, _ = call(f"{reset}\n{reset}\n", "reset", "editor-mext")
    assert code == 0 and "Reset the password" in out
    assert authenticate(store, "editor-mext", reset) == editor


def test_old_sessions_and_login_failures_are_purged_and_live_ones_stay(store: Store, editor: User) -> None:
    """Ended or expired sessions and failed logins older than KEEP_ENDED go, at a login (at most once an
    hour per process) or through `purge`; open sessions, recent ends and recent failures stay."""
    sessions._purged.clear()
    month_ago = T0 - dt.timedelta(days=30)
    ended_long_ago = logged_in(store, editor, month_ago)
    with store.transaction(editor, "session") as tx:
        tx.end_sessions("logout", month_ago, user_name=editor.name)  # a logout a month ago
        for mark, created, expires in (
            ("e", month_ago, month_ago + sessions.LIFETIME),  # expired a month ago, never seen again
            ("r", T0 - dt.timedelta(days=2), T0 + sessions.LIFETIME),  # ended yesterday (below)
        ):
            tx.add_session(editor.name, "password", token_hash=mark * 64, handoff_hash=None,
                           handoff_until=None, now=created, expires_at=expires)  # fmt: skip
    recent_end = store.session("r" * 64)
    assert recent_end is not None
    sessions.end(store, int(recent_end["id"]), now=T0 - dt.timedelta(days=1))
    failed_at = dt.datetime.now(dt.UTC)  # failures are recorded at the real time
    assert authenticate(store, editor.name, "not-the-password", client="10.0.0.9") is None
    assert store.row_counts()["sessions"] == 3 and store.row_counts()["login_failures"] == 1

    live = logged_in(store, editor, T0)  # a login purges
    assert store.session(sessions._hash(ended_long_ago)) is None and store.session("e" * 64) is None
    assert store.session("r" * 64) is not None and store.row_counts()["sessions"] == 2
    assert store.row_counts()["login_failures"] == 1  # recent
    assert sessions.resume(store, live, T0 + dt.timedelta(minutes=1)) is not None

    # within the hour a login does not purge again; `purge` does
    with store.transaction(editor, "session") as tx:
        tx.add_session(editor.name, "password", token_hash="x" * 64, handoff_hash=None, handoff_until=None,
                       now=month_ago, expires_at=month_ago + sessions.LIFETIME)  # fmt: skip
    logged_in(store, editor, T0 + dt.timedelta(minutes=10))
    assert store.row_counts()["sessions"] == 4
    assert sessions.purge(store, T0 + dt.timedelta(minutes=11)) == (1, 0)
    assert store.session("x" * 64) is None and store.row_counts()["sessions"] == 3
    assert sessions.resume(store, live, T0 + dt.timedelta(minutes=12)) is not None
    # eight days after the failure: it goes, with every session ended or expired before then
    assert sessions.purge(store, failed_at + dt.timedelta(days=8)) == (3, 1)
    assert store.row_counts()["sessions"] == 0 and store.row_counts()["login_failures"] == 0
