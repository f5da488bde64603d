"""A full disk (a real one: tests/diskfull.py) on SQLite and PostgreSQL: a write is refused with a message
naming the full disk, nothing of it is stored, reading goes on, a logged-in user stays logged in; once
space is freed, the same write goes through."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from model import sessions
from model.auth import add_user, operator
from model.cli import main
from model.errors import AppError
from model.reporting.rounds import open_round
from model.store import ChangeSet, Store
from tests.conftest import PG_ADMIN_URL
from tests.diskfull import fill, small_disk, store_on
from tests.model.reporting.conftest import FY, PROBLEMS, SECRETARIAT, record_fixture_templates

FILE = b"\x89 a submitted file " * 30_000  # 570 kB: more than any free space left in pages or the WAL


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def disk_store(request: pytest.FixtureRequest) -> Iterator[tuple[Store, Path]]:
    """A seeded store whose data lives on a 48 MB disk of its own (not yet full)."""
    owner = "postgres" if request.param == "postgresql" else None
    with small_disk(48, owner) as disk, store_on(disk, request.param, PG_ADMIN_URL) as store:
        store.init()
        yield store, disk


def _submission(user: str = "editor-mext") -> ChangeSet:
    row = {"action_id": "1-1-01", "fiscal_year": 2021, "ministry_code": "MEXT", "status": "順調",
           "progress_ja": "○ロードマップを改訂した。", "next_ja": "○引き続き推進する。"}  # fmt: skip
    return ChangeSet("upload", user, "MEXT", 2021, file_name="mext.xlsx", content=FILE, followup=[row])


def test_a_full_disk_refuses_the_write_by_name_and_reading_goes_on(disk_store: tuple[Store, Path]) -> None:
    store, disk = disk_store
    editor = add_user(store, "editor-mext", "editor", password="kibou-no-ryoushi-2030", ministry_code="MEXT",
                      by=operator())  # fmt: skip
    now = dt.datetime.now(dt.UTC)
    token = sessions.claim(store, sessions.begin(store, editor, now), now)
    assert token is not None
    version, counts = store.version(), store.row_counts()
    filler = fill(disk)

    with pytest.raises(AppError) as err:
        store.submit(_submission())
    assert err.value.msg_id == "err.db_full"
    assert "空き容量がありません" in err.value.render("ja")
    assert "disk" in err.value.render("en") and "is full" in err.value.render("en")
    assert "connect" not in err.value.render("en")
    # nothing of it stored; reading goes on
    assert store.version() == version and store.row_counts() == counts
    assert store.snapshot().submissions()["file_name"].tolist().count("mext.xlsx") == 0
    # a logged-in user stays logged in when their `last_seen` cannot be written (a touch is due)
    later = now + sessions.TOUCH_EVERY * 2
    found = sessions.resume(store, token, later)
    assert found is not None and found.user == editor
    assert store.open_sessions("editor-mext") == 1

    filler.unlink()  # space again: the same write goes through, once
    outcome = store.submit(_submission())
    assert outcome.submission_id is not None and outcome.added == 1
    assert store.submission_file(outcome.submission_id) == FILE


def test_a_full_disk_with_no_connection_open_still_reads(tmp_path: Path) -> None:
    """SQLite opened on a full disk by a process of its own (the CLI, a dashboard restarting): its
    shared-memory file cannot be made, which SQLite reports as a "disk I/O error". Reading goes on from
    the database file; a write names the full disk."""
    with small_disk(8) as disk, store_on(disk, "sqlite", PG_ADMIN_URL) as store:
        store.init()
        version = store.version()
        store.engine.dispose()  # nobody has the database open
        fill(disk)
        fresh = Store(store.url)
        try:
            assert fresh.version() == version
            assert fresh.snapshot().version == version
            with pytest.raises(AppError) as err:
                fresh.submit(_submission("seed"))
            assert err.value.msg_id == "err.db_full"
            assert fresh.version() == version
        finally:
            fresh.engine.dispose()


def test_the_command_line_names_a_full_disk(
    disk_store: tuple[Store, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m model submit` on a full disk: one line naming the full disk, exit 1, no traceback,
    nothing stored; `status` still reads."""
    store, disk = disk_store
    open_round(store, FY, SECRETARIAT)
    record_fixture_templates(store)
    add_user(store, "mofa1", "editor", password="kibou-no-ryoushi-2030", ministry_code="MOFA", by=operator())
    version = store.version()
    store.engine.dispose()  # the command is a process of its own
    fill(disk)
    url = ["--database-url", store.url]
    assert main(["submit", str(PROBLEMS / "valid.xlsx"), "--ministry", "MOFA", "--user", "mofa1", *url]) == 1
    out = capsys.readouterr()
    assert out.err.startswith("error: データベースの保存先") and "空き容量がありません" in out.err
    assert out.err.count("\n") == 1 and "Traceback" not in out.err + out.out
    assert main(["submit", str(PROBLEMS / "valid.xlsx"), "--ministry", "MOFA", "--user", "mofa1",
                 "--lang", "en", *url]) == 1  # fmt: skip
    assert "disk" in capsys.readouterr().err
    assert main(["status", "--json", *url]) == 0
    assert capsys.readouterr().out.strip().startswith(("{", "["))
    assert store.version() == version
