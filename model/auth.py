"""Users, roles and the permission checks every write goes through.

Roles: `secretariat` (everything), `editor` (its own ministry's rows only), `viewer` (read). Local
accounts keep argon2 hashes (argon2-cffi); an OIDC login maps to a row whose name is the e-mail address.
The checks live here, in the model, so that the screen, the command line and the tests share them: a page
hiding a button is a convenience, not the protection.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from model.errors import AppError
from model.store import Snapshot, Store

ROLES = ("secretariat", "editor", "viewer")
MIN_PASSWORD = 8
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
    name = name.strip()
    if not name:
        raise AppError("err.auth.bad_name")
    if role not in ROLES:
        raise AppError("err.auth.bad_role", role=role, known=", ".join(ROLES))
    if role == "editor" and not ministry_code:
        raise AppError("err.auth.editor_needs_ministry")
    if role != "editor":
        ministry_code = None
    if password is not None and len(password) < MIN_PASSWORD:
        raise AppError("err.auth.short_password", n=MIN_PASSWORD)
    password_hash = _hasher.hash(password) if password is not None else None
    with store.transaction(by, "user") as tx:
        if tx.user_exists(name):
            raise AppError("err.auth.user_exists", user=name)
        tx.add_user(name, role, ministry_code, password_hash)
    return User(name, role, ministry_code)


def set_disabled(store: Store, name: str, disabled: bool, *, by: User) -> None:
    require_secretariat(by)
    with store.transaction(by, "user") as tx:
        if not tx.update_user(name, disabled=disabled):
            raise AppError("err.auth.unknown_user", user=name)


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


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The user when name and password match an active local account, else None (same for every cause)."""
    name = name.strip()
    found = store.password_hash(name)
    if found is None or found[0] or not found[1]:
        _hasher.hash(password)  # spend the same time whether or not the account exists
        return None
    try:
        _hasher.verify(found[1], password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    return get_user(store.snapshot(), name)
