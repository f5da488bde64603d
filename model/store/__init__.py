"""The store: SQLAlchemy 2 over SQLite (embedded default) or any DATABASE_URL, history append-only.

Read with `store.snapshot()` (an immutable view at one version); write with
`with store.transaction(user, kind) as tx:` (the one write door; every write makes a new version).
"""

from model.store._changes import ChangeSet, Outcome, RowChange
from model.store._snapshot import Snapshot, per_snapshot
from model.store._store import JOINT, Store, open_store
from model.store._tables import (
    FOLLOWUP_KEY,
    FOLLOWUP_VALUES,
    KPI_KEY,
    KPI_VALUES,
    REFERENCE_TABLES,
    schema_columns,
)
from model.store._transaction import Actor, Transaction

__all__ = [
    "FOLLOWUP_KEY",
    "FOLLOWUP_VALUES",
    "JOINT",
    "KPI_KEY",
    "KPI_VALUES",
    "REFERENCE_TABLES",
    "Actor",
    "ChangeSet",
    "Outcome",
    "RowChange",
    "Snapshot",
    "Store",
    "Transaction",
    "open_store",
    "per_snapshot",
    "schema_columns",
]
