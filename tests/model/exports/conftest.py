"""Export test fixtures: two ministries report FY2025 (one delayed, one with formula-like text)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from model.seed import SeedData
from model.store import ChangeSet, Store

FY = 2025
MEXT_PROGRESS = "○文部科学省の進捗。量子コンピュータの研究開発を推進した。"
METI_PROGRESS = '=HYPERLINK("http://example.invalid","click")'  # formula-like on purpose
METI_NEXT = "+引き続き推進する。"


def add_fy2025(store: Store) -> Store:
    """MEXT and METI report action 1-1-01 for FY2025; METI is 遅延 and writes formula-like text."""
    rows = [
        ("MEXT", MEXT_PROGRESS, "○次年度も推進する。", "順調"),
        ("METI", METI_PROGRESS, METI_NEXT, "遅延"),
    ]
    for code, progress, nxt, status in rows:
        store.submit(
            ChangeSet(
                kind="upload",
                user_name=f"test-{code}",
                ministry_code=code,
                fiscal_year=FY,
                followup=[
                    {
                        "action_id": "1-1-01",
                        "fiscal_year": FY,
                        "ministry_code": code,
                        "progress_ja": progress,
                        "next_ja": nxt,
                        "status": status,
                    }
                ],
            )
        )
    return store


@pytest.fixture
def reported_store(sqlite_store: Store) -> Store:
    return add_fy2025(sqlite_store)


@pytest.fixture(scope="module")
def shared_reported_store(tmp_path_factory: pytest.TempPathFactory, seed: SeedData) -> Iterator[Store]:
    """The same, built once per module (read-only tests: the deck takes seconds to build)."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('exports') / 'store.sqlite3'}")
    store.init(seed)
    yield add_fy2025(store)
    store.engine.dispose()
