"""Open days of government offices (行政機関の休日に関する法律): weekends, national holidays, 12/29–1/3."""

from __future__ import annotations

import datetime as dt

import pytest

from model.holidays import business_days_left, is_closed

D = dt.date


@pytest.mark.parametrize(
    ("today", "deadline", "left"),
    [
        (D(2022, 5, 20), D(2022, 5, 31), 8),  # Fri → Tue week after next: two weekends
        (D(2026, 4, 28), D(2026, 5, 8), 5),  # Golden Week: 昭和の日, みどりの日, こどもの日, 振替休日 5/6
        (D(2026, 12, 25), D(2027, 1, 8), 7),  # 年末年始 12/29–1/3 closed although 12/29–31 are weekdays
        (D(2022, 5, 31), D(2022, 5, 31), 1),  # the deadline day itself, open
        (D(2022, 6, 4), D(2022, 6, 5), 0),  # a weekend deadline from a Saturday: no open day left
        (D(2022, 6, 2), D(2022, 5, 31), -2),  # two open days late (Wed, Thu)
    ],
)
def test_open_days_left_to_a_deadline(today: dt.date, deadline: dt.date, left: int) -> None:
    """Counted with today and the deadline included; negative after it."""
    assert business_days_left(deadline, today) == left


def test_closed_days_are_the_laws_three_kinds() -> None:
    """Saturday, a national holiday (from jpholiday, 振替休日 included), 12/29 and 1/3; not 12/28 or 1/4."""
    assert is_closed(D(2026, 11, 21))  # Saturday
    assert is_closed(D(2026, 11, 23))  # 勤労感謝の日 (Monday)
    assert is_closed(D(2026, 5, 6))  # 振替休日 for 憲法記念日 on a Sunday
    assert is_closed(D(2025, 12, 29)) and is_closed(D(2026, 1, 2)) and is_closed(D(2027, 1, 3))
    assert not is_closed(D(2025, 12, 26)) and not is_closed(D(2027, 1, 4)) and not is_closed(D(2026, 11, 24))
