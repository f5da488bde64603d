"""Business days of the government: the days the ministries' offices are open (開庁日).

The days they are closed are the 行政機関の休日 of 行政機関の休日に関する法律（昭和63年法律第91号）第1条第1項:

1. 日曜日及び土曜日 (Sundays and Saturdays);
2. 国民の祝日に関する法律（昭和23年法律第178号）に規定する休日 (national holidays, 振替休日 and 国民の休日);
3. 12月29日から翌年の1月3日までの日 (the year-end and New Year days, 年末年始).

National holidays come from `jpholiday` (a maintained library that follows the law's amendments and the
one-off changes, e.g. the moved holidays of 2020 and 2021), not from a list kept here.

A deadline is counted in these days: `business_days_left` is how many open days a ministry still has,
today included when it is one, the deadline included. (Article 2 of the same law moves a deadline set by
a law that falls on a closed day to the next open day; a round's deadline is set by the secretariat, so it
is shown as set, and a note says when it falls on a closed day.)
"""

from __future__ import annotations

import datetime as dt

import jpholiday


def is_year_end(day: dt.date) -> bool:
    """12月29日〜1月3日 (年末年始, 第1条第1項第3号)."""
    return (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)


def is_closed(day: dt.date) -> bool:
    """A 行政機関の休日: Saturday, Sunday, a national holiday, or 12/29–1/3."""
    return day.weekday() >= 5 or is_year_end(day) or bool(jpholiday.is_holiday(day))


def business_days_between(start: dt.date, end: dt.date) -> int:
    """Open days d with start ≤ d ≤ end (0 when end < start)."""
    n, day = 0, start
    while day <= end:
        n += not is_closed(day)
        day += dt.timedelta(days=1)
    return n


def business_days_left(deadline: dt.date, today: dt.date) -> int:
    """Open days from today to the deadline, both included (on the deadline, if open: 1).

    After the deadline: minus the open days since it (the day after the deadline to today), so that
    -1 means one open day late; 0 means the deadline has passed only over closed days (or today is a closed
    deadline day)."""
    if today <= deadline:
        return business_days_between(today, deadline)
    return -business_days_between(deadline + dt.timedelta(days=1), today)
