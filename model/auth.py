"""Users, roles and the permission checks every write goes through.

Roles: `secretariat` (everything), `editor` (its own ministry's rows only), `viewer` (read). Local
accounts keep argon2 hashes (argon2-cffi); an OIDC login maps to a row whose name is the e-mail address.
The checks live here, in the model, so that the screen, the command line and the tests share them: a page
hiding a button is a convenience, not the protection.
"""

from __future__ import annotations

import datetime as dt
import getpass
import itertools
from dataclasses import dataclass

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from model.errors import AppError
from model.store import Snapshot, Store
from model.text import checked_text

ROLES = ("secretariat", "editor", "viewer")
MIN_PASSWORD = 12
NAME_LIMIT = 128  # users.name is String(128)
# Passwords that lead the published lists of the most used ones, at the length we require or longer;
# with the rules of `password_problem` (one repeated character, a run like 123456 or abcdef, the name).
COMMON_PASSWORDS = frozenset(
    {
        "123456789012",
        "1234567890123",
        "password1234",
        "passwordpassword",
        "qwertyuiopas",
        "qwerty123456",
        "iloveyou1234",
        "admin1234567",
        "administrator",
        "welcome12345",
        "changeme1234",
        "letmein12345",
        "trustno11234",
        "p@ssw0rd1234",
        "passw0rd1234",
        "1q2w3e4r5t6y",
        "1qaz2wsx3edc",
        "zaq12wsxcde3",
    }
)
MAX_FAILURES = 5  # wrong passwords per account (or per client) within THROTTLE_WINDOW …
THROTTLE_WINDOW = dt.timedelta(minutes=15)  # … lock logins for the rest of that window
MAX_CLIENT_FAILURES = 20  # one client guessing across many accounts
_hasher = PasswordHasher()


@dataclass(frozen=True)
class User:
    name: str
    role: str
    ministry_code: str | None = None

    @property
    def is_secretariat(self) -> bool:
        return self.role == "secretariat"

    def can_write(self, ministry_code: str) -> bool:
        """May this user change `ministry_code`'s rows?"""
        return self.is_secretariat or (self.role == "editor" and self.ministry_code == ministry_code)


