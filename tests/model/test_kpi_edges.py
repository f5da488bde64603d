"""The KPI status at its edges, table-driven, each case computed by hand (spans are whole multiples of
365.25 days, e.g. 2020-12-31 → 2024-12-31 = 4 years, so the rates are exact).

sign flip, increase     base 100 (2020-12-31) → 80 (2024-12-31), target 90 by 2028-12-31.
                        actual 0.8^(1/4) − 1 = −0.054258; required 0.9^(1/8) − 1 = −0.013084;
                        R = +1 × −0.054258 / 0.013084 = −4.147 → deteriorating (the old +4.1 said on track)
sign flip, decrease     base 8 → 11, ceiling 10 by 2028-12-31. actual (11/8)^(1/4) − 1 = +0.082887;
                        required (10/8)^(1/8) − 1 = +0.028286; R = −1 × 0.082887 / 0.028286 = −2.930
                        → deteriorating; the value moves away: no projected year (the old code gave 2023,
                        before the latest observation)
decrease, CAGR          base 100 → 80, target 50 by 2032-12-31. actual −0.054258; required
                        0.5^(1/12) − 1 = −0.056126; R = −1 × −0.054258 / 0.056126 = 0.9667 → on_track;
                        years to 50: ln(50/80) / ln(0.945742) = −0.470004 / −0.055786 = 8.425 → 2033
base equals target      base 100 = target 100 by 2028-12-31, then 95: required rate 0, R undefined →
                        deteriorating by the stated rule
threshold 0.60          count from 0 (2022-12-31), 4 by 2030-12-31: required 0.5/yr (linear).
                        1.4 at 2026-12-31: 0.35/yr, R 0.70 → moderate, (4 − 1.4) / 0.35 = 7.43 years
                        → 2034; 1.1: 0.275/yr, R 0.55 → limited (moderate under the old 0.50),
                        (4 − 1.1) / 0.275 = 10.55 years → 2037
decrease to zero        base 10 (2020-12-31) → 4 (2024-12-31), target 0 by 2028-12-31: linear (a zero
                        value); actual −1.5/yr, required −1.25/yr; R = −1 × −1.5 / 1.25 = 1.2 → on_track;
                        years to 0: (0 − 4) / −1.5 = 2.667 → 2027; 60 % of the way
ten million users       1,000,000 (2022-12-31) → 2,560,000 (2026-12-31), 10,000,000 by 2030-12-31:
                        required 10^(1/8) − 1 = 33.35 %/yr; actual 2.56^(1/4) − 1 = 26.49 %/yr;
                        R = 0.7943 → moderate; ln(10/2.56) / ln(1.264911) = 5.80 years → 2032
target met              8 against 5 → achieved
deadline passed         1 → 3, target 5 by 2025-03-31, as of 2025-04-01 → missed
single observation      one value, no baseline → no_data (no trend), no ratio
zero baseline           0 (2022-12-31) → 1 (2026-12-31), 2 by 2030-12-31: linear 0.25 = 0.25 → R 1.0, on_track
maintain, held          level 1 a year; 1, 1 → on_track; after the target date → achieved
maintain, within band   level 12; 12 → 11.5 (≥ 95 % × 12 = 11.4) → on_track
maintain, falling       level 12; 12 → 10 → deteriorating; 10 → 11 (below 11.4, recovering) → limited
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from model.kpi import THRESHOLDS, Target, assess

D = dt.date


def series(*pairs: tuple[str, float]) -> pd.DataFrame:
    return pd.DataFrame({"date": [p[0] for p in pairs], "value": [p[1] for p in pairs]})


def target(
    value: float, due: dt.date | None, direction: str = "increase", base: tuple[float, dt.date] | None = None
) -> Target:
    return Target(value, due, direction, *(base or (None, None)))


Y2028, Y2030 = D(2028, 12, 31), D(2030, 12, 31)
CASES = [
    # id, observations, target, as of, status, ratio (None: undefined), projected year
    ("sign flip, increase", series(("2020-12-31", 100), ("2024-12-31", 80)), target(90, Y2028),
     D(2025, 1, 1), "deteriorating", -4.147, None),
    ("sign flip, decrease", series(("2020-12-31", 8), ("2024-12-31", 11)), target(10, Y2028, "decrease"),
     D(2025, 1, 1), "deteriorating", -2.930, None),
    ("decrease, CAGR", series(("2020-12-31", 100), ("2024-12-31", 80)),
     target(50, D(2032, 12, 31), "decrease"), D(2025, 1, 1), "on_track", 0.9667, 2033),
    ("base equals target", series(("2020-12-31", 100), ("2024-12-31", 95)), target(100, Y2028),
     D(2025, 1, 1), "deteriorating", None, None),
    ("threshold 0.60, above", series(("2022-12-31", 0), ("2026-12-31", 1.4)), target(4, Y2030),
     D(2027, 1, 1), "moderate", 0.70, 2034),
    ("threshold 0.60, below", series(("2022-12-31", 0), ("2026-12-31", 1.1)), target(4, Y2030),
     D(2027, 1, 1), "limited", 0.55, 2037),
    ("decrease to zero", series(("2020-12-31", 10), ("2024-12-31", 4)), target(0, Y2028, "decrease"),
     D(2025, 1, 1), "on_track", 1.2, 2027),
    ("ten million users", series(("2026-12-31", 2_560_000)),
     target(10_000_000, Y2030, base=(1_000_000, D(2022, 12, 31))), D(2027, 1, 1), "moderate", 0.7943, 2032),
    ("target met", series(("2021-02-26", 8)), target(5, D(2025, 3, 31)),
     D(2021, 3, 1), "achieved", None, None),
    ("deadline passed", series(("2020-01-01", 1), ("2024-01-01", 3)), target(5, D(2025, 3, 31)),
     D(2025, 4, 1), "missed", None, None),
    ("single observation", series(("2025-01-01", 1_500_000)), target(10_000_000, Y2030),
     D(2025, 6, 1), "no_data", None, None),
    ("zero baseline", series(("2022-12-31", 0), ("2026-12-31", 1)), target(2, Y2030),
     D(2027, 1, 1), "on_track", 1.0, 2030),
    ("maintain, held", series(("2022-03-31", 1), ("2023-03-31", 1)), target(1, D(2025, 3, 31), "maintain"),
     D(2024, 1, 1), "on_track", None, None),
    ("maintain, held to the end", series(("2022-03-31", 1), ("2025-03-31", 1)),
     target(1, D(2025, 3, 31), "maintain"), D(2025, 4, 1), "achieved", None, None),
    ("maintain, within band", series(("2022-05-01", 12), ("2025-09-10", 11.5)), target(12, None, "maintain"),
     D(2026, 1, 1), "on_track", None, None),
    ("maintain, falling", series(("2022-05-01", 12), ("2025-09-10", 10)), target(12, None, "maintain"),
     D(2026, 1, 1), "deteriorating", None, None),
    ("maintain, recovering", series(("2022-05-01", 10), ("2025-09-10", 11)), target(12, None, "maintain"),
     D(2026, 1, 1), "limited", None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("obs", "goal", "as_of", "status", "ratio", "year"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_status_ratio_and_projected_year(
    obs: pd.DataFrame, goal: Target, as_of: dt.date, status: str, ratio: float | None, year: int | None
) -> None:
    """Each case of the module docstring: status, R = d × actual / |required|, projected year."""
    a = assess(obs, goal, as_of=as_of)
    assert a.status == status
    if ratio is None:
        assert a.ratio is None
    else:
        assert a.ratio == pytest.approx(ratio, abs=5e-4)
    assert a.projected_year == year
    if a.projected_date is not None:
        assert a.latest_date is not None and a.projected_date > a.latest_date


def test_thresholds_are_the_published_ones() -> None:
    """0.95 / 0.60 / 0, as in the Statistics Canada / Open SDG progress measure."""
    assert (THRESHOLDS.on_track, THRESHOLDS.moderate, THRESHOLDS.limited) == (0.95, 0.60, 0.0)
