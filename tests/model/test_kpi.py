"""KPI maths against hand-computed cases. Spans are chosen as whole multiples of 365.25 days
(e.g. 2022-12-31 → 2026-12-31 = 1461 days = 4 years) so that the expected rates are exact."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from model.kpi import Target, assess, growth_rate, pct_of_target, projection_path, required_path

D = dt.date


def obs(*pairs: tuple[str, float], sample: bool = False) -> pd.DataFrame:
    return pd.DataFrame({"date": [p[0] for p in pairs], "value": [p[1] for p in pairs], "sample": sample})


USERS = Target(10_000_000, D(2030, 12, 31), baseline_value=1_000_000, baseline_date=D(2022, 12, 31))


def test_required_growth_for_ten_million_users_by_2030() -> None:
    """From 1,000,000 at 2022-12-31, 10,000,000 by 2030-12-31 needs 10^(1/8) − 1 = 33.35 % a year."""
    a = assess(obs(("2026-12-31", 2_560_000)), USERS, as_of=D(2027, 1, 1))
    assert a.required_rate == pytest.approx(10 ** (1 / 8) - 1, rel=1e-9)
    assert a.required_rate == pytest.approx(0.333521, abs=1e-6)
    # 1,000,000 → 2,560,000 in 4 years: 2.56^(1/4) − 1 = 1.264911 − 1
    assert a.actual_rate == pytest.approx(0.264911, abs=1e-6)
    assert a.ratio == pytest.approx(0.264911 / 0.333521, abs=1e-5)
    assert a.status == "moderate"  # 0.794: between 0.50 and 0.95
    assert a.pct_of_target == pytest.approx(25.6)
    # Carried forward 4 more years at 26.49 %: 2.56 M × 2.56 = 6.5536 M
    assert a.projected_at_target == pytest.approx(6_553_600, rel=1e-6)
    # ln(10 / 2.56) / ln(1.264911) = 5.798 years after 2026-12-31 → 2032
    assert a.projected_year == 2032
    assert a.method == "cagr"
    assert a.base_value == 1_000_000


def test_goal_already_met_is_achieved() -> None:
    """Eight hubs against a target of five: achieved, 160 %."""
    a = assess(obs(("2021-02-26", 8)), Target(5, D(2025, 3, 31)), as_of=D(2021, 3, 1))
    assert (a.status, a.pct_of_target, a.latest_value) == ("achieved", 160.0, 8.0)


def test_declining_series_is_deteriorating_and_never_projected_to_reach() -> None:
    """100 → 81 in 4 years (−5.13 %/yr) against a target of 200 by 2028: deteriorating, no year."""
    a = assess(
        obs(("2020-12-31", 100), ("2024-12-31", 81)), Target(200, D(2028, 12, 31)), as_of=D(2025, 1, 1)
    )
    assert a.actual_rate == pytest.approx(0.81**0.25 - 1, rel=1e-9)
    assert a.required_rate == pytest.approx(2 ** (1 / 8) - 1, rel=1e-9)
    assert a.ratio is not None and a.ratio < 0
    assert a.status == "deteriorating"
    assert a.projected_date is None


def test_single_observation_without_baseline_has_no_trend() -> None:
    """One value: % of target is known, the trend is not."""
    a = assess(obs(("2025-01-01", 1_500_000)), Target(10_000_000, D(2030, 12, 31)), as_of=D(2025, 6, 1))
    assert a.status == "no_data"
    assert a.pct_of_target == pytest.approx(15.0)
    assert a.actual_rate is None and a.projected_year is None


def test_single_observation_with_baseline_has_a_trend() -> None:
    """With a stated baseline one observation is enough."""
    a = assess(obs(("2026-12-31", 5_000_000)), USERS, as_of=D(2027, 1, 1))
    assert a.actual_rate == pytest.approx(5**0.25 - 1, rel=1e-9)
    assert a.status == "on_track"  # 0.4953 / 0.3335 = 1.485 ≥ 0.95


def test_count_from_zero_uses_linear_growth() -> None:
    """0 → 1 unicorn in 4 years = 0.25/yr; 2 needed by 2030 from 0 in 2022 = 0.25/yr: on track."""
    a = assess(obs(("2022-12-31", 0), ("2026-12-31", 1)), Target(2, D(2030, 12, 31)), as_of=D(2027, 1, 1))
    assert a.method == "linear"
    assert (a.actual_rate, a.required_rate, a.ratio) == (0.25, 0.25, 1.0)
    assert a.status == "on_track"
    assert a.projected_date == D(2030, 12, 31)


def test_flat_zero_series_is_limited() -> None:
    """No movement at all towards the target: ratio 0, limited progress."""
    a = assess(obs(("2022-01-01", 0), ("2025-01-01", 0)), Target(1, D(2030, 12, 31)), as_of=D(2025, 6, 1))
    assert (a.status, a.ratio) == ("limited", 0.0)


def test_deadline_passed_without_reaching_target_is_missed() -> None:
    """After the deadline a goal is met or missed; a trend no longer matters."""
    a = assess(obs(("2020-01-01", 1), ("2024-01-01", 3)), Target(5, D(2025, 3, 31)), as_of=D(2025, 4, 1))
    assert a.status == "missed"


def test_no_observations_and_no_numeric_target() -> None:
    """Empty series → no_data; a tracked indicator without a target → no_target."""
    assert assess(obs(), Target(5, D(2025, 3, 31)), as_of=D(2025, 1, 1)).status == "no_data"
    assert assess(obs(("2025-01-01", 7)), Target(None, None), as_of=D(2025, 6, 1)).status == "no_target"


def test_observations_after_as_of_are_ignored_and_sample_flag_propagates() -> None:
    """Assessing "as of" a date sees only what was known then; sample values mark the result."""
    series = obs(("2022-01-01", 1), ("2030-01-01", 99), sample=True)
    a = assess(series, Target(10, D(2031, 1, 1)), as_of=D(2023, 1, 1))
    assert a.latest_value == 1 and a.sample is True


def test_decrease_goal_percentage_counts_the_way_from_baseline() -> None:
    """Halving from 100 to 50: at 75 the goal is half way."""
    assert pct_of_target(75, 50, 100, "decrease") == pytest.approx(50.0)
    t = Target(50, D(2030, 12, 31), direction="decrease", baseline_value=100, baseline_date=D(2022, 12, 31))
    assert assess(obs(("2026-12-31", 40)), t, as_of=D(2027, 1, 1)).status == "achieved"


def test_paths_start_at_base_and_end_at_target() -> None:
    """The required path runs from the base to the target; the projection from the latest value."""
    path = required_path(USERS, 1_000_000, D(2022, 12, 31))
    assert path["value"].iloc[0] == pytest.approx(1_000_000)
    assert path["value"].iloc[-1] == pytest.approx(10_000_000)
    a = assess(obs(("2026-12-31", 2_560_000)), USERS, as_of=D(2027, 1, 1))
    proj = projection_path(a, D(2030, 12, 31))
    assert proj["value"].iloc[-1] == pytest.approx(6_553_600, rel=1e-6)


def test_growth_rate_rejects_an_empty_span() -> None:
    """A rate over zero years is undefined."""
    with pytest.raises(ValueError, match="non-positive"):
        growth_rate(1, 2, 0, "cagr")
    assert math.isclose(growth_rate(1, 4, 2, "cagr"), 1.0)
