"""Publication (公表) of a fiscal year: what readers who are not logged in may see.

The secretariat publishes a fiscal year once every entry of it is 確定 (accepted, model/reporting/review.py).
A publication pins the store version it was checked at: what the public sees of that year is the store as
of that version, whatever is submitted later. A year can be re-published after corrections; every
publication is kept (append-only `publications`), and the newest counts.

The years the seed documents give (the FY2020 follow-up of seed 002, a document the government published)
count as published at the seed's version: they are public already.

For logged-in staff a year is 暫定 (provisional) when it was never published, or when its entries changed
after the version its newest publication pinned; pages, figures, the deck and the sheets mark it so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from model.auth import User, require_secretariat
from model.errors import AppError
from model.reporting.review import entry_states
from model.store import Snapshot, Store, per_snapshot
from model.text import checked_text

PUBLICATION_COLUMNS = ["fiscal_year", "pinned_version", "kind", "note", "user_name", "created_at"]
# The state of a fiscal year for the people who read it.
YEAR_STATES = ("published", "changed", "provisional")


@dataclass(frozen=True)
class Publication:
    fiscal_year: int
    pinned_version: int  # what the public sees of the year: the store as of this version
    version: int  # the store version the publication itself made


@per_snapshot
def publications(snap: Snapshot) -> pd.DataFrame:
    """Every publication, oldest first: the seed's years (kind "seed"), the secretariat's ("publication")."""
    fu = snap.history("followup")
    subs = snap.submissions()
    seed_change = subs.loc[subs["kind"] == "seed", ["id", "change_id", "created_at"]]
    rows = []
    if not seed_change.empty:
        seeded = fu.loc[fu["submission_kind"] == "seed", "fiscal_year"].dropna().astype(int)
        first = seed_change.iloc[0]
        rows += [
            {
                "fiscal_year": fy,
                "pinned_version": int(first["change_id"]),
                "kind": "seed",
                "note": None,
                "user_name": "seed",
                "created_at": first["created_at"],
            }
            for fy in sorted(set(seeded))
        ]
    made = snap.publications()
    seeded_rows = pd.DataFrame(rows, columns=PUBLICATION_COLUMNS)
    if made.empty:
        return seeded_rows
    own = made.assign(kind="publication")[PUBLICATION_COLUMNS]
    own["pinned_version"] = own["pinned_version"].astype(int)
    own["fiscal_year"] = own["fiscal_year"].astype(int)
    return pd.concat([seeded_rows, own], ignore_index=True)


@per_snapshot
def pins(snap: Snapshot) -> dict[int, int]:
    """Each published fiscal year → the version its newest publication pinned."""
    pubs = publications(snap)
    return {int(fy): int(v) for fy, v in zip(pubs["fiscal_year"], pubs["pinned_version"], strict=True)}


def published_view(snap: Snapshot) -> Snapshot:
    """The store as the public sees it (each published year as of its pin, the rest absent); memoised."""
    return snap.derive(("published_view",), lambda: snap.as_published(pins(snap)))


@per_snapshot
def year_state(snap: Snapshot, fiscal_year: int) -> str:
    """published | changed (published, but entries changed since its pin) | provisional (never published)."""
    pin = pins(snap).get(int(fiscal_year))
    if pin is None:
        return "provisional"
    hist = snap.history("followup", fiscal_year=int(fiscal_year))
    subs = snap.submissions().set_index("id")["change_id"]
    changed = hist["submission_id"].map(subs) > pin
    decided = snap.review_events()
    decided = decided[(decided["fiscal_year"] == fiscal_year) & (decided["change_id"] > pin)]
    return "changed" if bool(changed.any()) or not decided.empty else "published"


def is_provisional(snap: Snapshot, fiscal_year: int | None) -> bool:
    """Whether what staff see of the year is not what was published (暫定)."""
    return fiscal_year is not None and year_state(snap, int(fiscal_year)) != "published"


@per_snapshot
def readiness(snap: Snapshot, fiscal_year: int) -> dict[str, int]:
    """How many rows of the year there are and how many are 確定: a year publishes when all are."""
    states = entry_states(snap, fiscal_year)
    accepted = int((states["state"] == "accepted").sum())
    return {"rows": len(states), "accepted": accepted, "open": len(states) - accepted}


def publish(store: Store, user: User, fiscal_year: int, note: str | None = None) -> Publication:
    """Publish a fiscal year at the current version. Secretariat only; every row of the year must be 確定;
    a year published with nothing changed since is refused (nothing to re-publish)."""
    require_secretariat(user)
    text = checked_text(note or "", "field.comment") or None
    with store.transaction(user, "publication") as tx:
        snap = tx.snapshot()
        ready = readiness(snap, fiscal_year)
        if ready["rows"] == 0:
            raise AppError("err.pub.empty", fy=fiscal_year)
        if ready["open"]:
            raise AppError("err.pub.not_accepted", fy=fiscal_year, n=ready["open"], total=ready["rows"])
        if year_state(snap, fiscal_year) == "published":
            raise AppError("err.pub.unchanged", fy=fiscal_year, version=pins(snap)[fiscal_year])
        tx.record_publication(fiscal_year, snap.version, text)
        return Publication(fiscal_year, snap.version, tx.version)


def status_rows(snap: Snapshot, years: list[int]) -> pd.DataFrame:
    """Per fiscal year: its state, rows 確定 of all, and its newest publication (for the page and the CLI)."""
    pubs = publications(snap)
    rows = []
    for fy in years:
        ready = readiness(snap, fy)
        mine = pubs[pubs["fiscal_year"] == fy]
        last = mine.iloc[-1] if not mine.empty else None
        rows.append(
            {
                "fiscal_year": fy,
                "kind": None if last is None else last["kind"],
                "state": year_state(snap, fy),
                "rows": ready["rows"],
                "accepted": ready["accepted"],
                "publications": len(mine),
                "pinned_version": None if last is None else int(last["pinned_version"]),
                "published_by": None if last is None else last["user_name"],
                "published_at": None if last is None else last["created_at"],
            }
        )
    return pd.DataFrame(rows)
