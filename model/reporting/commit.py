"""Commit a validated upload, withdraw a submission, read the history.

A commit re-checks the round and the stale-template rule inside the same write transaction that stores
the rows, so two uploads cannot race past each other; it is one submission record with the original file.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from model.auth import User, require_write
from model.errors import AppError
from model.messages import t
from model.report import Problem
from model.reporting.upload import Upload, check_upload, kpi_owner_problems, round_problems, stale_problems
from model.store import (
    FOLLOWUP_KEY,
    FOLLOWUP_VALUES,
    KPI_KEY,
    KPI_VALUES,
    ChangeSet,
    Outcome,
    Snapshot,
    Store,
)
from model.text import NOTE_LIMIT, char_label, first_refused, normalise


class UploadRejected(AppError):
    """A commit refused with the full problem list; nothing was stored."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("up.rejected", n=len(problems))


def commit_upload(store: Store, up: Upload, user: User) -> Outcome:
    """Store a validated upload as one submission; raises UploadRejected (nothing stored) otherwise."""
    require_write(user, up.ministry_code)
    if not up.ok:
        raise UploadRejected(up.problems)
    change = up.change_set(user.name)
    with store.transaction(user, "upload") as tx:
        # Checked again under the write lock: the round may have closed, another upload may have landed.
        now = tx.snapshot()
        problems = round_problems(now, up) + stale_problems(now, up) + kpi_owner_problems(now, up, user)
        if problems:
            raise UploadRejected(problems)
        return tx.apply(change)


def submit_file(
    store: Store,
    data: bytes,
    file_name: str,
    ministry: str,
    user: User,
    *,
    fiscal_year: int | None = None,
    lang: str = "ja",
) -> tuple[Upload, Outcome | None]:
    """Validate and commit in one call (the command line's `submit`); the outcome is None when rejected."""
    up = check_upload(
        store.snapshot(), data, file_name, ministry, fiscal_year=fiscal_year, lang=lang, user=user
    )
    require_write(user, up.ministry_code)
    if not up.ok:
        return up, None
    try:
        return up, commit_upload(store, up, user)
    except UploadRejected as rejected:
        up.problems = rejected.problems
        up.preview = None
        return up, None


# --- withdrawal -----------------------------------------------------------------------------------------
def withdraw(store: Store, submission_id: int, user: User, note: str | None = None) -> Outcome:
    """Undo a submission: append versions restoring what was there before it, recorded as a withdrawal.
    The reason (`note`) is text from a user: the intake rule of model/text.py applies to it."""
    note = _note(note)
    with store.transaction(user, "withdrawal") as tx:
        now = tx.snapshot()
        subs = now.submissions().set_index("id")
        if submission_id not in subs.index:
            raise AppError("err.withdraw.unknown", id=submission_id)
        sub = subs.loc[submission_id]
        if sub["kind"] != "upload":
            raise AppError("err.withdraw.not_upload", id=submission_id)
        if sub["outcome"] == "withdrawn":
            raise AppError("err.withdraw.already", id=submission_id)
        require_write(user, str(sub["ministry_code"]))
        fy = sub["fiscal_year"]
        change = ChangeSet(
            kind="withdrawal",
            user_name=user.name,
            ministry_code=str(sub["ministry_code"]),
            fiscal_year=None if pd.isna(fy) else int(fy),
            withdraws_id=submission_id,
            note=note,
            followup=_restore(now.history("followup"), FOLLOWUP_KEY, FOLLOWUP_VALUES, submission_id),
            kpi=_restore(now.history("kpi"), KPI_KEY, KPI_VALUES, submission_id),
        )
        outcome = tx.apply(change)
        tx.mark_withdrawn(submission_id)
        return outcome


def _note(note: str | None) -> str | None:
    if note is None or not note.strip():
        return None
    note = normalise(note.strip())
    hit = first_refused(note)
    if hit is not None:
        raise AppError("err.withdraw.note_refused", char=char_label(hit[1]))
    if len(note) > NOTE_LIMIT:
        raise AppError("err.withdraw.note_too_long", n=f"{len(note):,}", limit=f"{NOTE_LIMIT:,}")
    return note


def _restore(
    history: pd.DataFrame, key: tuple[str, ...], values: tuple[str, ...], submission_id: int
) -> list[dict[str, Any]]:
    """For every key the submission wrote: the version before it (or a deletion when there was none).

    A later upload of the same key blocks the withdrawal; one already withdrawn (and the withdrawal that
    undid it) does not."""
    out = []
    rows = [{str(k): v for k, v in r.items()} for r in history.to_dict("records")]
    by_key: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in rows:  # oldest first
        by_key.setdefault(tuple(r[k] for k in key), []).append(r)
    for row in (r for r in rows if r["submission_id"] == submission_id):
        versions = by_key[tuple(row[k] for k in key)]
        later = [
            int(v["submission_id"])
            for v in versions
            if v["id"] > row["id"] and v["submission_kind"] != "withdrawal" and v["outcome"] != "withdrawn"
        ]
        if later:
            raise AppError("err.withdraw.later", id=submission_id, later=min(later))
        before = [v for v in versions if v["id"] < row["id"]]
        restored = {k: row[k] for k in key}
        if not before:
            restored.update({v: row[v] for v in values}, deleted=True)
        else:
            restored.update({v: before[-1][v] for v in values}, deleted=bool(before[-1]["deleted"]))
        out.append(restored)
    return out


# --- history --------------------------------------------------------------------------------------------
def submission_history(snap: Snapshot, ministry_code: str | None = None) -> pd.DataFrame:
    """Uploads and withdrawals, newest first (optionally one ministry's). The file name is the display
    name; the name as sent (bytes) is not part of the history."""
    subs = snap.submissions().drop(columns=["change_id", "file_name_raw"], errors="ignore")
    subs = subs[subs["kind"].isin(["upload", "withdrawal"])]
    if ministry_code is not None:
        subs = subs[subs["ministry_code"] == ministry_code]
    return subs.sort_values("id", ascending=False).reset_index(drop=True)


def row_history(
    snap: Snapshot, action_id: str, fiscal_year: int | None = None, ministry_code: str | None = None
) -> pd.DataFrame:
    """Every version of one row (all ministries and years unless narrowed), oldest first."""
    return snap.history("followup", action_id=action_id, fiscal_year=fiscal_year, ministry_code=ministry_code)


def committed_message(outcome: Outcome, lang: str) -> str:
    return t(
        "up.committed",
        lang,
        id=outcome.submission_id,
        added=outcome.added,
        changed=outcome.changed,
        unchanged=outcome.unchanged,
    )
