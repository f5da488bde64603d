"""A round's deadline as a ministry lives it: open days left (model/holidays.py), what it still owes.

What a ministry **still owes** for a year is its rows 未提出 (not submitted) or 差戻し (returned, to fix and
submit again): the rows a reminder lists (model/reporting/reminders.py). Every other row of its share is
**reported** (提出済, 再提出, 確定). One definition for the ministry's page, the rounds board, the reminder
e-mail and the downloaded list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from model.calendar_ja import format_date, today_tokyo
from model.holidays import business_days_left, is_closed
from model.messages import t
from model.reporting.receipts import receipts
from model.reporting.review import entry_states
from model.reporting.rounds import get_round
from model.store import Snapshot

OWED_STATES = ("not_submitted", "returned")
BOARD_COLUMNS = ["ministry_code", "deadline", "days_left", "past", "last_submitted_at", "last_receipt"]


@dataclass(frozen=True)
class DeadlineStatus:
    """One ministry's position in a round: the deadline, open days left, rows reported and owed."""

    fiscal_year: int
    ministry_code: str
    deadline: dt.date | None
    days_left: int | None  # open days, today and the deadline included; negative: open days late
    past: bool  # the deadline was before today
    total: int  # the rows of its share this year
    not_submitted: int
    returned: int

    @property
    def owed(self) -> int:
        return self.not_submitted + self.returned

    @property
    def reported(self) -> int:
        return self.total - self.owed

    @property
    def deadline_closed(self) -> bool:
        """The deadline falls on a 行政機関の休日 (a weekend, a holiday, 12/29–1/3)."""
        return self.deadline is not None and is_closed(self.deadline)


def _days_left(deadline: dt.date | None, today: dt.date) -> int | None:
    return None if deadline is None else business_days_left(deadline, today)


def deadline_status(
    snap: Snapshot, fiscal_year: int, ministry_code: str, today: dt.date | None = None
) -> DeadlineStatus:
    """Where `ministry_code` stands in the round of `fiscal_year` on `today` (default: today in Japan)."""
    rnd = get_round(snap, fiscal_year)
    deadline = rnd.deadline if rnd is not None else None
    day = today or today_tokyo()
    states = entry_states(snap, fiscal_year)
    mine = states.loc[states["ministry_code"] == ministry_code, "state"]
    return DeadlineStatus(
        fiscal_year=fiscal_year,
        ministry_code=ministry_code,
        deadline=deadline,
        days_left=_days_left(deadline, day),
        past=deadline is not None and deadline < day,
        total=len(mine),
        not_submitted=int((mine == "not_submitted").sum()),
        returned=int((mine == "returned").sum()),
    )


def days_left_text(days_left: int | None, past: bool, lang: str = "ja") -> str:
    """「あと5開庁日」 / 「締切まで開庁日なし」 / 「締切を2開庁日過ぎています」 (English alike); "—" without a
    deadline."""
    if days_left is None:
        return "—"
    if past:
        return t("rm.days_late", lang, n=-days_left)
    if days_left == 0:
        return t("rm.days_none", lang)
    return t("rm.days_left", lang, n=days_left)


def status_text(status: DeadlineStatus, lang: str = "ja") -> str:
    """The ministry page's lines: the deadline with the open days left, and what is still owed."""
    if status.deadline is None:
        head = t("rm.no_deadline", lang)
    else:
        head = t(
            "rm.deadline",
            lang,
            date=format_date(status.deadline, lang),
            left=days_left_text(status.days_left, status.past, lang),
        )
        if status.deadline_closed:
            head += t("rm.deadline_closed_day", lang)
    owed = t(
        "rm.owed",
        lang,
        total=status.total,
        done=status.reported,
        left=status.owed,
        not_submitted=status.not_submitted,
        returned=status.returned,
    )
    return f"{head}\n\n{owed}"


def deadline_board(snap: Snapshot, fiscal_year: int, today: dt.date | None = None) -> pd.DataFrame:
    """Per ministry with rows this year: the deadline, open days left, and its last submission for the year
    (time as stored, UTC; receipt number)."""
    rnd = get_round(snap, fiscal_year)
    deadline = rnd.deadline if rnd is not None else None
    day = today or today_tokyo()
    left = _days_left(deadline, day)
    codes = entry_states(snap, fiscal_year)["ministry_code"].drop_duplicates().tolist()
    subs = snap.submissions()
    subs = subs[(subs["kind"] == "upload") & (subs["fiscal_year"] == fiscal_year)]
    subs = subs.assign(receipt=receipts(subs)) if len(subs) else subs.assign(receipt=pd.Series(dtype=object))
    last = subs.sort_values("id").drop_duplicates("ministry_code", keep="last").set_index("ministry_code")
    rows = [
        {
            "ministry_code": code,
            "deadline": deadline,
            "days_left": left,
            "past": deadline is not None and deadline < day,
            "last_submitted_at": last.loc[code, "created_at"] if code in last.index else None,
            "last_receipt": last.loc[code, "receipt"] if code in last.index else None,
        }
        for code in codes
    ]
    return pd.DataFrame(rows, columns=BOARD_COLUMNS)
