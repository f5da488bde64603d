"""Collection rounds: the secretariat opens a round for a fiscal year and closes it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from model.errors import AppError
from model.store import Store
from model.store._tables import rounds


@dataclass(frozen=True)
class Round:
    id: int
    fiscal_year: int
    status: str  # open | closed
    deadline: dt.date | None

    @property
    def is_open(self) -> bool:
        return self.status == "open"


def _row_to_round(row: sa.RowMapping) -> Round:
    deadline = row["deadline"]
    if isinstance(deadline, str):  # SQLite hands dates back as text
        deadline = dt.date.fromisoformat(deadline)
    return Round(int(row["id"]), int(row["fiscal_year"]), str(row["status"]), deadline)


def get_round(store: Store, fiscal_year: int) -> Round | None:
    store.require_initialised()
    with store.read() as conn:
        return round_on(conn, fiscal_year)


def round_on(conn: sa.Connection, fiscal_year: int) -> Round | None:
    """The round of a year, read on a connection already open (e.g. inside a write transaction)."""
    row = conn.execute(sa.select(rounds).where(rounds.c.fiscal_year == fiscal_year)).mappings().first()
    return _row_to_round(row) if row else None


def list_rounds(store: Store) -> pd.DataFrame:
    store.require_initialised()
    with store.read() as conn:
        return pd.read_sql(sa.select(rounds).order_by(rounds.c.fiscal_year), conn)


def open_round(store: Store, fiscal_year: int, user_name: str, deadline: dt.date | None = None) -> Round:
    """Open (or re-open) the round for a fiscal year."""
    store.require_initialised()
    now = dt.datetime.now(dt.UTC)
    with store.write() as conn:
        query = sa.select(rounds).where(rounds.c.fiscal_year == fiscal_year)
        existing = conn.execute(query).mappings().first()
        if existing is None:
            conn.execute(
                rounds.insert(),
                {
                    "fiscal_year": fiscal_year,
                    "deadline": deadline,
                    "status": "open",
                    "opened_by": user_name,
                    "opened_at": now,
                },
            )
        else:
            conn.execute(
                rounds.update()
                .where(rounds.c.fiscal_year == fiscal_year)
                .values(
                    status="open",
                    deadline=deadline or existing["deadline"],
                    opened_by=user_name,
                    opened_at=now,
                    closed_by=None,
                    closed_at=None,
                )
            )
    found = get_round(store, fiscal_year)
    if found is None:  # cannot happen: written in the transaction above
        raise AppError("err.round_missing", fiscal_year=fiscal_year)
    return found


def close_round(store: Store, fiscal_year: int, user_name: str) -> Round:
    """Close a round: it takes no more submissions."""
    current = get_round(store, fiscal_year)
    if current is None:
        raise AppError("err.round_missing", fiscal_year=fiscal_year)
    with store.write() as conn:
        conn.execute(
            rounds.update()
            .where(rounds.c.fiscal_year == fiscal_year)
            .values(status="closed", closed_by=user_name, closed_at=dt.datetime.now(dt.UTC))
        )
    return Round(current.id, fiscal_year, "closed", current.deadline)


def collection_year(store: Store) -> int:
    """The fiscal year being collected: the newest open round; else the year after the newest reported."""
    table = list_rounds(store)
    open_years = table.loc[table["status"] == "open", "fiscal_year"]
    if len(open_years):
        return int(open_years.max())
    years = store.followup()["fiscal_year"]
    return int(years.max()) + 1 if len(years) else dt.date.today().year


def round_progress(store: Store, fiscal_year: int) -> pd.DataFrame:
    """Per ministry: the reportable rows it owes for the year, how many have arrived, which are missing."""
    from model.reporting.owners import owned_action_ids  # owners imports strategy, which imports store
    from model.strategy import registry

    entries = store.followup(fiscal_year)
    rows = []
    for m in registry(store):
        owed = sorted(owned_action_ids(store, m.code))
        got = set(entries.loc[entries["ministry_code"] == m.code, "action_id"])
        arrived = [a for a in owed if a in got]
        rows.append(
            {
                "ministry_code": m.code,
                "tag": m.tag,
                "name_ja": m.name_ja,
                "name_en": m.name_en,
                "owed": len(owed),
                "arrived": len(arrived),
                "missing": [a for a in owed if a not in got],
                "complete": len(arrived) == len(owed),
            }
        )
    return pd.DataFrame(rows)
