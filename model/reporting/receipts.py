"""受付番号: the receipt number of a submission, shown to the submitter after the commit and in the history.

It is derived, never stored: the fiscal year the submission reports for, then its submission id, six digits
(「2021-000042」). The id is unique and never reused, so the number is unique; both parts are kept with the
submission, so the number is the same on every page, in every list and on the command line, at any later
version. A submission without a fiscal year (the seed) takes the fiscal year of its date in Japan.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from model.calendar_ja import TOKYO, fiscal_year_of
from model.store import Snapshot


def receipt_number(submission_id: int, fiscal_year: int) -> str:
    """2021, 42 → "2021-000042"."""
    return f"{int(fiscal_year)}-{int(submission_id):06d}"


def _fiscal_year(fiscal_year: Any, created_at: Any) -> int:
    if fiscal_year is not None and not pd.isna(fiscal_year):
        return int(fiscal_year)
    stamp = pd.Timestamp(created_at)
    if stamp.tzinfo is None:
        stamp = stamp.tz_localize("UTC")
    return fiscal_year_of(stamp.tz_convert(TOKYO).date())


def receipts(submissions: pd.DataFrame) -> pd.Series:
    """The receipt number of every row of a submissions frame (columns id, fiscal_year, created_at)."""
    return pd.Series(
        [
            receipt_number(int(i), _fiscal_year(fy, at))
            for i, fy, at in zip(
                submissions["id"], submissions["fiscal_year"], submissions["created_at"], strict=True
            )
        ],
        index=submissions.index,
        dtype=object,
    )


def receipt_of(snap: Snapshot, submission_id: int) -> str:
    """The receipt number of one submission of the snapshot (the same as its history shows)."""
    subs = snap.submissions()
    return str(receipts(subs[subs["id"] == submission_id]).iloc[0])
