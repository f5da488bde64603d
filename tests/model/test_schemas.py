"""Schemas: one fixture file per failure mode, each rejected with the check that names it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from model.seed import normalise, validate_table
from tests.conftest import FIXTURES

# fixture file → (table, the check or column the problem must name)
CASES = {
    "goals_problems/unknown-kind.csv": ("goals", "isin"),
    "goals_problems/duplicate-id.csv": ("goals", "field_uniqueness"),
    "goals_problems/non-numeric-target.csv": ("goals", "coerce_dtype('float64')"),
    "goals_problems/date-not-iso.csv": ("goals", "str_matches"),
    "goals_problems/milestone-without-year.csv": ("goals", "a milestone needs target_year"),
    "goals_problems/year-without-basis.csv": ("goals", "target_year needs target_basis"),
    "goals_problems/source-not-a-seed.csv": ("goals", "str_matches"),
    "goals_problems/unknown-column.csv": ("goals", "column_in_schema"),
    "goals_problems/missing-column.csv": ("goals", "column_in_dataframe"),
    "goals_problems/unknown-direction.csv": ("goals", "isin"),
    "goals_problems/year-out-of-range.csv": ("goals", "less_than_or_equal_to(2100)"),
    "kpi_problems/sample-without-note.csv": ("kpi_observations", "a sample value must say so"),
    "kpi_problems/non-numeric-value.csv": ("kpi_observations", "coerce_dtype('float64')"),
    "kpi_problems/unknown-precision.csv": ("kpi_observations", "isin"),
    "kpi_problems/sample-not-boolean.csv": ("kpi_observations", "bool"),
}


def _read(path: Path) -> pd.DataFrame:
    return normalise(pd.read_csv(path, dtype=str, keep_default_na=False))


def test_every_fixture_file_is_covered() -> None:
    """A new fixture file without an expectation here would test nothing."""
    files = {str(p.relative_to(FIXTURES)) for p in FIXTURES.glob("*_problems/*.csv")}
    assert files == set(CASES)


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_schema_rejects_fixture_with_its_check(fixture: str) -> None:
    """The problem is reported, located, and names the failed check."""
    table, expected = CASES[fixture]
    _, problems = validate_table(table, _read(FIXTURES / fixture), fixture)
    assert problems, f"{fixture} was accepted"
    assert any(expected in p.message for p in problems), [str(p) for p in problems]
    assert all(p.sheet == fixture for p in problems)


def test_fixture_bases_are_valid_without_the_fault(seed: object) -> None:
    """Control: the rows the fixtures were cut from pass, so each failure comes from its one fault."""
    goals = pd.read_csv(FIXTURES.parent.parent / "data" / "goals.csv", dtype=str, keep_default_na=False)
    _, problems = validate_table(
        "goals", normalise(goals[goals["id"].isin(["H-USERS", "M-004-03"])]), "goals"
    )
    assert problems == []


def test_lazy_validation_lists_every_problem_with_its_row() -> None:
    """Two faults in two rows: both reported, with spreadsheet row numbers (header = row 1)."""
    df = _read(FIXTURES / "goals_problems/unknown-kind.csv")
    df.loc[0, "direction"] = "sideways"
    _, problems = validate_table("goals", df, "goals.csv")
    rows = sorted((p.row, p.column) for p in problems if p.row is not None)
    assert (2, "direction") in rows and (3, "kind") in rows
