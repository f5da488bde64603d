"""Hostile spreadsheets built in code (deterministic): a zip whose headers understate a part's size."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
)
_SHEET_TAIL = b"</t></is></c></row></sheetData></worksheet>"


def lying_zip(base: bytes, part: str, size: int, claim: int = 4096) -> bytes:
    """`base` (an .xlsx) with `part` replaced by a worksheet of `size` bytes (one cell of "A"s) whose zip
    headers claim `claim` bytes, with the CRC of those first bytes: every check made on the zip's
    directory, and Python's zipfile reading the part, see a small sheet."""
    src = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    central = []
    chunk = b"A" * (1 << 20)
    for info in src.infolist():
        name = info.filename.encode()
        co = zlib.compressobj(6, zlib.DEFLATED, -15)
        if info.filename == part:
            blob = [co.compress(_SHEET_HEAD)]
            blob += [co.compress(chunk) for _ in range((size - len(_SHEET_HEAD)) // len(chunk))]
            blob += [co.compress(_SHEET_TAIL), co.flush()]
            data = b"".join(blob)
            if claim >= size:  # an honest header: the whole part's size and CRC
                whole = zlib.decompress(data, -15)
                crc, usize = zlib.crc32(whole), len(whole)
            else:
                crc, usize = zlib.crc32((_SHEET_HEAD + chunk)[:claim]), claim
        else:
            raw = src.read(info.filename)
            data = co.compress(raw) + co.flush()
            crc, usize = zlib.crc32(raw), len(raw)
        offset = out.tell()
        fields = (20, 0x800, 8, 0, 0x21, crc, len(data), usize, len(name))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + name + data)
        central.append(
            struct.pack("<IH", 0x02014B50, 20)
            + struct.pack("<HHHHHIIIHHHHHII", *fields, 0, 0, 0, 0, 0, offset)
            + name
        )
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), len(directory), start, 0)
    )
    return out.getvalue()
