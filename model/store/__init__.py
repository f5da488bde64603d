"""The store: SQLAlchemy 2 over SQLite (embedded default) or any DATABASE_URL, history append-only."""

from model.store._store import ChangeSet, Outcome, RowChange, Store, open_store

__all__ = ["ChangeSet", "Outcome", "RowChange", "Store", "open_store"]
