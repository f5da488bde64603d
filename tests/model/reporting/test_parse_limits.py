"""Issue 15: a hostile file costs the server nothing (the parse runs in a capped child, two at a time), and
every text of a structure edit has a length limit."""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import threading
import time

import pytest

from model.errors import AppError
from model.reporting import _sheets
from model.reporting.files import Limits
from model.reporting.upload import check_upload
from model.store import Store
from model.structure import Edit
from model.structure_edits import StructureError, apply_edits
from tests.model.reporting.conftest import PROBLEMS, SECRETARIAT, snapshot
from tests.model.reporting.hostile_files import lying_zip

MB = 1024 * 1024


def _rss_peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MB (Linux reports kB)


def test_a_sheet_larger_than_its_zip_header_is_refused_before_any_parser(rstore: Store) -> None:
    """300 MB of cells declared as 4 kB: refused by the container check, naming the part; the server's
    memory stays flat (Python's zipfile inflated the whole part, then the parse ran here: 2.2 GB for
    1 GB)."""
    data = lying_zip((PROBLEMS / "valid.xlsx").read_bytes(), "xl/worksheets/sheet2.xml", 300 * MB)
    assert len(data) < 1 * MB
    before, peak = snapshot(rstore), _rss_peak()
    up = check_upload(rstore.snapshot(), data, "bomb.xlsx", "MOFA")
    assert [p.message for p in up.problems] == [
        "ファイルの構成要素「xl/worksheets/sheet2.xml」が、記録された大きさ（4096 バイト）より大きく"
        "展開されます。ファイルが壊れているか、細工されています。ダウンロードした様式に記入し、保存し直して"
        "ください。"
    ]
    assert _rss_peak() - peak < 50  # MB: nothing near the sheet's size was allocated here
    assert snapshot(rstore) == before


def test_a_lying_part_that_reaches_the_parser_costs_the_child_only(sqlite_rstore: Store) -> None:
    """Past the container check (as an .xls's records are), the parse itself is capped: the same 300 MB
    sheet given straight to the capped child is refused, and this process does not grow."""
    data = lying_zip((PROBLEMS / "valid.xlsx").read_bytes(), "xl/worksheets/sheet2.xml", 300 * MB)
    peak = _rss_peak()
    parsed = _sheets.parse(data, "xlsx", False, max_rows=20_000, max_columns=200, memory=96 * MB, seconds=30)
    assert parsed.error in ("memory", "corrupt") and parsed.sheets == {}
    assert _rss_peak() - peak < 50


def test_the_parse_memory_cap_gives_its_own_message(sqlite_rstore: Store) -> None:
    """A file whose parse needs more than the cap (a 40 MB cell, honestly declared): the message names the
    cap and what to do."""
    data = lying_zip((PROBLEMS / "valid.xlsx").read_bytes(), "xl/worksheets/sheet2.xml", 40 * MB, 40 * MB)
    up = check_upload(sqlite_rstore.snapshot(), data, "v.xlsx", "MOFA", limits=Limits(parse_memory=1 * MB))
    assert [p.message for p in up.problems] == [
        "ファイルの読み取りに必要なメモリが上限（1.0 MB）を超えました。ファイルの中身が見かけより非常に"
        "大きい（圧縮された巨大なシートや、極端に長いセルなど）可能性があります。"
        "ダウンロードした様式に、必要な行と文章だけを記入して保存し直してください。"
    ]
    up = check_upload(
        sqlite_rstore.snapshot(), data, "v.xlsx", "MOFA", lang="en", limits=Limits(parse_memory=1 * MB)
    )
    assert up.problems[0].message.startswith("Reading the file needed more memory than allowed (1.0 MB).")


def test_the_parse_time_limit_gives_its_own_message(sqlite_rstore: Store) -> None:
    """A parse that does not finish in time is stopped and the upload refused, saying so."""
    data = (PROBLEMS / "valid.xlsx").read_bytes()
    up = check_upload(sqlite_rstore.snapshot(), data, "v.xlsx", "MOFA", limits=Limits(parse_seconds=0.0))
    assert [p.message[:30] for p in up.problems] == [
        "ファイルの読み取りが制限時間（0秒）内に終わりませんでした。"
    ]


def test_a_third_parse_waits_for_its_turn_and_is_told(sqlite_rstore: Store) -> None:
    """With both turns taken, a check calls on_wait, then runs when a turn frees."""
    data = (PROBLEMS / "valid.xlsx").read_bytes()
    snap = sqlite_rstore.snapshot()
    for _ in range(_sheets.PARALLEL):
        assert _sheets._TURNS.acquire(timeout=10)
    told: list[str] = []

    def on_wait() -> None:
        told.append("waiting")
        _sheets._TURNS.release()  # one of the two parses before it finishes

    try:
        up = check_upload(snap, data, "v.xlsx", "MOFA", on_wait=on_wait)
    finally:
        for _ in range(_sheets.PARALLEL - 1):
            _sheets._TURNS.release()
    assert told == ["waiting"]
    assert up.ok, [str(p) for p in up.problems]


