"""Shared fixtures: the seed, and stores on SQLite (a temp file) and PostgreSQL (a database per test run)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from model.auth import operator
from model.reporting.review import Decision, decide, entry_states
from model.seed import SeedData, load_seed
from model.store import ChangeSet, Store

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"  # copies of ../shared/seeds
# The server this machine runs (trust auth). CI starts it in .ci/run; a test never skips it.
PG_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@pytest.fixture(scope="session")
def seed() -> SeedData:
    return load_seed()


@contextmanager
def fresh_pg_database(prefix: str = "qf_test") -> Iterator[str]:
    """A new PostgreSQL database (its URL), dropped at the end (also used by bench/bench_scale.py)."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(
                sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": name},
            )
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped at the end."""
    with fresh_pg_database() as url:
        yield url


def _reset_pg(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An uninitialised store on each backend."""
    if request.param == "sqlite":
        store = Store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    else:
        url = request.getfixturevalue("pg_server_url")
        _reset_pg(url)
        store = Store(url)
    yield store
    store.engine.dispose()


@pytest.fixture
def store(empty_store: Store, seed: SeedData) -> Store:
    """A seeded store on each backend."""
    empty_store.init(seed)
    return empty_store


@pytest.fixture
def sqlite_store(tmp_path: Path, seed: SeedData) -> Iterator[Store]:
    s = Store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    s.init(seed)
    yield s
    s.engine.dispose()


def submit_followup(store: Store, code: str, fy: int, rows: list[tuple[str, str | None, str]]) -> None:
    """A ministry's follow-up rows (action_id, status, progress) for a year, stored as an upload would."""
    followup = [
        {"action_id": a, "fiscal_year": fy, "ministry_code": code, "status": status, "progress_ja": text,
         "next_ja": "○引き続き推進する。"}
        for a, status, text in rows
    ]  # fmt: skip
    store.submit(ChangeSet("upload", f"{code.lower()}-user", code, fy, followup=followup))


def report_and_accept_all(store: Store, fy: int, text: str = "○取組を進めた。") -> None:
    """Every owner reports every row it owes for `fy`; the secretariat accepts them all."""
    owed = entry_states(store.snapshot(), fy)
    for code, rows in owed.groupby("ministry_code"):
        submit_followup(
            store, str(code), fy, [(str(a), "順調", f"{text}（{code}）") for a in rows["action_id"]]
        )
    for code, rows in entry_states(store.snapshot(), fy).groupby("ministry_code"):
        decide(store, operator(), fy, "accepted", [Decision(str(a), str(code)) for a in rows["action_id"]])
