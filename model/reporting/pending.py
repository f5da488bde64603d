"""A checked upload not yet committed, kept in the store for its login session: a reload (F5) or a new
tab of the same login finds it again and checks it afresh from the kept bytes (docs/security.md).

Only a file whose check passed is kept, one per session; it is deleted at commit, at discard, and when
the session ends (logout, idle, password change or reset, disabled account) or is purged. A session's
kept file is found only through that session (the cookie's token, resolved on the server), and only
for the account that kept it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from model.auth import User, require_write
from model.errors import unless_unwritable
from model.reporting.files import LIMITS
from model.store import Store


@dataclass(frozen=True)
class Kept:
    file_name: str
    ministry_code: str
    fiscal_year: int
    content: bytes
    sha256: str
    created_at: dt.datetime


def keep(
    store: Store, session_id: int, user: User, ministry_code: str, fiscal_year: int, file_name: str,
    content: bytes,
) -> None:  # fmt: skip
    """Keep a checked file for this session (the one kept before is replaced). Best effort: on a store
    that cannot be written (a full disk) nothing is kept and the page goes on."""
    require_write(user, ministry_code)
    if len(content) > LIMITS.max_bytes:
        return
    sha = hashlib.sha256(content).hexdigest()
    with unless_unwritable(), store.transaction(user, "session") as tx:
        tx.keep_upload(session_id, user.name, ministry_code, fiscal_year, file_name, sha, content)


def kept(store: Store, session_id: int, user: User) -> Kept | None:
    """The file kept for this session, when it was kept by this account."""
    row = store.pending_upload(session_id)
    if row is None or row["user_name"] != user.name:
        return None
    created = row["created_at"]
    return Kept(
        str(row["file_name"]), str(row["ministry_code"]), int(row["fiscal_year"]), row["content"],
        str(row["sha256"]), created if created.tzinfo else created.replace(tzinfo=dt.UTC),
    )  # fmt: skip


def discard(store: Store, session_id: int) -> None:
    """Forget the file kept for this session (after its commit, or the user's discard)."""
    with unless_unwritable(), store.transaction("session", "session") as tx:
        tx.drop_upload(session_id)
