"""The store: SQLAlchemy 2 over SQLite (embedded default) or any DATABASE_URL, history append-only.

Read with `store.snapshot()` (an immutable view at one version); write with
`with store.transaction(user, kind) as tx:` (the one write door; every write makes a new version).

Names are imported on first use (PEP 562): `Store` alone needs SQLAlchemy, not pandas, so a command that
prints a kept output (model/store/_kept.py) starts in a fraction of pandas' import time.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from model.store._changes import ChangeSet, Outcome, RowChange
    from model.store._kept import output_key
    from model.store._snapshot import Snapshot, handed_out, per_snapshot
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

_WHERE = {
    "ChangeSet": "_changes",
    "Outcome": "_changes",
    "RowChange": "_changes",
    "output_key": "_kept",
    "Snapshot": "_snapshot",
    "handed_out": "_snapshot",
    "per_snapshot": "_snapshot",
    "JOINT": "_store",
    "Store": "_store",
    "open_store": "_store",
    "FOLLOWUP_KEY": "_tables",
    "FOLLOWUP_VALUES": "_tables",
    "KPI_KEY": "_tables",
    "KPI_VALUES": "_tables",
    "REFERENCE_TABLES": "_tables",
    "schema_columns": "_tables",
    "Actor": "_transaction",
    "Transaction": "_transaction",
}

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
    "handed_out",
    "open_store",
    "output_key",
    "per_snapshot",
    "schema_columns",
]
assert sorted(__all__) == sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module("." + module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
