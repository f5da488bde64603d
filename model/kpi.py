"""KPI maths: % of target, actual vs required growth, status, projection, projected year of attainment.

The progress measure is the one Statistics Canada published and Open SDG implements ("Progress
Measurement Methodology for the Sustainable Development Goals", in open-sdg/open-sdg
docs/progress-methodology.md), with two deliberate differences said below.

* Time is measured in years (days / 365.25).
* The base is the goal's baseline (value and date) when it has one, else its first observation; the
  current value is the latest observation on or before the as-of date.
* Growth rate: compound annual growth, CAGR = (current / base) ^ (1 / years) − 1, when base, current and
  target are all positive. **Difference 1**: otherwise (a count starting at zero, e.g. unicorns, hubs)
  linear growth in units per year, (current − base) / years: CAGR is undefined from zero, and these goals
  are counts that grow by units, not by a percentage.
* actual rate = growth from the base to the current value; required rate = growth from the base to the
  target on the target date.
* ratio R = d × actual / |required|, with d = +1 for `increase` and −1 for `decrease` goals (the published
  formula). Multiplying by the direction and dividing by the magnitude makes R negative whenever the value
  moves against the desired direction, also when the base already met the target and the series slipped
  back (100 → 80 against 90: both rates negative; R < 0, deteriorating, not 2.1).
* Status, in this order (thresholds in `THRESHOLDS`, the published 0.95 / 0.60 / 0):

  =====================  =====================================================================
  no_data                no observation; or one observation and no baseline (no trend yet); or
                         no target date to measure the required rate against
  no_target              observed, but the goal has no numeric target (an indicator)
  achieved               the current value has reached the target (`decrease`: at or below it)
  missed                 **Difference 2**: the target date has passed and the target was not reached
                         (the published measure has no category for a passed deadline; for a
                         secretariat a missed deadline is the news)
  deteriorating          base = target (required rate 0) and the value has moved away from it: a stated
                         rule, since R is undefined there
  on_track               R ≥ 0.95
  moderate               0.60 ≤ R < 0.95
  limited                0 ≤ R < 0.60
  deteriorating          R < 0 (moving away from the target)
  =====================  =====================================================================

* `maintain` goals (a level to keep, e.g. an international symposium every year, seed 002 G-5-2) are not
  growth goals: the value must stay at or above the target level, with a tolerance band of
  `MAINTAIN_TOLERANCE` (5 %) below it. At or above the band's floor: `on_track` (`achieved` once the target
  date has passed while held). Below it: `deteriorating` when the value fell further since the previous
  observation (or this is the first one), `limited` when it is recovering towards the level.
* Projection: the current value carried forward at the actual rate; the projected year of attainment is
  when that projection reaches the target, only ever after the latest observation (None when the value
  moves away from the target, does not move, or would take over 200 years).

A secretariat override replaces the computed status on every surface; both are kept (model/goals.py).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace

import pandas as pd

from model.kpi_codes import DIRECTIONS as DIRECTIONS  # re-exported: defined apart, without pandas
from model.kpi_codes import STATUSES as STATUSES


@dataclass(frozen=True)
class Thresholds:
    """Ratio thresholds of the published measure (Statistics Canada / Open SDG): the one place to change."""

    on_track: float = 0.95
    moderate: float = 0.60
    limited: float = 0.0


THRESHOLDS = Thresholds()
MAINTAIN_TOLERANCE = 0.05  # a `maintain` goal holds while the value is at least 95 % of its level
MAX_PROJECTION_YEARS = 200


@dataclass(frozen=True)
class Target:
    value: float | None
    date: dt.date | None
    direction: str = "increase"  # increase | decrease | maintain
    baseline_value: float | None = None
    baseline_date: dt.date | None = None


@dataclass(frozen=True)
class Assessment:
    status: str
    reason: str
    method: str | None = None  # "cagr" | "linear"
    latest_value: float | None = None
    latest_date: dt.date | None = None
    base_value: float | None = None
    base_date: dt.date | None = None
    pct_of_target: float | None = None
    actual_rate: float | None = None
    required_rate: float | None = None
    ratio: float | None = None
    projected_at_target: float | None = None
    projected_date: dt.date | None = None
    n_obs: int = 0
    sample: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def projected_year(self) -> int | None:
        return self.projected_date.year if self.projected_date else None


def years_between(a: dt.date, b: dt.date) -> float:
    return (b - a).days / 365.25


def _add_years(day: dt.date, years: float) -> dt.date:
    return day + dt.timedelta(days=round(years * 365.25))


def pct_of_target(
    value: float, target: float, baseline: float | None = None, direction: str = "increase"
) -> float:
    """Share of the target reached, in %. For `decrease` goals, the share of the way from baseline."""
    if direction == "decrease":
        if baseline is None or baseline == target:
            return 100.0 if value <= target else 0.0
        return 100.0 * (baseline - value) / (baseline - target)
    return 100.0 * value / target if target else math.nan


def growth_rate(v0: float, v1: float, years: float, method: str) -> float:
    """Annual growth from v0 to v1 over `years`: compound (fraction per year) or linear (units/year)."""
    if years <= 0:
        raise ValueError("growth over a non-positive span")
    if method == "cagr":
        return float((v1 / v0) ** (1.0 / years) - 1.0)
    return (v1 - v0) / years


def _method(*values: float) -> str:
    """CAGR when every value is positive; linear otherwise (counts from zero)."""
    return "cagr" if all(v > 0 for v in values) else "linear"


def _classify(ratio: float, th: Thresholds) -> str:
    if ratio >= th.on_track:
        return "on_track"
    if ratio >= th.moderate:
        return "moderate"
    if ratio >= th.limited:
        return "limited"
    return "deteriorating"


def _project(latest: float, rate: float, years: float, method: str) -> float:
    if method == "cagr":
        return float(latest * (1.0 + rate) ** years)
    return latest + rate * years


def _years_to_reach(latest: float, target: float, rate: float, method: str) -> float | None:
    """Years from the latest observation until the projection reaches the target: None unless the value
    moves towards the target (so never a date before the latest observation)."""
    if rate == 0 or latest == target:
        return None
    if method == "cagr":
        if latest <= 0 or rate <= -1 or (target > latest) != (rate > 0):
            return None
        years = math.log(target / latest) / math.log(1.0 + rate)
    else:
        years = (target - latest) / rate
    return years if 0 < years <= MAX_PROJECTION_YEARS else None


def _observations(observations: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    obs = observations.dropna(subset=["value"]).copy()
    obs["date"] = pd.to_datetime(obs["date"]).dt.date
    return obs[obs["date"] <= as_of].sort_values("date")


def assess(
    observations: pd.DataFrame,
    target: Target,
    *,
    as_of: dt.date,
    thresholds: Thresholds = THRESHOLDS,
) -> Assessment:
    """Assess one goal from its observations (columns: date, value, and optionally sample)."""
    obs = _observations(observations, as_of)
    sample = bool(obs["sample"].any()) if "sample" in obs and len(obs) else False
    if obs.empty:
        return Assessment("no_data", "no observations", sample=sample)
    latest_date: dt.date = obs["date"].iloc[-1]
    latest = float(obs["value"].iloc[-1])
    found = Assessment(
        "no_data", "", latest_value=latest, latest_date=latest_date, n_obs=len(obs), sample=sample
    )
    if target.value is None or math.isnan(float(target.value)):
        return replace(found, status="no_target", reason="no numeric target")
    tv = float(target.value)
    if target.baseline_value is not None and target.baseline_date is not None:
        base_value, base_date = float(target.baseline_value), target.baseline_date
    else:
        base_value, base_date = float(obs["value"].iloc[0]), obs["date"].iloc[0]
    found = replace(
        found,
        base_value=base_value,
        base_date=base_date,
        pct_of_target=pct_of_target(latest, tv, base_value, target.direction),
    )
    if target.direction == "maintain":
        return _assess_maintain(found, obs, tv, target, as_of)

    reached = latest <= tv if target.direction == "decrease" else latest >= tv
    if reached:
        return replace(found, status="achieved", reason="target reached")
    if target.date is not None and as_of > target.date:
        return replace(found, status="missed", reason="target date passed")
    span = years_between(base_date, latest_date)
    if span <= 0:
        return replace(found, reason="single observation: no trend yet")
    if target.date is None:
        return replace(found, reason="no target date")

    method = _method(base_value, latest, tv)
    actual = growth_rate(base_value, latest, span, method)
    required = growth_rate(base_value, tv, years_between(base_date, target.date), method)
    years = _years_to_reach(latest, tv, actual, method)
    trend = replace(
        found,
        reason="trend",
        method=method,
        actual_rate=actual,
        required_rate=required,
        projected_at_target=_project(latest, actual, years_between(latest_date, target.date), method),
        projected_date=_add_years(latest_date, years) if years is not None else None,
    )
    if required == 0:  # the base met the target and the value has since moved away (not reached)
        return replace(trend, status="deteriorating", reason="base met the target; moved away since")
    direction = -1.0 if target.direction == "decrease" else 1.0
    ratio = direction * actual / abs(required)
    return replace(trend, status=_classify(ratio, thresholds), ratio=ratio)


def _assess_maintain(
    found: Assessment, obs: pd.DataFrame, level: float, target: Target, as_of: dt.date
) -> Assessment:
    """A level to keep: held while the value is at least (1 − tolerance) × the level."""
    floor = level * (1.0 - MAINTAIN_TOLERANCE)
    latest = float(found.latest_value or 0.0)
    if latest >= floor:
        done = target.date is not None and as_of > target.date
        return replace(found, status="achieved" if done else "on_track", reason="level held", method="level")
    previous = float(obs["value"].iloc[-2]) if len(obs) > 1 else None
    recovering = previous is not None and latest > previous
    return replace(
        found,
        status="limited" if recovering else "deteriorating",
        reason="below the level, recovering" if recovering else "below the level",
        method="level",
    )


def required_path(target: Target, base_value: float, base_date: dt.date, points: int = 12) -> pd.DataFrame:
    """The path from the base to the target at the required rate: for the trajectory chart."""
    if target.value is None or target.date is None:
        return pd.DataFrame({"date": [], "value": []})
    tv = float(target.value)
    method = _method(base_value, tv)
    total = years_between(base_date, target.date)
    rate = growth_rate(base_value, tv, total, method) if total > 0 else 0.0
    steps = [total * i / (points - 1) for i in range(points)]
    return pd.DataFrame(
        {
            "date": [_add_years(base_date, s) for s in steps],
            "value": [_project(base_value, rate, s, method) for s in steps],
        }
    )


def projection_path(a: Assessment, until: dt.date, points: int = 8) -> pd.DataFrame:
    """The projection from the latest observation at the actual rate, up to `until`."""
    if a.latest_value is None or a.latest_date is None or a.actual_rate is None or a.method is None:
        return pd.DataFrame({"date": [], "value": []})
    total = max(years_between(a.latest_date, until), 0.0)
    steps = [total * i / (points - 1) for i in range(points)]
    return pd.DataFrame(
        {
            "date": [_add_years(a.latest_date, s) for s in steps],
            "value": [_project(a.latest_value, a.actual_rate, s, a.method) for s in steps],
        }
    )
