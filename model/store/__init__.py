"""The store: SQLAlchemy 2 over SQLite (embedded default) or any DATABASE_URL, history append-only."""

from model.store._store import ChangeSet, Store, open_store

__all__ = ["ChangeSet", "Store", "open_store"]
