"""Users, roles and the permission checks every write goes through.

Roles: `secretariat` (everything), `editor` (its own ministry's rows only), `viewer` (read). Local
accounts keep argon2 hashes (argon2-cffi); an OIDC login maps to a row whose name is the e-mail address.
The checks live here, in the model, so that the screen, the command line and the tests share them: a page
hiding a button is a convenience, not the protection.
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from model.errors import AppError
from model.store import Store
from model.store._tables import assessments, users

ROLES = ("secretariat", "editor", "viewer")
MIN_PASSWORD = 8
_hasher = PasswordHasher()
_ensured: set[str] = set()


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


def ensure_tables(store: Store) -> None:
    """Create the reporting tables on a store seeded before they existed (once per process and store)."""
    if store.url in _ensured:
        return
    with store.write() as conn:
        users.metadata.create_all(conn, tables=[users, assessments])
    _ensured.add(store.url)


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
    store.require_initialised()
    ensure_tables(store)
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
    with store.write() as conn:
        exists = conn.execute(sa.select(users.c.id).where(users.c.name == name)).first()
        if exists:
            raise AppError("err.auth.user_exists", user=name)
        conn.execute(
            users.insert(),
            {
                "name": name,
                "role": role,
                "ministry_code": ministry_code,
                "password_hash": _hasher.hash(password) if password is not None else None,
                "disabled": False,
                "created_at": dt.datetime.now(dt.UTC),
                "created_by": by.name,
            },
        )
    return User(name, role, ministry_code)


def set_disabled(store: Store, name: str, disabled: bool, *, by: User) -> None:
    require_secretariat(by)
    ensure_tables(store)
    with store.write() as conn:
        done = conn.execute(users.update().where(users.c.name == name).values(disabled=disabled))
        if done.rowcount == 0:
            raise AppError("err.auth.unknown_user", user=name)


def list_users(store: Store) -> pd.DataFrame:
    ensure_tables(store)
    cols = [users.c.name, users.c.role, users.c.ministry_code, users.c.disabled, users.c.created_at]
    with store.read() as conn:
        df = pd.read_sql(sa.select(*cols).order_by(users.c.name), conn)
    df["disabled"] = df["disabled"].astype(bool)
    return df


def get_user(store: Store, name: str) -> User:
    """An active account by name; AppError when unknown or disabled."""
    ensure_tables(store)
    with store.read() as conn:
        row = conn.execute(sa.select(users).where(users.c.name == name)).mappings().first()
    if row is None:
        raise AppError("err.auth.unknown_user", user=name)
    if row["disabled"]:
        raise AppError("err.auth.disabled", user=name)
    return User(str(row["name"]), str(row["role"]), row["ministry_code"])


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The user when name and password match an active local account, else None (same for every cause)."""
    ensure_tables(store)
    with store.read() as conn:
        row = conn.execute(sa.select(users).where(users.c.name == name.strip())).mappings().first()
    if row is None or row["disabled"] or not row["password_hash"]:
        _hasher.hash(password)  # spend the same time whether or not the account exists
        return None
    try:
        _hasher.verify(row["password_hash"], password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    return User(str(row["name"]), str(row["role"]), row["ministry_code"])
