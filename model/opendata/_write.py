"""Serialising the bundle: CSV (UTF-8 with BOM, CRLF, formula-like text neutralised as in every CSV the
project writes) and JSON (exact values), then writing the directory all at once or not at all."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from model.errors import AppError
from model.exports.safe import neutralise
from model.opendata._package import LINE_TERMINATOR
from model.text import json_safe

MANIFEST = "datapackage.json"


def _plain(value: Any, kind: str) -> Any:
    """A cell as JSON holds it: None for missing, ISO text for dates and UTC timestamps."""
    if value is None or (not isinstance(value, str | bool) and bool(pd.isna(value))):
        return None
    if kind == "datetime":
        ts = pd.Timestamp(value)
        ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
        return ts.strftime("%Y-%m-%dT%H:%M:%SZ")
    if kind == "date":
        return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]
    if kind == "boolean":
        return bool(value)
    if kind == "integer":
        return int(value)
    if kind == "number":
        number = float(value)
        return int(number) if number.is_integer() and abs(number) < 1e15 else number
    if hasattr(value, "item"):
        value = value.item()
    return str(value)


def rows_of(frame: pd.DataFrame, types: Mapping[str, str]) -> list[dict[str, Any]]:
    cols = list(types)
    return [
        {c: _plain(v, types[c]) for c, v in zip(cols, row, strict=True)}
        for row in frame[cols].itertuples(index=False, name=None)
    ]


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    return str(neutralise(value))


def to_csv(rows: list[dict[str, Any]], header: list[str]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator=LINE_TERMINATOR)
    writer.writerow(header)
    writer.writerows([_csv_cell(r[c]) for c in header] for r in rows)
    return buf.getvalue().encode("utf-8-sig")


def to_json(value: Any) -> bytes:
    return (json_safe(json.dumps(value, ensure_ascii=False, indent=1)) + "\n").encode("utf-8")


def write_directory(files: Mapping[str, bytes], out: Path) -> None:
    """Write every file into `out`, or nothing: the files go to a new directory beside it, which then takes
    its place. `out` may be missing, empty, or an earlier bundle (it is replaced); anything else is
    refused, so no one's files are overwritten."""
    if out.exists() and not out.is_dir():
        raise AppError("err.od.out_not_dir", path=str(out))
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise AppError("err.od.out_not_empty", path=str(out))
    tmp: Path | None = None
    old: Path | None = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
        for name, data in files.items():
            (tmp / name).write_bytes(data)
        tmp.chmod(0o755)  # a published folder, readable like any other (mkdtemp makes it 0o700)
        if out.is_dir():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
            out.replace(old / "bundle")
        tmp.replace(out)
        tmp = None
    except OSError as exc:
        if old is not None and not out.exists():
            (old / "bundle").replace(out)  # the earlier bundle stays as it was
        raise AppError("err.od.cannot_write", path=str(out), detail=exc.strerror or str(exc)) from exc
    finally:
        for leftover in (tmp, old):
            if leftover is not None:
                shutil.rmtree(leftover, ignore_errors=True)


def to_zip(files: Mapping[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()
