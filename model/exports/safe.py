"""Safe spreadsheet cells: text a spreadsheet would run as a formula is written as plain text.

A cell whose text begins with `=`, `+`, `-`, `@`, a tab or a carriage return can be taken for a formula by
Excel or LibreOffice (CSV/formula injection, OWASP). Every .xlsx and .csv the project writes passes its
values through `neutralise`, which prefixes such text with an apostrophe: the reader sees the text, no
spreadsheet evaluates it. Numbers, dates and None pass unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PREFIX = "'"


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def neutralise(value: Any) -> Any:
    """`value` as it may be written to a spreadsheet cell: formula-like text gets a leading apostrophe."""
    return PREFIX + value if is_formula_like(value) else value


def neutralise_row(values: Iterable[Any]) -> list[Any]:
    return [neutralise(v) for v in values]


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` whose text cells (and column names) are neutralised."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise, na_action="ignore")
    out.columns = [neutralise(c) for c in out.columns]
    return out


def csv_bytes(rows: Iterable[Sequence[Any]], header: Sequence[Any] | None = None) -> bytes:
    """Rows as CSV in UTF-8 with a byte-order mark (Excel then reads the Japanese), every cell neutralised."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    if header is not None:
        writer.writerow(neutralise_row(header))
    for row in rows:
        writer.writerow(["" if v is None else v for v in neutralise_row(row)])
    return buf.getvalue().encode("utf-8-sig")


def frame_csv_bytes(df: pd.DataFrame) -> bytes:
    """A DataFrame as CSV (UTF-8 with BOM, neutralised, no index): for any table a page offers as CSV."""
    clean = df.astype(object).where(df.notna(), None)
    return csv_bytes(clean.itertuples(index=False, name=None), header=[str(c) for c in df.columns])
