"""International cooperation: agreements on a timeline, the partner × cooperation-area matrix, events,
and the count of government cooperation frameworks against goal G-2-1 (within five years, i.e. FY2024).

What counts as a "government-level cooperation framework" (G-2-1 gives no number): every bilateral
agreement of the `agreements` table (MoC, statement, letter of intent) and every multilateral group of
governments the seeds list, counted once at its start: the Multilateral Dialogue on Quantum (MDQ, its
first meeting) and the Quantum Development Group (QDG, its launch).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from model import strategy
from model.goals import target_date
from model.store import Snapshot, per_snapshot

FRAMEWORK_GOAL = "G-2-1"
# Event kinds whose first occurrence starts a multilateral framework of governments.
MULTILATERAL_KINDS = ("mdq", "qdg")


def _to_date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return dt.date.fromisoformat(str(value)[:10])


@per_snapshot
def agreements_table(snap: Snapshot) -> pd.DataFrame:
    """Agreements by date, with their cooperation-area codes (in printed order) as a list."""
    ag = snap.table("agreements")
    areas = snap.table("agreement_areas").sort_values(["agreement_id", "seq"])
    codes = areas.groupby("agreement_id", sort=False)["area_code"].agg(lambda s: list(dict.fromkeys(s)))
    out = ag.assign(
        date=ag["date"].map(_to_date),
        area_codes=ag["agreement_id"].map(lambda a: codes.get(a, [])),
    )
    return out.sort_values(["date", "agreement_id"]).reset_index(drop=True)


@per_snapshot
def partner_area_matrix(snap: Snapshot) -> pd.DataFrame:
    """Partners (rows, in order of first agreement) × cooperation areas (columns, vocabulary order):
    the number of agreement items with that partner in that area."""
    ag = agreements_table(snap)
    vocab = list(snap.table("coop_areas")["code"])
    partners = list(dict.fromkeys(ag["partner_ja"]))
    areas = snap.table("agreement_areas").merge(ag[["agreement_id", "partner_ja"]], on="agreement_id")
    counts = areas.groupby(["partner_ja", "area_code"]).size().unstack(fill_value=0)
    matrix = counts.reindex(index=partners, columns=vocab, fill_value=0).fillna(0).astype(int)
    matrix.index.name = "partner_ja"
    matrix.columns.name = "area_code"
    return matrix


@per_snapshot
def events_table(snap: Snapshot) -> pd.DataFrame:
    """Events (MDQ meetings, QDG, symposia, strategies …) by start date."""
    ev = snap.table("events")
    out = ev.assign(date_start=ev["date_start"].map(_to_date), date_end=ev["date_end"].map(_to_date))
    return out.sort_values(["date_start", "event_id"]).reset_index(drop=True)


@per_snapshot
def frameworks(snap: Snapshot) -> pd.DataFrame:
    """Every government cooperation framework with its start date and kind (bilateral | multilateral)."""
    ag = agreements_table(snap)
    rows = [
        {
            "framework_id": r["agreement_id"],
            "kind": "bilateral",
            "name_ja": f"{r['partner_ja']} {r['kind_ja']}",
            "name_en": f"{r['partner_en']} ({str(r['kind']).replace('_', ' ')})",
            "date": r["date"],
            "source": r["source"],
        }
        for r in ag.to_dict("records")
    ]
    ev = events_table(snap)
    for kind in MULTILATERAL_KINDS:
        first = ev[ev["kind"] == kind].head(1)
        for r in first.itertuples(index=False):
            rows.append(
                {
                    "framework_id": r.event_id,
                    "kind": "multilateral",
                    "name_ja": r.name_ja,
                    "name_en": r.name_en,
                    "date": r.date_start,
                    "source": r.source,
                }
            )
    out = pd.DataFrame(rows, columns=["framework_id", "kind", "name_ja", "name_en", "date", "source"])
    return out.sort_values(["date", "framework_id"]).reset_index(drop=True)


@per_snapshot
def frameworks_vs_goal(snap: Snapshot, as_of: dt.date | None = None) -> dict[str, object]:
    """The frameworks count by the G-2-1 deadline and as of a date, with the deadline itself."""
    as_of = as_of or dt.date.today()
    goals = strategy.goals(snap)
    goal = goals[goals["id"] == FRAMEWORK_GOAL]
    deadline = target_date(goal.iloc[0]) if len(goal) else None
    fw = frameworks(snap)
    fw = fw[fw["date"].map(lambda d: d is not None and d <= as_of)]
    by_deadline = fw[fw["date"].map(lambda d: deadline is None or d <= deadline)]
    return {
        "goal_id": FRAMEWORK_GOAL,
        "deadline": deadline,
        "count_as_of": len(fw),
        "count_by_deadline": len(by_deadline),
        "bilateral_by_deadline": int((by_deadline["kind"] == "bilateral").sum()),
        "multilateral_by_deadline": int((by_deadline["kind"] == "multilateral").sum()),
        "frameworks": fw.reset_index(drop=True),
    }
