"""西暦 ISO dates with their 和暦 beside them, at the precision the data gives (day, month, year, 年度)."""

from __future__ import annotations

import datetime as dt

from model.calendar_ja import era_year

# First day of each era: a date is named in the era it falls in (2019-04-30 is 平成31年, 2019-05-01 令和元年).
_ERA_STARTS = ((dt.date(2019, 5, 1), "令和"), (dt.date(1989, 1, 8), "平成"), (dt.date(1926, 12, 25), "昭和"))


def _era(day: dt.date) -> str:
    for start, name in _ERA_STARTS:
        if day >= start:
            n = day.year - start.year + 1
            return f"{name}{'元' if n == 1 else n}"
    return str(day.year)


def wareki(day: dt.date | None, precision: str = "day") -> str | None:
    """2020-04-01 → 令和2年4月1日 (day), 令和5年3月 (month), 令和9年 (year), 令和2年度 (fy: the 年度 the
    date falls in). None stays None."""
    if day is None:
        return None
    if precision == "fy":
        fy = day.year if day.month >= 4 else day.year - 1
        return f"{era_year(fy)}年度"
    if precision == "year":
        return f"{era_year(day.year)}年"
    if precision == "month":
        return f"{_era(day.replace(day=1))}年{day.month}月"
    return f"{_era(day)}年{day.month}月{day.day}日"


def wareki_fy(fy: int | None) -> str | None:
    """2020 → 令和2年度."""
    return None if fy is None else f"{era_year(fy)}年度"
