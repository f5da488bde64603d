"""Goals with their KPI status: the table behind the overview cards, `python -m model kpi` and exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd

from model import kpi, strategy
from model.auth import User, require_secretariat
from model.calendar_ja import format_date
from model.errors import AppError
from model.format import format_value
from model.messages import t
from model.store import Snapshot, Store, per_snapshot
from model.text import checked_text


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
        direction=str(goal["direction"]) if goal.get("direction") in kpi.DIRECTIONS else "increase",
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
    "direction",
    "target_value",
    "target_date",
    "target_text_ja",
    "base_value",
    "base_date",
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
    "override_by",
    "override_at",
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
    goals = strategy.goals(snap)
    goals = goals[goals["kind"].isin(kinds)]
    obs = snap.kpi_observations()
    overrides = snap.status_overrides().set_index("goal_id")
    rows = []
    for _, g in goals.iterrows():
        target = target_of(g)
        a = kpi.assess(obs[obs["goal_id"] == g["id"]], target, as_of=as_of)
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
                "direction": target.direction,
                "target_value": g["target_value"],
                "target_date": target_date(g),
                "target_text_ja": g["target_text_ja"],
                "base_value": a.base_value,
                "base_date": a.base_date,
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
                "override_by": None if over is None else over["user_name"],
                "override_at": None if over is None else over["created_at"],
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


RowLike = pd.Series | Mapping[Any, Any]  # a row of the KPI table, as a Series or a record

# --- the calculation record ---------------------------------------------------------------------------

CALCULATION_FIELDS = (
    "goal_id",
    "direction",
    "base_value",
    "base_date",
    "latest_value",
    "latest_date",
    "target_value",
    "target_date",
    "method",
    "actual_rate",
    "required_rate",
    "ratio",
    "threshold_on_track",
    "threshold_moderate",
    "threshold_limited",
    "computed_status",
    "override_status",
    "override_reason",
    "override_by",
    "override_at",
    "status",
    "reason",
)


def calculation_record(row: RowLike) -> dict[str, object]:
    """How a goal's status was reached, field by field (in the spirit of Open SDG's calculation
    components): the base, the current value, the target, the direction, the method, the rates, the
    ratio, the thresholds it was compared with, the computed status, the secretariat's override with its
    reason, and the effective status. Missing values are None."""
    values = dict(row)
    values |= {
        "threshold_on_track": kpi.THRESHOLDS.on_track,
        "threshold_moderate": kpi.THRESHOLDS.moderate,
        "threshold_limited": kpi.THRESHOLDS.limited,
    }
    return {k: _plain(values.get(k)) for k in CALCULATION_FIELDS}


def _plain(value: Any) -> Any:
    """NaN/NA → None, numpy scalars → Python, timestamps → datetime (JSON- and table-ready)."""
    if value is None or (not isinstance(value, str | list | dict) and bool(pd.isna(value))):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value.item() if hasattr(value, "item") else value


def is_overridden(row: RowLike) -> bool:
    """The effective status is the secretariat's, not the computed one."""
    return isinstance(row.get("override_status"), str)


def calculation_lines(row: RowLike, lang: str) -> list[str]:
    """The calculation record in words, one line per step (the deck's notes, the page's detail)."""
    r = calculation_record(row)
    unit = str(dict(row).get("unit") or "")

    def value(v: object) -> str:
        return format_value(None if v is None else float(str(v)), unit, lang)

    def date(v: object) -> str:
        return format_date(v if isinstance(v, dt.date) else None, lang)

    def rate(v: object) -> str:
        if v is None:
            return "—"
        number = float(str(v))
        if r["method"] == "cagr":
            return t("kpi.calc.rate_pct", lang, rate=f"{number * 100:+.2f}")
        return t("kpi.calc.rate_units", lang, rate=format_value(number, unit, lang))

    ratio = "—" if r["ratio"] is None else f"{float(str(r['ratio'])):.3f}"
    thresholds = " / ".join(
        f"{float(str(r[k])):.2f}" for k in ("threshold_on_track", "threshold_moderate", "threshold_limited")
    )
    lines = [
        t("kpi.calc.base", lang, value=value(r["base_value"]), date=date(r["base_date"])),
        t("kpi.calc.latest", lang, value=value(r["latest_value"]), date=date(r["latest_date"])),
        t(
            "kpi.calc.target",
            lang,
            value=value(r["target_value"]),
            date=date(r["target_date"]),
            direction=t(f"kpi.direction.{r['direction'] or 'increase'}", lang),
        ),
        t("kpi.calc.method", lang, method=t(f"kpi.method.{r['method'] or 'none'}", lang)),
        t("kpi.calc.rates", lang, actual=rate(r["actual_rate"]), required=rate(r["required_rate"])),
        t("kpi.calc.ratio", lang, ratio=ratio, thresholds=thresholds),
        t("kpi.calc.computed", lang, status=t(f"status.{r['computed_status']}", lang)),
    ]
    if r["override_status"] is not None:
        lines.append(
            t(
                "kpi.calc.override",
                lang,
                status=t(f"status.{r['override_status']}", lang),
                reason=r["override_reason"] or "—",
                user=r["override_by"] or "—",
                date=date(r["override_at"].date() if isinstance(r["override_at"], dt.datetime) else None),
            )
        )
    lines.append(t("kpi.calc.effective", lang, status=status_label(row, lang)))
    return lines


def status_label(row: RowLike, lang: str) -> str:
    """The effective status as every surface prints it: with the secretariat's mark and the computed
    status beside it when the secretariat's assessment replaced it."""
    status = t(f"status.{row['status']}", lang)
    if not is_overridden(row):
        return status
    computed = t(f"status.{row['computed_status']}", lang)
    return t("status.override_label", lang, status=status, computed=computed)


# --- the secretariat's override -----------------------------------------------------------------------


def set_override(store: Store, user: User, goal_id: str, status: str | None, reason: str) -> None:
    """Set (status) or clear (None) the secretariat's status of a goal, with a reason; secretariat only.
    Append-only: every override and clearing is kept with who, when and why (`override_history`)."""
    require_secretariat(user)
    reason = checked_text(reason, "field.reason")
    if status is not None and status not in kpi.STATUSES:
        raise AppError("err.bad_status", text=status, known=", ".join(kpi.STATUSES))
    if status is not None and not reason:
        raise AppError("err.override.reason")
    with store.transaction(user, "override") as tx:
        if goal_id not in set(strategy.goals(tx.snapshot())["id"]):
            raise AppError("err.unknown_goal", text=goal_id)
        tx.record_override(goal_id, status, reason)


def override_history(snap: Snapshot, goal_id: str | None = None) -> pd.DataFrame:
    """Every override and clearing (status None), oldest first: goal, status, reason, who, when."""
    df = snap.override_history()
    if goal_id is not None:
        df = df[df["goal_id"] == goal_id]
    df = df[["goal_id", "status", "reason", "user_name", "created_at"]].reset_index(drop=True)
    return df.assign(
        status=pd.Series([s if isinstance(s, str) else None for s in df["status"]], dtype=object)
    )
