"""Japanese calendar conventions: 年度 (fiscal years, April–March), 令和/平成 eras, full-width digits.

Everything the seeds and the ministries write ("２０２７年度", "令和9年", "令和6年度頃", "'25年4月",
"2025/10/5") is read by `parse_period`, which returns the span the text denotes and how precise it is.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal
from zoneinfo import ZoneInfo

import pandas as pd

from model.errors import AppError

Precision = Literal["day", "month", "year", "fy"]

# The store keeps times in UTC; readers (ministries, the secretariat) read them in Japan time.
TOKYO = ZoneInfo("Asia/Tokyo")

# First Gregorian year of each era (year 1 of the era, 元年). Era boundaries inside a year do not
# matter for the documents here: they name years, and 令和元年 = 2019 whatever the month.
ERAS: dict[str, int] = {"令和": 2019, "平成": 1989, "昭和": 1926, "R": 2019, "H": 1989, "S": 1926}
_ERA_BY_START = sorted(((y, name) for name, y in ERAS.items() if len(name) == 2), reverse=True)

_APPROX = r"(?P<approx>頃|ごろ|前後|目途|目処|めど)?"
_FY_SUFFIX = r"(?:年度)"
_ERA = r"(?P<era>令和|平成|昭和|R|H|S)\s*(?P<eyear>元|\d{1,2})"
_YEAR = r"(?P<year>\d{4})"
_SHORT_YEAR = r"['’′](?P<syear>\d{2})"

_PATTERNS: list[tuple[re.Pattern[str], Precision]] = [
    # fiscal years: 2027年度, 令和9年度, FY2027, R9年度, 2027年度中/末/頃
    (re.compile(rf"^(?:{_YEAR}|{_ERA})\s*{_FY_SUFFIX}(?:中|内|末|内に|中に|まで|以降)?{_APPROX}$"), "fy"),
    (re.compile(r"^FY\s*(?P<year>\d{4})" + _APPROX + "$", re.IGNORECASE), "fy"),
    # full dates: 2025-04-28, 2025/4/28, 2025.4.28, 2025年4月28日, 令和7年4月28日, R7.4.28
    (
        re.compile(
            rf"^(?:{_YEAR}|{_ERA})\s*[-/.年]\s*(?P<month>\d{{1,2}})\s*[-/.月]\s*(?P<day>\d{{1,2}})\s*日?"
            r"(?:\s*[（(][^）)]*[）)])?" + _APPROX + "$"
        ),
        "day",
    ),
    # months: 2025年1月, 令和5年3月, '25年4月, 2025-01, 2025/1
    (
        re.compile(rf"^(?:{_YEAR}|{_ERA}|{_SHORT_YEAR})\s*[-/.年]\s*(?P<month>\d{{1,2}})\s*月?{_APPROX}$"),
        "month",
    ),
    # calendar years: 2030年, 令和9年, 2030
    (re.compile(rf"^(?:{_YEAR}|{_ERA})\s*年?(?:中|内|末|まで|以降)?{_APPROX}$"), "year"),
]


@dataclass(frozen=True)
class Period:
    """A span of time named in a text, with the precision the text gave."""

    start: dt.date
    end: dt.date
    precision: Precision
    approx: bool = False

    @property
    def fiscal_year(self) -> int:
        """The fiscal year the text names (precision fy) or in which the period starts."""
        return fiscal_year_of(self.start)

    @property
    def year(self) -> int:
        return self.start.year


def to_halfwidth(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII (NFKC), whitespace collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def fiscal_year_of(day: dt.date) -> int:
    """The Japanese fiscal year (April–March) a date falls in: 2022-03-31 → 2021."""
    return day.year if day.month >= 4 else day.year - 1


def fy_bounds(fy: int) -> tuple[dt.date, dt.date]:
    return dt.date(fy, 4, 1), dt.date(fy + 1, 3, 31)


def _year_from(m: re.Match[str]) -> int:
    groups = m.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("syear"):
        return 2000 + int(groups["syear"])
    era, eyear = groups["era"], groups["eyear"]
    n = 1 if eyear == "元" else int(eyear)
    if n < 1:
        raise ValueError("era year 0")
    return ERAS[era] + n - 1


def parse_period(text: object) -> Period:
    """Read a fiscal year, date, month or year from Japanese or ISO text; AppError when unreadable."""
    if isinstance(text, dt.datetime):
        return Period(text.date(), text.date(), "day")
    if isinstance(text, dt.date):
        return Period(text, text, "day")
    raw = str(text)
    s = to_halfwidth(raw).replace("〜", "~")
    for pattern, precision in _PATTERNS:
        m = pattern.match(s)
        if not m:
            continue
        try:
            year = _year_from(m)
            approx = bool(m.groupdict().get("approx"))
            if precision == "fy":
                start, end = fy_bounds(year)
            elif precision == "day":
                start = end = dt.date(year, int(m["month"]), int(m["day"]))
            elif precision == "month":
                month = int(m["month"])
                start = dt.date(year, month, 1)
                nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
                end = nxt - dt.timedelta(days=1)
            else:
                start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        except ValueError:
            break
        if not 1900 <= year <= 2200:
            break
        return Period(start, end, precision, approx)
    raise AppError("err.calendar", text=raw)


def parse_fiscal_year(text: object) -> int:
    """A fiscal year from "2027年度", "令和9年度", "FY2027", a bare "2027", or any date (its 年度)."""
    if isinstance(text, int) and not isinstance(text, bool):
        return text
    s = to_halfwidth(str(text))
    if re.fullmatch(r"\d{4}", s):
        return int(s)
    period = parse_period(text)
    # In a fiscal-year field "令和9年" means 令和9年度: a bare year is read as that fiscal year.
    return period.year if period.precision == "year" else period.fiscal_year


def parse_date(text: object) -> dt.date:
    """A day: the text must name one (2025-04-28, 令和7年4月28日 …)."""
    period = parse_period(text)
    if period.precision != "day":
        raise AppError("err.calendar", text=str(text))
    return period.start


def era_year(year: int) -> str:
    """2027 → "令和9"; 2019 → "令和元"; 1990 → "平成2"."""
    for start, name in _ERA_BY_START:
        if year >= start:
            n = year - start + 1
            return f"{name}{'元' if n == 1 else n}"
    return str(year)


def format_fy(fy: int, lang: str = "ja", *, era: bool = False) -> str:
    """2027 → "2027年度" (ja), "2027年度（令和9年度）" (ja, era=True), "FY2027" (en)."""
    if lang == "en":
        return f"FY{fy}"
    return f"{fy}年度（{era_year(fy)}年度）" if era else f"{fy}年度"


def format_date(day: dt.date | None, lang: str = "ja", precision: str = "day") -> str:
    """Dates as readers expect them: 2025年4月28日 / 28 Apr 2025; month/year precision respected."""
    if day is None:
        return "—"
    if lang == "en":
        if precision == "year":
            return str(day.year)
        if precision == "month":
            return day.strftime("%b %Y")
        return f"{day.day} {day.strftime('%b %Y')}"
    if precision == "year":
        return f"{day.year}年"
    if precision == "month":
        return f"{day.year}年{day.month}月"
    return f"{day.year}年{day.month}月{day.day}日"


def today_tokyo() -> dt.date:
    """Today's date in Japan (what a deadline is measured against, whatever the server's zone)."""
    return dt.datetime.now(TOKYO).date()


def format_timestamp(ts: Any, lang: str = "ja") -> str:
    """A stored time (UTC, or naive meaning UTC) in Japan time: 2026年4月1日 10:30 / 1 Apr 2026 10:30.

    The one formatting of times for every surface (pages, command line, e-mails, downloaded lists)."""
    if ts is None or (not isinstance(ts, str | dt.datetime) and pd.isna(ts)):
        return "—"
    try:
        stamp = pd.Timestamp(ts)
    except (TypeError, ValueError):
        return "—"
    if pd.isna(stamp):
        return "—"
    if stamp.tzinfo is None:  # SQLite may hand back naive text: the store writes UTC
        stamp = stamp.tz_localize("UTC")
    local = stamp.tz_convert(TOKYO)
    return f"{format_date(local.date(), lang)} {local:%H:%M}"
