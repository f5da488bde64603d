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
    rep = set(strategy.reportable(strategy.actions(snap, fiscal_year))["action_id"])
    own = own[own["action_id"].isin(rep)]
    history = snap.history("followup", fiscal_year=fiscal_year)
    hist = {(str(a), str(m)): g for (a, m), g in history.groupby(["action_id", "ministry_code"], sort=False)}
    decisions = snap.review_events()
    decisions = decisions[decisions["fiscal_year"] == fiscal_year]
    dec = {(str(a), str(m)): g for (a, m), g in decisions.groupby(["action_id", "ministry_code"], sort=False)}
    current = snap.followup(fiscal_year)
    joint = set(current.loc[current["ministry_code"] == JOINT, "action_id"])
    mine = {(str(a), str(m)) for a, m in zip(current["action_id"], current["ministry_code"], strict=True)}
    rows = []
    for action_id, code in zip(own["action_id"], own["ministry_code"], strict=True):
        key = (str(action_id), str(code))
        events: list[tuple[int, str, pd.Series]] = []
        subs = hist.get(key)
        if subs is not None:
            events += [(int(r["submission_id"]), "submission", r) for _, r in subs.iterrows()]
        made = dec.get(key)
        if made is not None:
            events += [(int(r["change_id"]), str(r["decision"]), r) for _, r in made.iterrows()]
        state, submitted_at, decided = "not_submitted", None, None
        # submissions are ordered by their submission id, decisions by change id: both follow the store's
        # order of writes (a submission's id is never larger than its change id's order among writes)
        for _, event, r in sorted(events, key=lambda e: (_when(e[2]), e[0])):
            if event == "submission":
                if bool(r["deleted"]):
                    state = "not_submitted"
                    continue
                state, submitted_at = _step(state, event), r["created_at"]
            else:
                state, decided = _step(state, event), r
        if key not in mine:
            state = "accepted" if action_id in joint else "not_submitted"
        rows.append(
            {
                "action_id": action_id,
                "ministry_code": code,
                "fiscal_year": fiscal_year,
                "state": state,
                "submitted_at": submitted_at,
                "decided_at": None if decided is None else decided["created_at"],
                "decided_by": None if decided is None else decided["user_name"],
                "comment": None if decided is None else decided["comment"],
            }
        )
    return pd.DataFrame(rows, columns=STATE_COLUMNS)


def _when(row: pd.Series) -> pd.Timestamp:
    return pd.Timestamp(row["created_at"])


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
