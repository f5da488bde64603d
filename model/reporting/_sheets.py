"""Parsing an uploaded spreadsheet in a child process whose memory and time are capped.

A zip's headers may lie about the size of a part (a 1 GB worksheet declared as 4 kB passes every check made
on the directory), and an .xls names its cells in binary records: only parsing finds out what a file costs.
So the parse runs in a child process with a capped address space (`RLIMIT_AS`) and a time limit: a hostile
file exhausts the child, which dies, not the server. The child returns plain data (each sheet as a list of
rows, the cells holding formulas); nothing of the parser crosses back.

At most `PARALLEL` parses run at a time per server process; others wait (the caller is told, so a page can
say so) up to `WAIT_SECONDS`.

This module imports only what the child needs (the fork server preloads it): no pandas, no messages.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import re
import signal
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerProcess, set_spawning_popen
from pathlib import Path
from typing import Any

import openpyxl
import python_calamine as pc
from defusedxml import ElementTree  # type: ignore[import-untyped]

# Excel holds at most 32,767 characters in a cell; a longer text is cut to one more than that before it
# leaves the child (its true length travels beside it, for the problem message), so a 45 MB cell costs
# the child, not the server.
CELL_CAP = 32_768
PARALLEL = 2  # parses at a time per server process
WAIT_SECONDS = 120.0  # how long a parse waits for its turn before the upload is refused as "busy"
_TURNS = threading.BoundedSemaphore(PARALLEL)
# forkserver: each child is a fork of a small server that has imported this module once (≈15 ms a child,
# against ≈350 ms for 'spawn', which starts an interpreter and imports calamine and openpyxl each time).
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload([__name__])


class _Popen(popen_forkserver.Popen):
    """The fork server's launch, without the main module.

    multiprocessing makes every child run the parent's main script again (as `__mp_main__`) so that objects
    defined there can be unpickled. The child here needs nothing from it (its target lives in this module),
    and running it again is costly: under the `streamlit` console script or a bench script it imported
    Streamlit in every parse child, 0.6 s an upload (Python 3.11's fork server is meant to preload the main
    module once, but looks it up under a key the preparation data does not use). The launch below is the
    standard library's `popen_forkserver.Popen._launch` with the main module left out of the preparation."""

    def _launch(self, process_obj: Any) -> None:
        prep_data = spawn.get_preparation_data(process_obj._name)
        prep_data.pop("init_main_from_path", None)
        prep_data.pop("init_main_from_name", None)
        buf = io.BytesIO()
        set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)  # type: ignore[attr-defined]
        _parent_w = os.dup(w)  # the child watches this end to know its parent lives
        self.finalizer = util.Finalize(self, util.close_fds, (_parent_w, self.sentinel))  # type: ignore[attr-defined]
        with os.fdopen(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _Process(ForkServerProcess):
    @staticmethod
    def _Popen(process_obj: Any) -> _Popen:  # multiprocessing's hook
        return _Popen(process_obj)


@dataclass
class Parsed:
    """What the child found: sheets and formula cells, or why it stopped (`error`, with a detail)."""

    sheets: dict[str, list[list[Any]]] = field(default_factory=dict)
    formulas: set[tuple[str, int, int]] = field(default_factory=set)
    # (sheet, row 1-based, column 1-based) → length of each text cut to CELL_CAP characters
    lengths: dict[tuple[str, int, int], int] = field(default_factory=dict)
    # None | "too_big" (sheet, rows, columns) | "rows" (an .xlsx's XML reaches this row: FAR when a column
    # is too far) | "password" | "corrupt" | "memory" | "time" | "busy"
    # | "crash" (the child died otherwise: detail says how, e.g. "SIGSEGV", "exit 3")
    error: str | None = None
    detail: Any = None


def parse(
    data: bytes,
    kind: str,
    want_formulas: bool,
    *,
    max_rows: int,
    max_columns: int,
    memory: int,
    seconds: float,
    on_wait: Callable[[], None] | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Parsed:
    """Parse `data` (kind xlsx | xls | ods) in a capped child; waits for a turn first (`on_wait` is called
    once when it has to wait). Never raises for anything about the file.

    `meanwhile` is called once the child has started: the caller's work that needs no file runs while the
    child parses, on the other core (what it raises is raised here, the child killed)."""
    if not _TURNS.acquire(blocking=False):
        if on_wait is not None:
            on_wait()
        if not _TURNS.acquire(timeout=WAIT_SECONDS):
            return Parsed(error="busy")
    try:
        return _run_child(data, kind, want_formulas, max_rows, max_columns, memory, seconds, meanwhile)
    finally:
        _TURNS.release()


def _run_child(
    data: bytes,
    kind: str,
    want_formulas: bool,
    max_rows: int,
    max_columns: int,
    memory: int,
    seconds: float,
    meanwhile: Callable[[], None] | None = None,
) -> Parsed:
    receive, send = _CONTEXT.Pipe(duplex=False)
    said = _stderr_file()
    child = _Process(
        target=_child,
        args=(send, data, kind, want_formulas, max_rows, max_columns, memory, said),
        daemon=True,
        name="qf-parse",
    )
    child.start()
    send.close()
    try:
        deadline = time.monotonic() + seconds
        if meanwhile is not None:
            meanwhile()
            if time.monotonic() >= deadline:  # whether the answer came in time is not known: it did not
                return Parsed(error="time")
        while True:
            if receive.poll(min(0.05, max(0.0, deadline - time.monotonic()))):
                try:
                    result: Parsed = receive.recv()
                except (EOFError, OSError):  # the child died before it could answer
                    return _death(child, said)
                return result
            if not child.is_alive() and not receive.poll():
                return _death(child, said)
            if time.monotonic() >= deadline:
                return Parsed(error="time")
    finally:
        if said is not None:  # first: what follows may be cut short (a page's rerun stops its thread)
            Path(said).unlink(missing_ok=True)
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(5)
        child.close()


# What the child's last words say when it died of its memory cap: Rust's allocator (calamine) prints the
# first before it aborts, Python the others.
_OUT_OF_MEMORY = ("memory allocation of", "capacity overflow", "MemoryError", "Cannot allocate memory")


def _stderr_file() -> str | None:
    """A file for the child's standard error (None when none can be made, e.g. on a full disk)."""
    try:
        fd, path = tempfile.mkstemp(prefix="qf-parse-", suffix=".err")
    except OSError:
        return None
    os.close(fd)
    return path


def _death(child: Any, said: str | None) -> Parsed:
    """Why a child died without answering: its memory cap (what it said, or the kernel's SIGKILL), or a
    crash (another signal, an exit), named."""
    child.join(5)
    code = child.exitcode
    words = ""
    if said is not None:
        with Path(said).open("rb") as f:  # the tail: the last words are what matters
            f.seek(max(0, os.fstat(f.fileno()).st_size - 4096))
            words = f.read().decode("utf-8", "replace")
    if any(w in words for w in _OUT_OF_MEMORY) or code == -signal.SIGKILL:
        return Parsed(error="memory")
    if code is not None and code < 0:
        try:
            how = signal.Signals(-code).name
        except ValueError:
            how = f"signal {-code}"
    else:
        how = f"exit {code}"
    return Parsed(error="crash", detail=how)


def _child(
    send: Connection,
    data: bytes,
    kind: str,
    want_formulas: bool,
    max_rows: int,
    max_columns: int,
    memory: int,
    said: str | None,
) -> None:
    import resource

    if said is not None:  # standard error into a file the parent reads if this child dies
        fd = os.open(said, os.O_WRONLY | os.O_TRUNC)
        os.dup2(fd, 2)
        os.close(fd)
    os.environ["RUST_BACKTRACE"] = "0"  # a parser that runs out of memory says so in one line
    os.nice(10)  # the server's own threads (readers' pages) come first on a busy machine
    # `memory` more than what the process already maps (the parser's code, whatever the fork server
    # preloaded): the cap then means the same whatever the parent imported.
    mapped = int(Path("/proc/self/statm").read_bytes().split()[0]) * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (mapped + memory, mapped + memory))
    try:
        result = _parse_here(data, kind, want_formulas, max_rows, max_columns)
    except MemoryError:
        result = Parsed(error="memory")
    except Exception as exc:  # whatever stops the child is reported, never raised
        result = _corrupt(exc)
    try:
        send.send(result)
    except MemoryError:
        send.send(Parsed(error="memory"))
    finally:
        send.close()


# Cell and row references in a worksheet: calamine allocates the dense range up to the farthest one, so a
# single cell at XFD1048576 would ask for hundreds of GB. These are checked on the XML first (here, in the
# child: a regex over a 45 MB worksheet holds the GIL, which in the server would stall readers' pages).
FAR = 2**31  # "a cell lies beyond any sensible range"
_ROW_REF = re.compile(rb"<(?:\w+:)?row\b[^>]*?\sr=\"(\d+)\"")
_PLAIN_ROW_REF = re.compile(rb"<row\b[^>]*?\sr=\"(\d+)\"")  # the same matches where no ":row" occurs
# column 201 (GS) or beyond; the pattern starts with a literal so that the search is a fast scan
_FAR_COLUMN = re.compile(rb'r="(?:[A-Z]{3}|[H-Z][A-Z]|G[S-Z])\d')
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_XLSX_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
_PLAIN_FORMULA = re.compile(rb"<f[ >/]")
_PREFIXED_FORMULA = re.compile(rb":f[ >/]")


def xlsx_extent(xml: bytes) -> int:
    """The number of rows calamine would allocate for a worksheet (FAR when a column is too far)."""
    if _FAR_COLUMN.search(xml):
        return FAR
    # The namespace-prefixed pattern has no literal to scan for (5x slower): only for XML that holds one.
    row_ref = _ROW_REF if b":row" in xml else _PLAIN_ROW_REF
    numbered = [int(r) for r in row_ref.findall(xml)]
    return max(max(numbered, default=0), len(_ROW_TAG.findall(xml)) if not numbered else 0)


def has_formula(xml: bytes) -> bool:
    # Literal-prefixed patterns scan fast; the full pattern only for namespace-prefixed XML.
    if _PLAIN_FORMULA.search(xml):
        return True
    return _PREFIXED_FORMULA.search(xml) is not None and _XLSX_FORMULA.search(xml) is not None


def xlsx_scan(data: bytes) -> tuple[int, bool]:
    """The rows calamine would allocate for the largest worksheet, and whether any may hold a formula.
    Each part is read no further than its declared size (the server has refused understated parts)."""
    rows, formulas = 0, False
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                with zf.open(info) as part:
                    xml = part.read(info.file_size)
                rows = max(rows, xlsx_extent(xml))
                formulas = formulas or has_formula(xml)
                del xml
    return rows, formulas


def _parse_here(data: bytes, kind: str, want_formulas: bool, max_rows: int, max_columns: int) -> Parsed:
    out = Parsed()
    if kind == "xlsx":
        try:
            extent, maybe_formulas = xlsx_scan(data)
        except MemoryError:
            raise
        except Exception as exc:  # a broken container: the same as calamine failing on it
            return _corrupt(exc)
        if extent > max_rows:
            return Parsed(error="rows", detail=extent)
        want_formulas = want_formulas or maybe_formulas
    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        for meta in wb.sheets_metadata:
            sheet = wb.get_sheet_by_name(meta.name)
            if sheet.total_height > max_rows or sheet.total_width > max_columns:
                return Parsed(error="too_big", detail=(meta.name, sheet.total_height, sheet.total_width))
            rows = sheet.to_python(skip_empty_area=False)
            _cap_and_share(meta.name, rows, out.lengths)
            out.sheets[meta.name] = rows
    except pc.PasswordError:
        return Parsed(error="password")
    except MemoryError:
        raise
    except Exception as exc:  # any parser failure on a hostile or broken file is the user's problem to fix
        return _corrupt(exc)
    try:
        if kind == "xlsx" and want_formulas:
            out.formulas = _xlsx_formulas(data)
        elif kind == "ods":
            out.formulas = _ods_formulas(data)
    except MemoryError:
        raise
    except Exception as exc:  # same: a file calamine read but openpyxl/defusedxml refuse is broken
        return _corrupt(exc)
    return out


def _cap_and_share(name: str, rows: list[list[Any]], lengths: dict[tuple[str, int, int], int]) -> None:
    """Cut each text over CELL_CAP (its true length into `lengths`), and make equal texts of a column one
    object. The parser makes a new string for every cell; pickle writes an object once however often it
    recurs, so a column's repeated values (a strategy, a pillar, a status on each of 1,779 rows) cross to
    the server as one string each: the reply is smaller and unpickles faster. Up to `_SHARED` distinct
    values a column are remembered (a column of unique texts stops costing memory there)."""
    seen: dict[int, dict[str, str]] = {}
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if not isinstance(value, str):
                continue
            if len(value) > CELL_CAP:
                lengths[(name, r, c + 1)] = len(value)
                row[c] = value = value[:CELL_CAP]
            known = seen.get(c)
            if known is None:
                known = seen[c] = {}
            same = known.get(value)
            if same is not None:
                row[c] = same
            elif len(known) < _SHARED:
                known[value] = value


_SHARED = 256


def _corrupt(exc: BaseException) -> Parsed:
    text = " ".join(str(exc).split())
    if "memory allocation" in text or "capacity overflow" in text:
        return Parsed(error="memory")
    return Parsed(error="corrupt", detail=text[:400] or type(exc).__name__)


def _xlsx_formulas(data: bytes) -> set[tuple[str, int, int]]:
    """Cells holding formulas, located with openpyxl (slow, so only when a worksheet has a formula
    element; calamine returns cached values only, so formulas must be found outside it)."""
    out: set[tuple[str, int, int]] = set()
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    value = getattr(cell, "value", None)
                    if getattr(cell, "data_type", None) == "f" or (
                        isinstance(value, str) and value.startswith("=")
                    ):
                        out.add((ws.title, int(cell.row or 0), int(cell.column or 0)))
    finally:
        wb.close()
    return out


def _ods_formulas(data: bytes) -> set[tuple[str, int, int]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        content = zf.read("content.xml")
    if b"table:formula=" not in content:
        return set()
    ns_table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    out: set[tuple[str, int, int]] = set()
    root = ElementTree.fromstring(content)
    for table in root.iter(f"{{{ns_table}}}table"):
        name = table.get(f"{{{ns_table}}}name", "")
        row_no = 0
        for row in table.iter(f"{{{ns_table}}}table-row"):
            row_no += 1
            col_no = 0
            for cell in row:
                repeat = int(cell.get(f"{{{ns_table}}}number-columns-repeated", "1"))
                if cell.get(f"{{{ns_table}}}formula") is not None:
                    out.add((name, row_no, col_no + 1))
                col_no += min(repeat, 10_000)
            row_no += min(int(row.get(f"{{{ns_table}}}number-rows-repeated", "1")), 100_000) - 1
    return out
