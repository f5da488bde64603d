"""One version per write of any kind; a version's snapshot is exact; readers never wait for a writer."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable

import pytest

from model.auth import add_user, operator, set_disabled
from model.errors import AppError
from model.goals import set_override
from model.reporting.assessments import assess
from model.reporting.commit import submit_file, withdraw
from model.reporting.rounds import close_round, open_round
from model.reporting.template import issue_template
from model.store import Store
from tests.conftest import submit_followup
from tests.model.reporting.conftest import SECRETARIAT, fill, template_ids

SEC = operator()


_ISSUED: list[bytes] = []


def _issue(store: Store) -> None:
    _ISSUED[:] = [issue_template(store, SECRETARIAT, "MOFA", 2021)]


def _upload(store: Store) -> None:
    blank = _ISSUED[0]
    data = fill(blank, {a: (f"○報告 {a}", "○次年度", "順調") for a in template_ids(blank)})
    _, outcome = submit_file(store, data, "mofa.xlsx", "MOFA", SEC)
    assert outcome is not None


def _withdraw(store: Store) -> None:
    last = store.snapshot().submissions().iloc[-1]
    withdraw(store, int(last["id"]), SEC)


# Every kind of write the product makes, each after the one before it (the list is one story).
WRITES: list[tuple[str, Callable[[Store], object]]] = [
    ("round open", lambda s: open_round(s, 2021, SEC, dt.date(2022, 5, 31))),
    ("template issued", _issue),
    ("submission", _upload),
    (
        "assessment",
        lambda s: assess(
            s, SEC, action_id="2-1-01", fiscal_year=2021, ministry_code="MOFA", status="遅延", comment="確認"
        ),
    ),
    ("withdrawal", _withdraw),
    ("status override", lambda s: set_override(s, SEC, "H-USERS", "limited", "統計待ち")),
    (
        "user added",
        lambda s: add_user(
            s, "ed1", "editor", password="kibou-no-ryoushi-2030", ministry_code="MOFA", by=SEC
        ),
    ),
    ("user disabled", lambda s: set_disabled(s, "ed1", True, by=SEC)),
    ("round close", lambda s: close_round(s, 2021, SEC)),
]


def test_every_kind_of_write_makes_exactly_one_new_version(store: Store) -> None:
    """Submission, withdrawal, round open/close, template issued, assessment, override, user change: +1
    each."""
    seen = []
    for name, write in WRITES:
        before = store.version()
        write(store)
        seen.append((name, store.version() - before))
    assert seen == [(name, 1) for name, _ in WRITES]


def test_a_refused_write_leaves_the_version_as_it_was(store: Store) -> None:
    """A write refused by its checks writes nothing, not even a version."""
    counts, version = store.row_counts(), store.version()
    with pytest.raises(AppError):
        close_round(store, 2031, SEC)  # no such round
    with pytest.raises(AppError):
        assess(
            store, SEC, action_id="1-1-01", fiscal_year=2031, ministry_code="MEXT", status=None, comment=""
        )
    with pytest.raises(AppError):
        set_disabled(store, "nobody", True, by=SEC)
    assert (store.row_counts(), store.version()) == (counts, version)


def test_a_snapshot_of_an_earlier_version_is_that_state(store: Store) -> None:
    """History is append-only: the state at version v is rebuilt exactly after later writes."""
    open_round(store, 2021, SEC)
    submit_followup(store, "MEXT", 2021, [("1-1-01", "順調", "○一回目")])
    first = store.snapshot()
    submit_followup(store, "MEXT", 2021, [("1-1-01", "遅延", "○二回目")])
    close_round(store, 2021, SEC)
    again = store.snapshot(first.version)
    assert again.version == first.version
    assert again.followup().equals(first.followup())
    assert again.submissions().equals(first.submissions())
    assert again.round_events().equals(first.round_events())
    now = store.snapshot().followup(2021).set_index("action_id")
    assert now.loc["1-1-01", "progress_ja"] == "○二回目"
    with pytest.raises(AppError):
        store.snapshot(store.version() + 1)


def test_a_reader_is_not_blocked_by_an_open_write_transaction(sqlite_store: Store) -> None:
    """SQLite: a snapshot taken while another connection holds the write lock returns at once, and shows
    the last committed state, not the write in progress."""
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:
        with sqlite_store.transaction("writer", "test") as tx:
            assert tx.version  # the change row is written: the writer holds SQLite's write lock
            holding.set()
            release.wait(30)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert holding.wait(10)
        reader = Store(sqlite_store.url)  # another connection pool, as another process would have
        start = time.monotonic()
        snap = reader.snapshot()
        version = reader.version()
        waited = time.monotonic() - start
        reader.engine.dispose()
        assert thread.is_alive()  # the writer still holds its transaction
        assert waited < 5.0  # a blocked reader would wait for SQLite's 60 s busy timeout
        assert snap.version == version == 1  # the seed; the uncommitted change is not seen
    finally:
        release.set()
        thread.join(30)
    assert sqlite_store.version() == 2  # committed when the writer ended
