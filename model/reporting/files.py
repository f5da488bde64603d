"""An uploaded spreadsheet, checked before any parser sees it, then read with calamine into plain grids.

Order matters: extension, size, magic bytes, container (zip entries and their declared sizes, OLE
directory), then parsing with every parser exception turned into a Problem. A file refused by the checks
costs at most a zip directory read. What the checks cannot see (a part larger than its zip header says, an
.xls's binary records) is met by the parse itself running in a child process with capped memory and time
(`_sheets.py`): a hostile file then costs the child, never the server.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from defusedxml import ElementTree  # type: ignore[import-untyped]

from model.messages import t
from model.report import Problem
from model.reporting import _sheets
from model.text import one_line

ACCEPTED = (".xlsx", ".xls", ".ods")
MACRO_EXTENSIONS = (".xlsm", ".xlsb", ".xltm", ".xlam")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
# A worksheet formula element (<f>, <f t="shared" …/>, with or without a namespace prefix).
FILE_SHEET = "（ファイル）"


@dataclass(frozen=True)
class Limits:
    """What an upload may weigh. A follow-up template is a few hundred kB; these leave ample room."""

    max_bytes: int = 10 * 1024 * 1024
    max_uncompressed: int = 50 * 1024 * 1024
    max_zip_entries: int = 2_000
    max_rows: int = 20_000
    max_columns: int = 200
    # The child process that parses (model/reporting/_sheets.py): the address space it may add to what it
    # maps at start (≈50 MB), and its time. A 20,000-row template or a 45 MB cell parses within 128 MB in
    # under 2 s; two children at a time beside the server (≈300 MB) stay under 1 GB.
    parse_memory: int = 256 * 1024 * 1024
    parse_seconds: float = 30.0


LIMITS = Limits()


@dataclass
class Workbook:
    """The sheets of a file as row lists (None for an empty cell) and where formulas sit."""

    kind: str  # xlsx | xls | ods
    sheets: dict[str, list[list[Any]]] = field(default_factory=dict)
    # (sheet, row 1-based, column 1-based) of every cell holding a formula (xlsx and ods)
    formulas: set[tuple[str, int, int]] = field(default_factory=set)
    # (sheet, row, column) → true length of a text cut to _sheets.CELL_CAP characters by the reader
    lengths: dict[tuple[str, int, int], int] = field(default_factory=dict)


def _problem(lang: str, msg_id: str, **params: Any) -> Problem:
    return Problem(FILE_SHEET, None, None, t(msg_id, lang, **params))


def _inspect(data: bytes, file_name: str, lang: str, limits: Limits) -> list[Problem]:
    """The container checks (the worksheets' own extent is checked in the parse child)."""
    suffix = PurePath(file_name).suffix.lower()
    if suffix in MACRO_EXTENSIONS:
        return [_problem(lang, "up.file.macro")]
    if suffix not in ACCEPTED:
        return [_problem(lang, "up.file.extension", ext=suffix or "（なし）", accepted=" / ".join(ACCEPTED))]
    if len(data) > limits.max_bytes:
        return [_problem(lang, "up.file.too_big", size=_mb(len(data)), limit=_mb(limits.max_bytes))]
    if len(data) == 0:
        return [_problem(lang, "up.file.empty")]
    if data.startswith(OLE_MAGIC):
        return _check_ole(data, suffix, lang)
    if not data.startswith(ZIP_MAGIC):
        return [_problem(lang, "up.file.not_spreadsheet", ext=suffix)]
    if suffix == ".xls":
        return [_problem(lang, "up.file.mismatch", ext=suffix)]
    return _check_zip(data, suffix, lang, limits)


def _check_ole(data: bytes, suffix: str, lang: str) -> list[Problem]:
    # An encrypted .xlsx / .ods is an OLE2 container holding an "EncryptedPackage" stream.
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return [_problem(lang, "up.file.password")]
    if "_VBA_PROJECT".encode("utf-16-le") in data:
        return [_problem(lang, "up.file.macro")]
    if suffix != ".xls":
        return [_problem(lang, "up.file.mismatch", ext=suffix)]
    return []


def _read_part(zf: zipfile.ZipFile, name: str) -> bytes:
    """A part, never more than its declared size. `zf.read` decompresses a whole deflate stream before it
    cuts it to the declared size: a part whose header understates it (1 GB declared as 4 kB) would cost
    the server that memory here, before any parser runs."""
    with zf.open(name) as part:
        return part.read(zf.getinfo(name).file_size)


def _understated_part(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    """The first part whose data holds more than its header declares (a 1 GB sheet declared as 4 kB).
    Each part is inflated at most one byte past its declared size, so this costs no more than the declared
    sizes (already checked) however large the lie: a hostile file is refused here, before any parser."""
    fp = zf.fp
    assert fp is not None
    for info in infos:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return info  # a spreadsheet uses only these two; anything else is not ours to inflate
        fp.seek(info.header_offset)
        header = fp.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            return info
        name_len, extra_len = int.from_bytes(header[26:28], "little"), int.from_bytes(header[28:30], "little")
        fp.seek(info.header_offset + 30 + name_len + extra_len)
        if info.compress_type == zipfile.ZIP_STORED:
            if info.compress_size != info.file_size:
                return info
            continue
        inflate = zlib.decompressobj(-15)
        left, produced = info.compress_size, 0
        while left > 0 and produced <= info.file_size:
            chunk = fp.read(min(left, 1 << 16))
            if not chunk:
                break
            left -= len(chunk)
            produced += len(inflate.decompress(chunk, info.file_size + 1 - produced))
            while inflate.unconsumed_tail and produced <= info.file_size:
                produced += len(inflate.decompress(inflate.unconsumed_tail, info.file_size + 1 - produced))
        if produced > info.file_size:
            return info
    return None


def _check_zip(data: bytes, suffix: str, lang: str, limits: Limits) -> list[Problem]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > limits.max_zip_entries:
                return [_problem(lang, "up.file.too_many_parts", n=len(infos))]
            declared = sum(i.file_size for i in infos)
            if declared > limits.max_uncompressed:
                return [
                    _problem(lang, "up.file.bomb", size=_mb(declared), limit=_mb(limits.max_uncompressed))
                ]
            lying = _understated_part(zf, infos)
            if lying is not None:
                return [
                    _problem(
                        lang, "lim.zip.understated", part=one_line(lying.filename, 60), size=lying.file_size
                    )
                ]
            names = {i.filename for i in infos}
            if any(n.lower().endswith("vbaproject.bin") for n in names) or any(
                n.startswith(("Basic/", "Scripts/")) for n in names
            ):
                return [_problem(lang, "up.file.macro")]
            if suffix == ".xlsx":
                if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                    return [_problem(lang, "up.file.corrupt", detail="xl/workbook.xml")]
                if b"macroEnabled" in _read_part(zf, "[Content_Types].xml"):
                    return [_problem(lang, "up.file.macro")]
                # The worksheets' extent and formulas are read in the parse child (_sheets.xlsx_scan): a
                # 45 MB sheet scanned here held the server's GIL ~0.2 s an upload, while readers waited.
            else:
                if "mimetype" not in names or _read_part(zf, "mimetype").strip() != ODS_MIME:
                    return [_problem(lang, "up.file.mismatch", ext=suffix)]
                manifest = (
                    _read_part(zf, "META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
                )
                if b"encryption-data" in manifest:
                    return [_problem(lang, "up.file.password")]
                if "content.xml" in names:
                    rows = _ods_extent(_read_part(zf, "content.xml"), limits)
                    if rows > limits.max_rows:
                        return [_too_far(lang, rows, limits)]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, KeyError) as exc:
        return [_problem(lang, "up.file.corrupt", detail=_one_line(exc))]
    return []


def _ods_extent(content: bytes, limits: Limits) -> int:
    """The farthest non-empty row of any table (repeated rows and columns expanded); 2**31 when a
    non-empty cell is repeated past the column limit."""
    t = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    office = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    farthest = 0
    row_at = 0
    for _event, el in ElementTree.iterparse(io.BytesIO(content), events=("end",)):
        if el.tag == f"{t}table":
            row_at = 0
            el.clear()
        elif el.tag == f"{t}table-row":
            repeat = int(el.get(f"{t}number-rows-repeated", "1"))
            col_at, filled = 0, False
            for cell in el:
                cols = int(cell.get(f"{t}number-columns-repeated", "1"))
                if cell.get(f"{office}value-type") is not None or len(cell):
                    filled = True
                    if col_at + cols > limits.max_columns:
                        return FAR
                col_at += cols
            row_at += repeat
            if filled:
                farthest = max(farthest, row_at)
            el.clear()
    return farthest


def read_workbook(
    data: bytes,
    file_name: str,
    lang: str = "ja",
    limits: Limits = LIMITS,
    on_wait: Callable[[], None] | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> tuple[Workbook | None, list[Problem]]:
    """Check the container, then read every sheet with calamine in a capped child process (model/reporting
    /_sheets.py); never raises for anything about the file. `on_wait` is called when the parse has to wait
    for its turn; `meanwhile` while the child parses (not when the file is refused before: _sheets.parse)."""
    problems = _inspect(data, file_name, lang, limits)
    if problems:
        return None, problems
    kind = "xls" if data.startswith(OLE_MAGIC) else PurePath(file_name).suffix.lower().lstrip(".")
    parsed = _sheets.parse(
        data,
        kind,
        False,  # the child looks for formulas itself (an .xlsx's worksheets, an .ods's content)
        max_rows=limits.max_rows,
        max_columns=limits.max_columns,
        memory=limits.parse_memory,
        seconds=limits.parse_seconds,
        on_wait=on_wait,
        meanwhile=meanwhile,
    )
    if parsed.error is not None:
        return None, [_parse_problem(parsed, kind, lang, limits)]
    return Workbook(kind, parsed.sheets, parsed.formulas, parsed.lengths), []


def _parse_problem(parsed: _sheets.Parsed, kind: str, lang: str, limits: Limits) -> Problem:
    """The problem a failed parse is, saying what to fix."""
    if parsed.error == "too_big":
        sheet, rows, columns = parsed.detail
        if columns > limits.max_columns:
            message = t("up.file.too_far", lang, limit=limits.max_columns)
        else:
            message = t("up.file.too_many_rows", lang, rows=rows, limit=limits.max_rows)
        return Problem(one_line(sheet, 60), None, None, message)  # the file's own sheet name, revealed
    if parsed.error == "password":
        return _problem(lang, "up.file.password")
    if parsed.error == "rows":
        return _too_far(lang, int(parsed.detail), limits)
    if parsed.error == "memory" and kind == "xls":
        # no compression in an .xls: what costs memory is the rectangle up to a stray far cell
        return _problem(lang, "up.file.too_far", limit=limits.max_columns)
    if parsed.error == "memory":
        return _problem(lang, "lim.parse.memory", limit=_mb(limits.parse_memory))
    if parsed.error == "time":
        return _problem(lang, "lim.parse.time", seconds=f"{limits.parse_seconds:g}")
    if parsed.error == "busy":
        return _problem(lang, "lim.parse.busy")
    if parsed.error == "crash":
        return _problem(lang, "lim.parse.crash", how=str(parsed.detail))
    return _problem(lang, "up.file.corrupt", detail=_one_line(Exception(str(parsed.detail))))


FAR = _sheets.FAR


def _too_far(lang: str, rows: int, limits: Limits) -> Problem:
    if rows >= FAR:
        return _problem(lang, "up.file.too_far", limit=limits.max_columns)
    return _problem(lang, "up.file.too_many_rows", rows=rows, limit=limits.max_rows)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def _one_line(exc: BaseException) -> str:
    """A parser's message on one line: it may quote the file (a sheet name, a cell), so it is revealed."""
    return one_line(" ".join(str(exc).split()), 160) or type(exc).__name__
