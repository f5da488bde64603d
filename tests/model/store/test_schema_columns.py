"""The store's reference tables are read from model/schemas.py's source (no pandera import on a command
line): that reading must give exactly the pandera models' columns and annotations, in order."""

from __future__ import annotations

from model.schemas import TABLES
from model.store._tables import reference, schema_columns


def test_source_reading_matches_the_pandera_models() -> None:
    read = schema_columns()
    assert list(read) == list(TABLES)
    for name, model in TABLES.items():
        expected = [(col, str(ann)) for col, ann in model.__annotations__.items() if col != "Config"]
        assert read[name] == expected, name
    # e.g. the strategies' first fiscal year is an integer column, its title text
    strategies = reference["strategies"].c
    assert type(strategies.from_fy.type).__name__ == "Integer"
    assert type(strategies.title_ja.type).__name__ == "Text"
    assert [c.name for c in reference["actions"].c] == [c for c, _ in read["actions"]]
