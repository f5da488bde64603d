"""Calendar parsing and formatting: 年度, 令和/平成, full-width digits, approximate dates."""

from __future__ import annotations

import datetime as dt

import pytest

from model.calendar_ja import (
    era_year,
    fiscal_year_of,
    format_date,
    format_fy,
    parse_date,
    parse_fiscal_year,
    parse_period,
)
from model.errors import AppError

D = dt.date

CASES = [
    # text, start, end, precision, approx
    ("2027年度", D(2027, 4, 1), D(2028, 3, 31), "fy", False),
    ("２０２７年度", D(2027, 4, 1), D(2028, 3, 31), "fy", False),
    ("令和9年度", D(2027, 4, 1), D(2028, 3, 31), "fy", False),
    ("令和９年度", D(2027, 4, 1), D(2028, 3, 31), "fy", False),
    ("令和6年度頃", D(2024, 4, 1), D(2025, 3, 31), "fy", True),
    ("令和元年度", D(2019, 4, 1), D(2020, 3, 31), "fy", False),
    ("平成31年度", D(2019, 4, 1), D(2020, 3, 31), "fy", False),
    ("R5年度", D(2023, 4, 1), D(2024, 3, 31), "fy", False),
    ("FY2022", D(2022, 4, 1), D(2023, 3, 31), "fy", False),
    ("2021年度中", D(2021, 4, 1), D(2022, 3, 31), "fy", False),
    ("令和5年度以降", D(2023, 4, 1), D(2024, 3, 31), "fy", False),
    ("令和9年", D(2027, 1, 1), D(2027, 12, 31), "year", False),
    ("2030年", D(2030, 1, 1), D(2030, 12, 31), "year", False),
    ("２０３０年", D(2030, 1, 1), D(2030, 12, 31), "year", False),
    ("令和5年3月", D(2023, 3, 1), D(2023, 3, 31), "month", False),
    ("2025年1月", D(2025, 1, 1), D(2025, 1, 31), "month", False),
    ("'25年4月", D(2025, 4, 1), D(2025, 4, 30), "month", False),
    ("′25年10月", D(2025, 10, 1), D(2025, 10, 31), "month", False),
    ("2024年2月", D(2024, 2, 1), D(2024, 2, 29), "month", False),
    ("2025-04-28", D(2025, 4, 28), D(2025, 4, 28), "day", False),
    ("2025/10/5", D(2025, 10, 5), D(2025, 10, 5), "day", False),
    ("２０２１年２月２６日", D(2021, 2, 26), D(2021, 2, 26), "day", False),
    ("令和7年9月10日(水)", D(2025, 9, 10), D(2025, 9, 10), "day", False),
    ("令和元年5月1日", D(2019, 5, 1), D(2019, 5, 1), "day", False),
    ("R7.4.28", D(2025, 4, 28), D(2025, 4, 28), "day", False),
    ("  2027年度 ", D(2027, 4, 1), D(2028, 3, 31), "fy", False),
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "approx"), CASES)
def test_parse_period_reads_each_form(
    text: str, start: dt.date, end: dt.date, precision: str, approx: bool
) -> None:
    """Every form found in the seeds and in ministry uploads gives the span it names."""
    p = parse_period(text)
    assert (p.start, p.end, p.precision, p.approx) == (start, end, precision, approx)


@pytest.mark.parametrize("text", ["", "来年度", "2027年13月", "令和0年度", "2025-02-30", "FY27", "abc"])
def test_parse_period_rejects_what_it_cannot_read(text: str) -> None:
    """Unreadable text is an AppError naming the text, not a wrong date."""
    with pytest.raises(AppError) as err:
        parse_period(text)
    assert text in err.value.render("ja")


@pytest.mark.parametrize(
    ("text", "fy"),
    [
        ("2027年度", 2027),
        ("令和9年度", 2027),
        ("令和9年", 2027),
        ("２０２７", 2027),
        ("2022-03-31", 2021),
        ("2022-04-01", 2022),
        (2024, 2024),
        ("FY2020", 2020),
    ],
)
def test_parse_fiscal_year(text: object, fy: int) -> None:
    """A fiscal-year field accepts 年度, 令和, a bare year, or a date (its 年度)."""
    assert parse_fiscal_year(text) == fy


def test_fiscal_year_of_a_date_turns_in_april() -> None:
    """31 March belongs to the previous fiscal year, 1 April starts the next."""
    assert fiscal_year_of(D(2021, 3, 31)) == 2020
    assert fiscal_year_of(D(2021, 4, 1)) == 2021


def test_parse_date_needs_a_day() -> None:
    """A month is not a date."""
    assert parse_date("令和7年4月28日") == D(2025, 4, 28)
    with pytest.raises(AppError):
        parse_date("2025年4月")


def test_formatting_in_both_languages() -> None:
    """Fiscal years and dates render as Japanese and English readers expect."""
    assert format_fy(2027) == "2027年度"
    assert format_fy(2027, era=True) == "2027年度（令和9年度）"
    assert format_fy(2027, "en") == "FY2027"
    assert era_year(2019) == "令和元"
    assert era_year(2018) == "平成30"
    assert format_date(D(2025, 4, 28)) == "2025年4月28日"
    assert format_date(D(2025, 4, 1), "en", "month") == "Apr 2025"
    assert format_date(None) == "—"
