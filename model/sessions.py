"""Login sessions that outlive a browser tab: kept in the store, ended there (docs/security.md).

A password login makes a session row and a one-time code (`begin`); the dashboard's route `/auth/session`
spends the code (`claim`) and puts a random token in an HttpOnly cookie. Every run then finds the user
through that token (`resume`). The store keeps only SHA-256 hashes of the code and the token, so a copy
of the database opens no session. A session ends at logout, at a change or reset of the password, when
the account is disabled, after IDLE without a run, and LIFETIME after the login, whichever comes first;
an ended session stays ended (the cookie is worthless after logout even if it was copied).

An OIDC login (st.login) keeps Streamlit's own signed cookie; the same table records it under the hash
of that cookie, so a logout ends it here as well, and the ID token's `exp` bounds it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from model.auth import User, get_user
from model.errors import AppError, unless_unwritable
from model.store import Snapshot, Store

IDLE = dt.timedelta(minutes=30)  # no run for this long ends a session …
WARN_BEFORE = dt.timedelta(minutes=5)  # … and the page warns this long before
LIFETIME = dt.timedelta(hours=12)  # a working day; then log in again
HANDOFF = dt.timedelta(seconds=60)  # a login's one-time code must reach the route within this
TOUCH_EVERY = dt.timedelta(seconds=60)  # write `last_seen` at most this often (not on every rerun)
COOKIE = "qf_session"
KEEP_ENDED = dt.timedelta(days=7)  # an ended session's row (when, why) and a failed login are kept this long
PURGE_EVERY = dt.timedelta(hours=1)  # … and purged by a login at most this often per process


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Session:
    id: int
    user: User
    method: str
    last_seen: dt.datetime
    expires_at: dt.datetime

    @property
    def ends_at(self) -> dt.datetime:
        """When this session ends unless it is used again."""
        return min(self.last_seen + IDLE, self.expires_at)

    def warn(self, now: dt.datetime | None = None) -> bool:
        """Is the end close enough to warn the user?"""
        return self.ends_at - _now(now) <= WARN_BEFORE


def begin(store: Store, user: User, now: dt.datetime | None = None) -> str:
    """After a password login: a new session and its one-time code (for `claim`, within HANDOFF)."""
    now = _now(now)
    code = secrets.token_urlsafe(32)
    with store.transaction(user, "session") as tx:
        tx.add_session(
            user.name, "password", token_hash=None, handoff_hash=_hash(code), handoff_until=now + HANDOFF,
            now=now, expires_at=now + LIFETIME,
        )  # fmt: skip
        if _purge_due(store, now):
            tx.purge_sessions(now - KEEP_ENDED)
    return code


_purged: dict[str, dt.datetime] = {}  # per store URL: when this process last purged old sessions


def _purge_due(store: Store, now: dt.datetime) -> bool:
    """At most once per PURGE_EVERY and process, a login also deletes what ended long ago."""
    last = _purged.get(store.url)
    if last is not None and abs(now - last) < PURGE_EVERY:
        return False
    _purged[store.url] = now
    return True


def purge(store: Store, now: dt.datetime | None = None) -> tuple[int, int]:
    """Delete sessions ended or expired more than KEEP_ENDED ago, and login failures as old: (sessions,
    failures) deleted. A login does this by itself once an hour."""
    now = _now(now)
    with store.transaction("session", "session") as tx:
        return tx.purge_sessions(now - KEEP_ENDED)


def claim(store: Store, code: str, now: dt.datetime | None = None) -> str | None:
    """Spend a one-time code: the session's token (for the cookie), or None when the code is unknown,
    spent or stale. Only the route that sets the cookie calls this."""
    now = _now(now)
    token = secrets.token_urlsafe(32)
    with store.transaction("session", "session") as tx:
        name = tx.claim_handoff(_hash(code), _hash(token), now)
    return token if name is not None else None


def resume(
    store: Store, token: str, now: dt.datetime | None = None, snap: Snapshot | None = None
) -> Session | None:
    """The live session of this token (its `last_seen` moved on), or None. A session found idle, expired
    or of a disabled account is ended on the spot, so it cannot come back. `snap`: the run's snapshot
    (the screen has one already), else a fresh one."""
    now = _now(now)
    row = store.session(_hash(token))
    if row is None or row["ended_at"] is not None:
        return None
    reason = None
    if now >= row["expires_at"]:
        reason = "expired"
    elif now >= row["last_seen"] + IDLE:
        reason = "idle"
    user: User | None = None
    if reason is None:
        try:
            user = get_user(snap or store.snapshot(), str(row["user_name"]))
        except AppError:
            if row["method"] != "oidc":
                reason = "disabled"
            else:  # an identity without an account reads only (docs/security.md)
                user = User(str(row["user_name"]), "viewer")
    if reason is not None or user is None:
        with unless_unwritable():  # not ended in the store now: found ended again at the next run
            end(store, int(row["id"]), reason or "disabled", now)
        return None
    last_seen = row["last_seen"]
    if now - last_seen >= TOUCH_EVERY:
        # Nothing can be written (a full disk, a read-only store): the user stays logged in and goes
        # on reading; the idle end counts from the last touch that could be written.
        with unless_unwritable():
            with store.transaction(user, "session") as tx:
                tx.touch_session(int(row["id"]), now)
            last_seen = now
    return Session(int(row["id"]), user, str(row["method"]), last_seen, row["expires_at"])


def resume_oidc(
    store: Store,
    cookie: str,
    user: User,
    id_token_expiry: dt.datetime | None,
    now: dt.datetime | None = None,
    snap: Snapshot | None = None,
) -> Session | None:
    """An st.login identity: its session under the hash of Streamlit's cookie, made at first sight;
    None once it was ended (logout) or its ID token has expired."""
    now = _now(now)
    if id_token_expiry is not None and now >= id_token_expiry:
        return None
    found = store.session(_hash(cookie))
    if found is None:
        expires_at = min(now + LIFETIME, id_token_expiry or now + LIFETIME)
        with store.transaction(user, "session") as tx:
            tx.add_session(
                user.name, "oidc", token_hash=_hash(cookie), handoff_hash=None, handoff_until=None, now=now,
                expires_at=expires_at,
            )  # fmt: skip
    return resume(store, cookie, now, snap)


def peek(store: Store, token: str) -> dt.datetime | None:
    """When this token's session ends unless used (None: it has ended). Reads only: the idle warning
    asks this without counting as use."""
    row = store.session(_hash(token))
    if row is None or row["ended_at"] is not None:
        return None
    ends: dt.datetime = min(row["last_seen"] + IDLE, row["expires_at"])
    return ends


def keep_alive(store: Store, session: Session, now: dt.datetime | None = None) -> Session | None:
    """The user answered the idle warning: move `last_seen` to now (None when it had already ended)."""
    now = _now(now)
    row_ok = session.ends_at > now
    if not row_ok:
        end(store, session.id, "idle", now)
        return None
    with store.transaction(session.user, "session") as tx:
        tx.touch_session(session.id, now)
    return Session(session.id, session.user, session.method, now, session.expires_at)


def end(store: Store, session_id: int, reason: str = "logout", now: dt.datetime | None = None) -> None:
    """End one session (logout, or found idle/expired)."""
    with store.transaction("session", "session") as tx:
        tx.end_sessions(reason, _now(now), session_id=session_id)


def end_token(store: Store, token: str, reason: str = "logout") -> None:
    """End the session of a cookie's token, if it is one (the logout route)."""
    row = store.session(_hash(token))
    if row is not None:
        end(store, int(row["id"]), reason)
