"""The review of each entry (action × ministry × fiscal year): 未提出 → 提出済 → 差戻し → 再提出 → 確定.

The state is derived, never stored: from the entry's submissions (the follow-up versions the ministry wrote)
and the secretariat's decisions (`review_events`, append-only, each with its comment), taken in the order
they were made (store change ids). So every state can be explained by its history, and the state at any
earlier version is the snapshot's.

- 未提出 (not_submitted): a row the ministry owns in the year's structure with no entry of its own.
- 提出済 (submitted): its entry was submitted and not yet decided.
- 差戻し (returned): the secretariat returned it, with a comment per row saying what to fix.
- 再提出 (resubmitted): submitted again after a return.
- 確定 (accepted): accepted; a later submission reopens it (提出済).

Only the secretariat returns or accepts, and only what is 提出済 or 再提出; a return needs a comment.
The joint text a year was published with (seed 002, ministry JOINT) is 確定 for every owner.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from model import strategy
from model.auth import User, require_secretariat
from model.errors import AppError
from model.messages import t
from model.store import JOINT, Snapshot, Store, per_snapshot
from model.text import checked_text

STATES = ("not_submitted", "submitted", "returned", "resubmitted", "accepted")
DECISIONS = ("returned", "accepted")
DECIDABLE = ("submitted", "resubmitted")
STATE_COLUMNS = [
    "action_id",
    "ministry_code",
    "fiscal_year",
    "state",
    "submitted_at",
    "decided_at",
    "decided_by",
    "comment",
]


@dataclass(frozen=True)
class Decision:
    """One row the secretariat decides: return (with a comment) or accept."""

    action_id: str
    ministry_code: str
    comment: str = ""


def _step(state: str, event: str) -> str:
    """The state after `event` (submission | returned | accepted)."""
    if event == "submission":
        return "resubmitted" if state in ("returned", "resubmitted") else "submitted"
    return event


@per_snapshot
def entry_states(snap: Snapshot, fiscal_year: int) -> pd.DataFrame:
    """Every owned row of the year × owner with its review state, last submission, last decision."""
    own = strategy.owners(snap, fiscal_year)
    rep = set(strategy.reportable(strategy.actions(snap, fiscal_year))["action_id"].tolist())
    # Column lists, not Series iteration or to_dict: this runs over the whole year's history.
    owned = [
        (a, m)
        for a, m in zip(own["action_id"].tolist(), own["ministry_code"].tolist(), strict=True)
        if a in rep
    ]
    history = snap.history("followup", fiscal_year=fiscal_year)
    decisions = snap.review_events()
    decisions = decisions[decisions["fiscal_year"] == fiscal_year]
    current = snap.followup(fiscal_year)
    joint = set(current.loc[current["ministry_code"] == JOINT, "action_id"].tolist())
    mine = set(_keys(current))
    # Every event of the year in one pass, in the order made: submissions are ordered by their submission
    # id, decisions by change id; both follow the store's order of writes (a submission's id is never
    # larger than its change id's order among writes). Submissions first on a tie, as they were listed.
    events = pd.concat(
        [
            pd.DataFrame(
                {
                    "key": _keys(history),
                    "id": history["submission_id"].astype(int),
                    "event": "submission",
                    "deleted": history["deleted"].astype(bool),
                    "when": pd.to_datetime(history["created_at"], utc=True),
                    "created_at": history["created_at"],
                    "user_name": None,
                    "comment": None,
                }
            ),
            pd.DataFrame(
                {
                    "key": _keys(decisions),
                    "id": decisions["change_id"].astype(int),
                    "event": decisions["decision"].astype(str),
                    "deleted": False,
                    "when": pd.to_datetime(decisions["created_at"], utc=True),
                    "created_at": decisions["created_at"],
                    "user_name": decisions["user_name"],
                    "comment": decisions["comment"],
                }
            ),
        ],
        ignore_index=True,
    )
    whens, ids = events["when"].tolist(), events["id"].tolist()
    order = sorted(range(len(events)), key=lambda i: (whens[i], ids[i]))
    keys, kinds, deleted = events["key"].tolist(), events["event"].tolist(), events["deleted"].tolist()
    created, users, comments = (events[c].tolist() for c in ("created_at", "user_name", "comment"))
    state: dict[tuple[str, str], str] = {}
    submitted: dict[tuple[str, str], object] = {}
    decided: dict[tuple[str, str], int] = {}  # the event index of the last decision
    for i in order:
        key, event = keys[i], kinds[i]
        if event == "submission":
            if deleted[i]:
                state[key] = "not_submitted"
                continue
            state[key], submitted[key] = _step(state.get(key, "not_submitted"), event), created[i]
        else:
            state[key], decided[key] = _step(state.get(key, "not_submitted"), event), i
    rows = []
    for action_id, code in owned:
        key = (str(action_id), str(code))
        now = state.get(key, "not_submitted")
        if key not in mine:
            now = "accepted" if action_id in joint else "not_submitted"
        last = decided.get(key)
        rows.append(
            {
                "action_id": action_id,
                "ministry_code": code,
                "fiscal_year": fiscal_year,
                "state": now,
                "submitted_at": submitted.get(key),
                "decided_at": None if last is None else created[last],
                "decided_by": None if last is None else users[last],
                "comment": None if last is None else comments[last],
            }
        )
    return pd.DataFrame(rows, columns=STATE_COLUMNS)


def _keys(df: pd.DataFrame) -> list[tuple[str, str]]:
    return list(
        zip(df["action_id"].astype(str).tolist(), df["ministry_code"].astype(str).tolist(), strict=True)
    )


@per_snapshot
def state_counts(snap: Snapshot, fiscal_year: int) -> pd.DataFrame:
    """Per ministry: how many rows are in each state (the round's board)."""
    states = entry_states(snap, fiscal_year)
    counts = states.groupby(["ministry_code", "state"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=list(STATES), fill_value=0)
    return counts.reset_index()


def decide(store: Store, user: User, fiscal_year: int, decision: str, rows: list[Decision]) -> int:
    """Return (with a comment per row) or accept rows; secretariat only; only 提出済 / 再提出 rows. All or
    nothing: one row that cannot be decided refuses the whole list. Returns the store version."""
    require_secretariat(user)
    if decision not in DECISIONS:
        raise AppError("err.review.bad_decision", value=decision)
    if not rows:
        raise AppError("err.review.nothing")
    comments = [checked_text(r.comment, "field.comment") for r in rows]
    if decision == "returned" and not all(comments):
        raise AppError("err.review.comment_required")
    with store.transaction(user, "review") as tx:
        states = entry_states(tx.snapshot(), fiscal_year).set_index(["action_id", "ministry_code"])
        for r in rows:
            key = (r.action_id, r.ministry_code)
            if key not in states.index:
                raise AppError(
                    "err.review.unknown", action=r.action_id, ministry=r.ministry_code, fy=fiscal_year
                )
            now = str(states.loc[key, "state"])
            if now not in DECIDABLE:
                raise AppError(
                    "err.review.not_decidable",
                    action=r.action_id,
                    ministry=r.ministry_code,
                    state=t(f"rv.state.{now}"),
                )
        for r, comment in zip(rows, comments, strict=True):
            tx.record_review(r.action_id, fiscal_year, r.ministry_code, decision, comment or None)
        return tx.version
