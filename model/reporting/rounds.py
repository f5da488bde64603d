"""Collection rounds: the secretariat opens a round for a fiscal year and closes it.

A round's state is the newest of its events (opened, closed, re-opened); its id is that of its first event,
which is what a template names. What each ministry owes and has sent is `model.followup.completeness`:
one definition for every page, the deck and the command line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from model.auth import User, require_secretariat
from model.errors import AppError
from model.followup import completeness
from model.store import Snapshot, Store

ROUND_COLUMNS = [
    "id",
    "fiscal_year",
    "deadline",
    "status",
    "opened_by",
    "opened_at",
    "closed_by",
    "closed_at",
]


@dataclass(frozen=True)
class Round:
    id: int
    fiscal_year: int
    status: str  # open | closed
    deadline: dt.date | None

    @property
    def is_open(self) -> bool:
        return self.status == "open"


def _date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, str):  # SQLite hands dates back as text
        return dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def list_rounds(snap: Snapshot) -> pd.DataFrame:
    """One row per fiscal year with a round: its state, deadline, who opened (and closed) it and when."""

    def build() -> pd.DataFrame:
        # Read column by column (grouping the frame by year cost more than a template's other reads from
        # a new snapshot; a store holds a few events a year).
        events = snap.round_events()
        by_year: dict[int, list[tuple[Any, ...]]] = {}
        names = ("fiscal_year", "id", "status", "deadline", "user_name", "created_at")
        for fy, *event in zip(*(events[c].tolist() for c in names), strict=True):
            by_year.setdefault(fy, []).append(tuple(event))
        rows = []
        for fy in sorted(by_year):
            ev = by_year[fy]  # (id, status, deadline, user_name, created_at), oldest first
            last = ev[-1]
            opened = [e for e in ev if e[1] == "open"][-1]
            closed = last if last[1] == "closed" else None
            deadlines = [d for d in (_date(e[2]) for e in ev) if d is not None]
            rows.append(
                {
                    "id": int(ev[0][0]),
                    "fiscal_year": int(str(fy)),
                    "deadline": deadlines[-1] if deadlines else None,
                    "status": str(last[1]),
                    "opened_by": opened[3],
                    "opened_at": opened[4],
                    "closed_by": None if closed is None else closed[3],
                    "closed_at": None if closed is None else closed[4],
                }
            )
        return pd.DataFrame(rows, columns=ROUND_COLUMNS)

    return snap.derive(("rounds",), build)


def get_round(snap: Snapshot, fiscal_year: int) -> Round | None:
    table = list_rounds(snap)
    hit = table[table["fiscal_year"] == fiscal_year]
    if hit.empty:
        return None
    r = hit.iloc[0]
    return Round(int(r["id"]), fiscal_year, str(r["status"]), _date(r["deadline"]))


def open_round(store: Store, fiscal_year: int, user: User, deadline: dt.date | None = None) -> Round:
    """Open (or re-open) the round for a fiscal year; a re-opening keeps the deadline unless given one.
    Secretariat only."""
    require_secretariat(user)
    with store.transaction(user, "round") as tx:
        current = get_round(tx.snapshot(), fiscal_year)
        kept = deadline or (current.deadline if current is not None else None)
        event_id = tx.record_round(fiscal_year, "open", kept)
    # A round's id is its first event's (what templates name): kept on re-opening.
    return Round(current.id if current is not None else event_id, fiscal_year, "open", kept)


def close_round(store: Store, fiscal_year: int, user: User) -> Round:
    """Close a round: it takes no more submissions. Secretariat only."""
    require_secretariat(user)
    with store.transaction(user, "round") as tx:
        current = get_round(tx.snapshot(), fiscal_year)
        if current is None:
            raise AppError("err.round_missing", fiscal_year=fiscal_year)
        tx.record_round(fiscal_year, "closed", current.deadline)
    return Round(current.id, fiscal_year, "closed", current.deadline)


def open_round_year(snap: Snapshot) -> int | None:
    """The newest fiscal year whose round is open, None when no round is."""
    table = list_rounds(snap)
    open_years = table.loc[table["status"] == "open", "fiscal_year"]
    return int(open_years.max()) if len(open_years) else None


def collection_year(snap: Snapshot) -> int:
    """The fiscal year being collected: the newest open round; else the year after the newest reported."""
    open_year = open_round_year(snap)
    if open_year is not None:
        return open_year
    years = snap.followup()["fiscal_year"]
    return int(years.max()) + 1 if len(years) else dt.date.today().year


def round_progress(snap: Snapshot, fiscal_year: int) -> pd.DataFrame:
    """Per ministry: the reportable rows it owes for the year, how many have arrived, which are missing —
    `completeness` under the names the rounds page and `round status` use."""
    comp = completeness(snap, fiscal_year)
    return pd.DataFrame(
        {
            "ministry_code": comp["ministry_code"],
            "tag": comp["tag"],
            "name_ja": comp["name_ja"],
            "name_en": comp["name_en"],
            "owed": comp["owned"],
            "arrived": comp["reported"],
            "missing": comp["missing_ids"],
            "complete": comp["missing"] == 0,
        }
    )
