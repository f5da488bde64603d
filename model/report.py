"""Validation results as values: every problem with where it is and how to fix it.

The same `Problem` list feeds the screen, the command line (`--json`) and the tests.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd
import pandera.pandas as pa


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None  # 1-based row as a spreadsheet shows it (header = row 1), None for the whole sheet
    column: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        where = self.sheet
        if self.row is not None:
            where += f" 行{self.row}"
        if self.column:
            where += f" 列「{self.column}」"
        return f"{where}: {self.message}"


def problems_from_schema_errors(
    sheet: str, err: pa.errors.SchemaErrors, header_rows: int = 1
) -> list[Problem]:
    """Turn pandera's lazy failure cases into spreadsheet-located problems."""
    out: list[Problem] = []
    for case in err.failure_cases.itertuples(index=False):
        index = getattr(case, "index", None)
        row = int(index) + header_rows + 1 if index is not None and not pd.isna(index) else None
        column = getattr(case, "column", None)
        column = None if column is None or pd.isna(column) else str(column)
        check = str(getattr(case, "check", ""))
        failure = getattr(case, "failure_case", "")
        out.append(Problem(sheet, row, column, f"{check}: {failure!r}"))
    return out
