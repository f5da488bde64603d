"""SQL statements per page run (AppTest, seed size): a cached re-run asks only for the store version;
the first run after a write loads one snapshot and nothing more."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.store import Store, open_store
from tests.conftest import submit_followup
from tests.dashboard.sqlcount import PAGES, count_run, page_app, with_accounts

FIRST_RUN_MAX = 30
RERUN_MAX = 2


@pytest.fixture
def app_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("QF_REQUIRE_LOGIN", raising=False)
    monkeypatch.setenv("QF_SQLITE_PATH", str(tmp_path / "app.sqlite3"))
    store = open_store()
    store.init()
    return with_accounts(store)


def test_every_page_reads_one_snapshot_after_a_write_and_only_the_version_on_a_rerun(
    app_store: Store,
) -> None:
    """Each page: ≤ 30 statements on its first run after a write, ≤ 2 on a cached re-run (the version)."""
    count_run(page_app("login", None))  # the server process opens (and checks) the store once
    counts = {}
    for i, (page, user) in enumerate(PAGES):
        submit_followup(app_store, "MEXT", 2021, [("1-1-01", "順調", f"○第{i}版")])
        at = page_app(page, user)
        first, again = count_run(at), count_run(at)
        counts[page] = (len(first), len(again))
        assert len(first) <= FIRST_RUN_MAX, (page, first)
        assert len(again) <= RERUN_MAX, (page, again)
        assert all("changes" in s for s in again), (page, again)  # the version query, nothing else
    assert len(counts) == len(PAGES)