def operator() -> User:
    """Whoever runs the command line on the server: it holds the database already, so it acts as the
    secretariat; the name records who it was."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "unknown"
    return User(f"cli:{who}", "secretariat")


# --- permission checks --------------------------------------------------------------------------------
def require_secretariat(user: User) -> None:
    if not user.is_secretariat:
        raise AppError("err.auth.secretariat_only", user=user.name)


def require_write(user: User, ministry_code: str) -> None:
    if not user.can_write(ministry_code):
        raise AppError("err.auth.not_your_ministry", user=user.name, ministry=ministry_code)


# --- accounts -----------------------------------------------------------------------------------------
def add_user(
    store: Store,
    name: str,
    role: str,
    *,
    password: str | None,
    ministry_code: str | None = None,
    by: User,
) -> User:
    """Create an account. Editors need a ministry; a password-less account can only log in via OIDC."""
    require_secretariat(by)
    name = checked_text(name, "field.user_name", limit=NAME_LIMIT)
    if not name:
        raise AppError("err.auth.bad_name")
    if role not in ROLES:
        raise AppError("err.auth.bad_role", role=role, known=", ".join(ROLES))
    if role == "editor" and not ministry_code:
        raise AppError("err.auth.editor_needs_ministry")
    if role != "editor":
        ministry_code = None
    if password is not None:
        problem = password_problem(password, name)
        if problem is not None:
            raise AppError(problem, n=MIN_PASSWORD)
    password_hash = _hasher.hash(password) if password is not None else None
    with store.transaction(by, "user") as tx:
        if tx.user_exists(name):
            raise AppError("err.auth.user_exists", user=name)
        tx.add_user(name, role, ministry_code, password_hash)
    return User(name, role, ministry_code)


def set_disabled(store: Store, name: str, disabled: bool, *, by: User) -> None:
    """Disable (ending every session of the account) or enable an account."""
    require_secretariat(by)
    with store.transaction(by, "user") as tx:
        if not tx.update_user(name, disabled=disabled):
            raise AppError("err.auth.unknown_user", user=name)
        if disabled:
            tx.end_sessions("disabled", dt.datetime.now(dt.UTC), user_name=name)


def change_password(
    store: Store, user: User, current: str, new: str, *, client: str | None = None, keep: int | None = None
) -> int:
    """A user sets a new password, proving the current one (a wrong one counts towards the lock, as at
    login). Every other session of the account ends; `keep` (the session making the change) stays.
    Returns how many sessions were ended."""
    if authenticate(store, user.name, current, client) is None:
        raise AppError("err.pw.wrong_current")
    if new == current:
        raise AppError("err.pw.same")
    return _set_password(store, user.name, new, by=user, reason="password", keep=keep)


def reset_password(store: Store, name: str, new: str, *, by: User) -> int:
    """The secretariat sets a user's password (a forgotten one, a leaked one): every session of that
    account ends. Returns how many were ended."""
    require_secretariat(by)
    return _set_password(store, name, new, by=by, reason="reset", keep=None)


def _set_password(store: Store, name: str, new: str, *, by: User, reason: str, keep: int | None) -> int:
    problem = password_problem(new, name)
    if problem is not None:
        raise AppError(problem, n=MIN_PASSWORD)
    password_hash = _hasher.hash(new)
    with store.transaction(by, "user") as tx:
        if not tx.update_user(name, password_hash=password_hash):
            raise AppError("err.auth.unknown_user", user=name)
        tx.clear_login_failures(name)
        return tx.end_sessions(reason, dt.datetime.now(dt.UTC), user_name=name, keep=keep)


def list_users(snap: Snapshot) -> pd.DataFrame:
    """Every account: name, role, ministry, disabled, created (no password hashes)."""
    return snap.users()


def get_user(snap: Snapshot, name: str) -> User:
    """An active account by name; AppError when unknown or disabled."""
    accounts = snap.users()
    hit = accounts[accounts["name"] == name]
    if hit.empty:
        raise AppError("err.auth.unknown_user", user=name)
    row = hit.iloc[0]
    if bool(row["disabled"]):
        raise AppError("err.auth.disabled", user=name)
    code = row["ministry_code"]
    return User(str(row["name"]), str(row["role"]), code if isinstance(code, str) else None)


def password_problem(password: str, name: str = "") -> str | None:
    """Why a password is refused (a message id), or None. In the spirit of NIST SP 800-63B: length
    matters, composition rules do not; known and guessable passwords are refused."""
    if len(password) < MIN_PASSWORD:
        return "err.auth.short_password"
    folded = password.casefold()
    if not password.strip() or len(set(password)) == 1:
        return "err.auth.weak_password"
    if folded in COMMON_PASSWORDS or _is_run(folded) or (name and name.casefold() in folded):
        return "err.auth.weak_password"
    return None


def _is_run(text: str) -> bool:
    """123456…, abcdef…, 987654…: each character one step from the one before."""
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(text)}
    return steps in ({1}, {-1})


def authenticate(store: Store, name: str, password: str, client: str | None = None) -> User | None:
    """The user when name and password match an active local account, else None (same for every cause).

    Throttled: after MAX_FAILURES wrong passwords for an account within THROTTLE_WINDOW (or
    MAX_CLIENT_FAILURES from one client), every attempt — the right password included — is refused with
    `err.auth.locked` until the window has passed since the failure that locked it. Unknown names are
    counted like known ones, so the lock says nothing about which accounts exist."""
    name = name.strip()
    now = dt.datetime.now(dt.UTC)
    mine, from_client = store.login_failures(name, client, now - THROTTLE_WINDOW)
    if len(mine) >= MAX_FAILURES or from_client >= MAX_CLIENT_FAILURES:
        locked_at = mine[-MAX_FAILURES] if len(mine) >= MAX_FAILURES else now
        minutes = max(1, int((locked_at + THROTTLE_WINDOW - now).total_seconds() // 60) + 1)
        raise AppError("err.auth.locked", minutes=minutes)
    found = store.password_hash(name)
    ok = False
    if found is None or found[0] or not found[1]:
        _hasher.hash(password)  # spend the same time whether or not the account exists
    else:
        try:
            ok = _hasher.verify(found[1], password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
    with store.transaction(name, "login") as tx:  # no version: login attempts are not the store's state
        if ok:
            tx.clear_login_failures(name)
        else:
            tx.record_login_failure(name, client)
    return get_user(store.snapshot(), name) if ok else None
