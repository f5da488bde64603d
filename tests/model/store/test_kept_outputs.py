"""Outputs kept per store version (model/store/_kept.py): served only at the version they were kept for,
by key, and replaced when a newer version's output is kept; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from model.store import Store, output_key
from tests.conftest import submit_followup

DAY = dt.date(2026, 11, 25)


def test_an_output_is_served_at_its_version_only(store: Store) -> None:
    key = output_key({"command": "status", "json": True}, store.url, DAY)
    assert store.kept_output(key) is None
    v1 = store.version()
    assert store.keep_output(key, v1, '{"n": 1}\n', "")
    assert store.kept_output(key) == ('{"n": 1}\n', "")
    assert store.keep_output(key, v1, "another process's text\n", "")  # the first kept stays
    assert store.kept_output(key) == ('{"n": 1}\n', "")
    other = output_key({"command": "status", "json": False}, store.url, DAY)
    assert store.kept_output(other) is None

    submit_followup(store, "MEXT", 2021, [("1-1-01", "順調", "○進めた。")])  # any write: a new version
    v2 = store.version()
    assert v2 > v1
    assert store.kept_output(key) is None  # kept for v1: never printed for v2
    assert store.keep_output(key, v2, '{"n": 2}\n', "warning\n")
    assert store.kept_output(key) == ('{"n": 2}\n', "warning\n")
    assert store.row_counts()["kept_outputs"] == 1  # v1's row deleted when v2's was kept


def test_the_key_names_everything_the_output_depends_on() -> None:
    base = output_key({"command": "kpi", "as_of": None}, "sqlite:///a.db", DAY)
    assert base == output_key({"as_of": None, "command": "kpi"}, "sqlite:///a.db", DAY)  # order is no matter
    assert len({
        base,
        output_key({"command": "kpi", "as_of": "2026-03-31"}, "sqlite:///a.db", DAY),
        output_key({"command": "kpi", "as_of": None}, "sqlite:///b.db", DAY),
        output_key({"command": "kpi", "as_of": None}, "sqlite:///a.db", DAY + dt.timedelta(days=1)),
        output_key({"command": "kpi", "as_of": None}, "sqlite:///a.db", DAY, DAY + dt.timedelta(days=1)),
    }) == 5  # fmt: skip


def test_a_store_made_before_the_table_still_answers(store: Store) -> None:
    """No kept_outputs table (a store created by an older release): nothing is kept yet, and keeping
    creates the table."""
    from sqlalchemy import text

    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE kept_outputs"))
    key = output_key({"command": "status"}, store.url, DAY)
    assert store.kept_output(key) is None
    assert store.keep_output(key, store.version(), "text\n", "")
    assert store.kept_output(key) == ("text\n", "")
