"""The store's reference tables are read from model/schemas.py's source (no pandera import on a command
line): that reading must give exactly the pandera models' columns and annotations, in order, and the tables
the store creates must have those columns."""

from __future__ import annotations

import sqlalchemy as sa

from model.schemas import TABLES
from model.store import Store, schema_columns


def test_source_reading_matches_the_pandera_models(store: Store) -> None:
    read = schema_columns()
    assert list(read) == list(TABLES)
    for name, model in TABLES.items():
        expected = [(col, str(ann)) for col, ann in model.__annotations__.items() if col != "Config"]
        assert read[name] == expected, name
    # The created tables, as the database reports them: e.g. the strategies' first fiscal year an integer.
    inspector = sa.inspect(store.engine)
    columns = {c["name"]: c["type"] for c in inspector.get_columns("ref_strategies")}
    assert list(columns) == [c for c, _ in read["strategies"]]
    assert isinstance(columns["from_fy"], sa.Integer)
    assert not isinstance(columns["title_ja"], sa.Integer)
    assert [c["name"] for c in inspector.get_columns("ref_actions")] == [c for c, _ in read["actions"]]
