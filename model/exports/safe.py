"""Safe spreadsheet cells: stored text is written as text, whatever it holds.

A cell whose text begins with `=`, `+`, `-`, `@`, a tab or a carriage return can be taken for a formula by
Excel or LibreOffice (CSV/formula injection, OWASP). Every .xlsx and .csv the project writes passes its
values through `neutralise`, which prefixes such text with an apostrophe: the reader sees the text, no
spreadsheet evaluates it. Numbers, dates and None pass unchanged.

`neutralise` also reveals the characters the intake rule refuses (model/text.py: ESC → "\\x1b"), which a
store may still hold (rows stored before the rule): openpyxl refuses to write them at all, so one such cell
would otherwise stop the secretariat's export. `xlsx_cell` adds what only .xlsx needs: Excel's limit of
32,767 characters per cell, and `_x001B_`-like text kept literal (Excel and calamine decode it).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from model.text import reveal

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PREFIX = "'"
XLSX_CELL_LIMIT = 32_767  # characters Excel keeps in one cell (it truncates the rest when opening)
# OOXML writes a character XML cannot hold as _xHHHH_; a literal "_x001B_" must have its "_" escaped.
_OOXML_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def neutralise(value: Any) -> Any:
    """`value` as it may be written to a spreadsheet cell: refused characters revealed, formula-like text
    with a leading apostrophe."""
    if not isinstance(value, str):
        return value
    value = reveal(value)
    return PREFIX + value if is_formula_like(value) else value


def xlsx_text(value: Any) -> Any:
    """Text as an .xlsx cell can hold it: refused characters revealed, at most XLSX_CELL_LIMIT characters
    (cut with "…"), text that reads like OOXML's _xHHHH_ escape kept literal. No apostrophe: for cells
    written as text explicitly (the template's reference columns)."""
    if not isinstance(value, str):
        return value
    value = reveal(value)
    if "_x" in value:
        value = _OOXML_ESCAPE.sub("_x005F_", value)
    return value if len(value) <= XLSX_CELL_LIMIT else value[: XLSX_CELL_LIMIT - 1] + "…"


def xlsx_cell(value: Any) -> Any:
    """`neutralise`d and `xlsx_text`: what every .xlsx the project publishes writes in a cell."""
    return xlsx_text(neutralise(value))


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