def test_parses_run_at_most_two_at_a_time() -> None:
    """Four threads parse at once; never more than PARALLEL children are running."""
    data = (PROBLEMS / "valid.xlsx").read_bytes()
    running, peak, lock = [0], [0], threading.Lock()
    real = _sheets._run_child

    def counted(*args: object) -> _sheets.Parsed:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        try:
            return real(*args)  # type: ignore[arg-type]
        finally:
            with lock:
                running[0] -= 1

    _sheets._run_child = counted  # type: ignore[assignment]
    try:
        results: list[_sheets.Parsed] = []
        threads = [
            threading.Thread(
                target=lambda: results.append(
                    _sheets.parse(
                        data, "xlsx", False, max_rows=100, max_columns=20, memory=256 * MB, seconds=30
                    )
                )
            )
            for _ in range(4)
        ]
        for th in threads:
            th.start()
        for th in threads:
            th.join(60)
    finally:
        _sheets._run_child = real  # type: ignore[method-assign]
    assert [r.error for r in results] == [None] * 4
    assert peak[0] == _sheets.PARALLEL


@pytest.mark.parametrize("field", ["unit", "target_text_ja", "metric"])
def test_every_structure_text_has_a_length_limit(store: Store, field: str) -> None:
    """A goal's unit, deadline wording or metric of a million characters is refused, naming the column;
    nothing is stored (SQLite and PostgreSQL)."""
    values = {
        "kind": "indicator",
        "strategy_id": "industry-2023",
        "title_ja": "新しい指標",
        "title_en": "A new indicator",
        "metric": "new_metric",
        "unit": "件",
        "direction": "increase",
    }
    values[field] = ("x" if field == "metric" else "量") * 1_000_000
    before = store.version()
    with pytest.raises(StructureError) as refused:
        apply_edits(store, SECRETARIAT, [Edit("goal.add", "I-NEW-1", values, 2026, "追加")])
    assert isinstance(refused.value, AppError)
    columns = {p.column: p.message for p in refused.value.problems}
    column = {"unit": "単位", "target_text_ja": "期限の表記", "metric": "指標"}[field]
    assert "4000文字を超えています" in columns[column]
    assert store.version() == before


def _kill_the_parse_child(sig: signal.Signals, stop: threading.Event) -> None:
    """Wait for the parse child to appear, then stop it at once and deliver `sig` (it dies of it when
    continued): a crash of the child from outside, whatever it was doing."""
    while not stop.is_set():
        for child in multiprocessing.active_children():
            if child.name == "qf-parse" and child.pid is not None:
                os.kill(child.pid, signal.SIGSTOP)
                os.kill(child.pid, sig)
                os.kill(child.pid, signal.SIGCONT)
                return
        time.sleep(0.001)


@pytest.mark.parametrize("sig", [signal.SIGSEGV, signal.SIGTERM, signal.SIGABRT])
def test_a_crashed_parse_is_named_a_crash_not_memory(sqlite_rstore: Store, sig: signal.Signals) -> None:
    """A child that dies of a signal other than its memory cap's (Rust's allocator says so before its
    abort; a bare SIGABRT is not memory) is reported as a crash with the signal's name, not as memory
    and not as time."""
    data = lying_zip((PROBLEMS / "valid.xlsx").read_bytes(), "xl/worksheets/sheet2.xml", 40 * MB, 40 * MB)
    for _attempt in range(3):  # the child may, rarely, finish before it is caught
        stop = threading.Event()
        killer = threading.Thread(target=_kill_the_parse_child, args=(sig, stop))
        killer.start()
        try:
            up = check_upload(sqlite_rstore.snapshot(), data, "v.xlsx", "MOFA", lang="en",
                              limits=Limits(parse_memory=512 * MB))  # fmt: skip
        finally:
            stop.set()
            killer.join()
        if up.problems and "stopped abnormally" in up.problems[0].message:
            break
    assert [p.message for p in up.problems] == [
        f"Reading the file stopped abnormally ({sig.name}); not because of the memory or time limit. The "
        "file may be damaged or crafted. Fill in the downloaded template and save it again; if this "
        "happens again, tell the secretariat."
    ]


def test_the_three_ways_a_parse_child_ends_early_are_told_apart() -> None:
    """Memory (Rust's allocator failing under the cap: SIGABRT after its words), time (stopped at the
    limit), a crash (a signal from outside): three different errors of the parse."""
    data = lying_zip((PROBLEMS / "valid.xlsx").read_bytes(), "xl/worksheets/sheet2.xml", 40 * MB, 40 * MB)
    kw = {"max_rows": 20_000, "max_columns": 200}
    assert _sheets.parse(data, "xlsx", False, memory=16 * MB, seconds=30, **kw).error == "memory"
    assert _sheets.parse(data, "xlsx", False, memory=512 * MB, seconds=0.0, **kw).error == "time"
    stop = threading.Event()
    killer = threading.Thread(target=_kill_the_parse_child, args=(signal.SIGSEGV, stop))
    killer.start()
    try:
        crashed = _sheets.parse(data, "xlsx", False, memory=512 * MB, seconds=30, **kw)
    finally:
        stop.set()
        killer.join()
    assert (crashed.error, crashed.detail) == ("crash", "SIGSEGV")
