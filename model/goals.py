"""Goals with their KPI status: the table behind the overview cards, `python -m model kpi` and exports."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from model import kpi
from model.store import Snapshot, per_snapshot


def target_date(goal: pd.Series) -> dt.date | None:
    """The deadline: an exact date when given; else the end of the fiscal (31 Mar) or calendar year."""
    if pd.notna(goal.get("target_date")):
        return dt.date.fromisoformat(str(goal["target_date"]))
    if pd.isna(goal.get("target_year")):
        return None
    year = int(goal["target_year"])
    return dt.date(year + 1, 3, 31) if goal.get("target_basis") == "FY" else dt.date(year, 12, 31)


def target_of(goal: pd.Series) -> kpi.Target:
    baseline_date = goal.get("baseline_date")
    return kpi.Target(
        value=None if pd.isna(goal.get("target_value")) else float(goal["target_value"]),
        date=target_date(goal),
        direction="decrease" if goal.get("direction") == "decrease" else "increase",
        baseline_value=None if pd.isna(goal.get("baseline_value")) else float(goal["baseline_value"]),
        baseline_date=None if pd.isna(baseline_date) else dt.date.fromisoformat(str(baseline_date)),
    )


KPI_COLUMNS = [
    "goal_id",
    "kind",
    "title_ja",
    "title_en",
    "metric",
    "unit",
    "target_value",
    "target_date",
    "target_text_ja",
    "latest_value",
    "latest_date",
    "n_obs",
    "pct_of_target",
    "actual_rate",
    "required_rate",
    "ratio",
    "method",
    "computed_status",
    "override_status",
    "override_reason",
    "status",
    "reason",
    "projected_at_target",
    "projected_year",
    "sample",
    "source",
]


@per_snapshot
def kpi_table(
    snap: Snapshot,
    *,
    as_of: dt.date | None = None,
    kinds: tuple[str, ...] = ("headline", "goal", "indicator"),
    with_observations_only: bool = False,
) -> pd.DataFrame:
    """One row per goal: latest value, % of target, rates, status (computed and effective), projection."""
    as_of = as_of or dt.date.today()
    goals = snap.table("goals")
    goals = goals[goals["kind"].isin(kinds)]
    obs = snap.kpi_observations()
    overrides = snap.status_overrides().set_index("goal_id")
    rows = []
    for _, g in goals.iterrows():
        a = kpi.assess(obs[obs["goal_id"] == g["id"]], target_of(g), as_of=as_of)
        if with_observations_only and a.n_obs == 0:
            continue
        over = overrides.loc[g["id"]] if g["id"] in overrides.index else None
        rows.append(
            {
                "goal_id": g["id"],
                "kind": g["kind"],
                "title_ja": g["title_ja"],
                "title_en": g["title_en"],
                "metric": g["metric"],
                "unit": g["unit"],
                "target_value": g["target_value"],
                "target_date": target_date(g),
                "target_text_ja": g["target_text_ja"],
                "latest_value": a.latest_value,
                "latest_date": a.latest_date,
                "n_obs": a.n_obs,
                "pct_of_target": a.pct_of_target,
                "actual_rate": a.actual_rate,
                "required_rate": a.required_rate,
                "ratio": a.ratio,
                "method": a.method,
                "computed_status": a.status,
                "override_status": None if over is None else over["status"],
                "override_reason": None if over is None else over["reason"],
                "status": a.status if over is None else over["status"],
                "reason": a.reason,
                "projected_at_target": a.projected_at_target,
                "projected_year": a.projected_year,
                "sample": a.sample,
                "source": g["source"],
            }
        )
    table = pd.DataFrame(rows, columns=KPI_COLUMNS)
    return table.astype({"projected_year": "Int64", "n_obs": "Int64", "sample": bool})
