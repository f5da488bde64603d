"""KPI maths: % of target, actual vs required growth, status, projection, projected year of attainment.

Method (in the spirit of the Open SDG / UN ESCAP progress measure):

* Time is measured in years (days / 365.25) from the base observation.
* Growth rate: compound annual growth (CAGR) when base, latest and target are all positive; otherwise
  (a count starting at zero, e.g. unicorns or hubs) linear growth in units per year.
* actual rate  = growth from the base observation (the goal's baseline, else its first observation) to
  the latest one; required rate = growth needed from the base to reach the target on the target date.
* ratio = actual / required, and the status:

  =====================  =====================================================================
  achieved               latest value has reached the target (for `decrease`: gone at or below)
  missed                 the target date has passed and the target was not reached
  on_track               ratio ≥ 0.95
  moderate               0.50 ≤ ratio < 0.95
  limited                0 ≤ ratio < 0.50
  deteriorating          ratio < 0 (moving away from the target)
  no_data                no observation, or a single observation and no baseline (no trend yet)
  no_target              observed, but the goal has no numeric target (an indicator)
  =====================  =====================================================================

* Projection: the latest value carried forward at the actual rate; the projected year of attainment
  is when that projection crosses the target (None when it never does).

A secretariat override replaces the computed status on screen and in exports; both are kept.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace

import pandas as pd

STATUSES = ("achieved", "on_track", "moderate", "limited", "deteriorating", "missed", "no_data", "no_target")


@dataclass(frozen=True)
class Thresholds:
    on_track: float = 0.95
    moderate: float = 0.50
    limited: float = 0.0


@dataclass(frozen=True)
class Target:
    value: float | None
    date: dt.date | None
    direction: str = "increase"  # increase | decrease
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
    """Years from the latest observation until the projection crosses the target, or None."""
    if method == "cagr":
        if rate <= 0 or latest <= 0:
            return None
        return math.log(target / latest) / math.log(1.0 + rate)
    if rate == 0:
        return None
    years = (target - latest) / rate
    return years if years >= 0 else None


def assess(
    observations: pd.DataFrame,
    target: Target,
    *,
    as_of: dt.date,
    thresholds: Thresholds = Thresholds(),
) -> Assessment:
    """Assess one goal from its observations (columns: date, value, and optionally sample)."""
    obs = observations.dropna(subset=["value"]).copy()
    obs["date"] = pd.to_datetime(obs["date"]).dt.date
    obs = obs[obs["date"] <= as_of].sort_values("date")
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
    ratio = actual / required if required else math.nan
    years = _years_to_reach(latest, tv, actual, method)
    return replace(
        found,
        status=_classify(ratio, thresholds),
        reason="trend",
        method=method,
        actual_rate=actual,
        required_rate=required,
        ratio=ratio,
        projected_at_target=_project(latest, actual, years_between(latest_date, target.date), method),
        projected_date=_add_years(latest_date, years) if years is not None and years < 200 else None,
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
