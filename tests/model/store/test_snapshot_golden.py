"""Every public read gives, from a snapshot, what it gave from the store before snapshots existed.

tests/golden/reads.json.gz was captured from the Store-based reads of commit 86f8979 on the scenario of
tests/golden/scenario.py (tests/golden/capture_86f8979.py is the script that made it). Two changes are
intended and left out of the comparison, each named below: the store version now counts every write (not
only submissions), completeness carries the missing rows' ids beside the counts, the KPI table the
fields of its calculation record, and a trajectory chart the secretariat's override of its status.
"""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from model import compare, figures, followup, international, milestones
from model.auth import User, operator
from model.commands.core import status_report
from model.exports import briefing, followup_table
from model.goals import kpi_table, set_override
from model.reporting import assessments, owners, rounds, template
from model.reporting.commit import submission_history
from model.store import Snapshot, Store
from tests.conftest import submit_followup
from tests.golden.scenario import AS_OF, FY2021_MEXT, FY2021_MOFA, normalise

KPI_RECORD_ADDED = ("direction", "base_value", "base_date", "override_by", "override_at")
GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "reads.json.gz"
_CAPTURED = json.loads(gzip.decompress(GOLDEN.read_bytes()))


def as_before(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Intended (#10): the structure gained the 2023 strategy's actions and columns (strategy, numbering,
    owners, years in force); goals gained `strategy_id`. The rows of the 2020 strategy, in the columns the
    capture had, are compared."""
    if "strategy_id" in df.columns and "action_id" in df.columns:
        df = df[df["strategy_id"].isna() | (df["strategy_id"] == "innovation-2020")].reset_index(drop=True)
    return df[_CAPTURED[name]["columns"]]


def template_as_before(rows: list[list[Any]]) -> list[list[Any]]:
    """Intended (#10, #13): the template gained a 戦略 column, numbers areas as the strategy prints them
    and puts the columns to fill right of the title; the ids, titles and last year's texts are compared in
    the order the capture wrote them."""
    return [[r[0], r[4], r[9], r[10]] for r in rows]


READS: dict[str, Callable[[Snapshot], Any]] = {
    "structure": lambda s: as_before("structure", followup.structure(s)),
    "owners": followup.owners,
    "entries_all": lambda s: as_before("entries_all", followup.entries(s)),
    "entries_2020": lambda s: as_before("entries_2020", followup.entries(s, 2020)),
    "entries_2021": lambda s: as_before("entries_2021", followup.entries(s, 2021)),
    "fiscal_years": followup.fiscal_years,
    # intended: completeness also lists the missing rows' ids (`missing_ids`), compared apart below
    "completeness_2020": lambda s: followup.completeness(s, 2020).drop(columns="missing_ids"),
    "completeness_2021": lambda s: followup.completeness(s, 2021).drop(columns="missing_ids"),
    "ministry_actions_MEXT_2021": lambda s: as_before(
        "ministry_actions_MEXT_2021", followup.ministry_actions(s, "MEXT", 2021)
    ),
    "status_by_pillar_2021": lambda s: followup.status_by_pillar(s, 2021),
    "entry_history": lambda s: followup.entry_history(s, "1-1-01", 2021, "MEXT"),
    # intended (#9): the KPI table also carries the calculation record's direction, base and override author
    "kpi_table": lambda s: kpi_table(s, as_of=AS_OF).drop(columns=list(KPI_RECORD_ADDED)),
    "milestones": lambda s: milestones.milestones_table(s, AS_OF),
    "agreements": international.agreements_table,
    "matrix": international.partner_area_matrix,
    "events": international.events_table,
    "frameworks": international.frameworks,
    "compare_2020_2021": lambda s: compare.compare_years(s, 2020, 2021),
    "owned_MEXT": lambda s: owners.owned_action_ids(s, "MEXT"),
    "goal_owners": owners.goal_owners,
    "owned_goals_METI": lambda s: as_before("owned_goals_METI", owners.owned_goals(s, "METI")),
    "collection_year": rounds.collection_year,
    "assessments_2021": lambda s: assessments.followup_with_assessments(s, 2021),
    "submission_history": submission_history,
    "template_rows_MEXT_2022": lambda s: template_as_before(template.followup_rows(s, "MEXT", 2022)),
    "template_kpi_METI": lambda s: template.kpi_rows(s, "METI"),
    "published_table_2020": lambda s: followup_table.published_table(s, 2020),
    "published_csv_2021": lambda s: followup_table.to_csv(s, 2021),
    "deck_fiscal_year": lambda s: briefing.deck_fiscal_year(s, AS_OF),
    "missing_rows_2021": lambda s: briefing.missing_rows(s, 2021),
    "delayed_rows_2021": lambda s: as_before("delayed_rows_2021", briefing.delayed_rows(s, 2021)),
}
for _lang in ("ja", "en"):
    for _name in figures.CHARTS:
        READS[f"chart_{_name}_{_lang}"] = lambda s, n=_name, lg=_lang: figures.build_chart(n, s, lg, AS_OF)


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gzip.decompress(GOLDEN.read_bytes()))
    return data


def scenario(store: Store) -> Snapshot:
    """The scenario of the capture, written through today's API."""
    submit_followup(store, "MEXT", 2021, FY2021_MEXT)
    submit_followup(store, "MOFA", 2021, FY2021_MOFA)
    rounds.open_round(store, 2022, User("sec", "secretariat"), dt.date(2023, 5, 31))
    assessments.assess(
        store,
        operator(),
        action_id="1-1-01",
        fiscal_year=2021,
        ministry_code="MEXT",
        status="遅延",
        comment="確認",
    )
    set_override(store, User("sec", "secretariat"), "H-USERS", "moderate", "test")
    return store.snapshot()


def _pillar_ticks(spec: dict[str, Any]) -> list[str]:
    return [str(x).replace("<br>", "") for x in spec["data"][0]["x"]]


def _bars(spec: dict[str, Any]) -> list[tuple[str, list[Any]]]:
    return [(str(tr["name"]), list(tr["y"])) for tr in spec["data"]]


def _status_annotation(spec: dict[str, Any]) -> str:
    """Remove the chart's status annotation from `spec` and return its text."""
    notes = spec["layout"]["annotations"]
    hit = next(a for a in notes if a.get("name") == "status")
    notes.remove(hit)
    return str(hit["text"])


def test_golden_file_covers_every_read(golden: dict[str, Any]) -> None:
    """The capture and this test name the same reads (plus the status report)."""
    assert set(golden) == {*READS, "status_counts"}


def test_every_read_from_a_snapshot_equals_the_store_read_before(
    store: Store, golden: dict[str, Any]
) -> None:
    """Each public read, from a snapshot, equals the value captured from the Store (both backends)."""
    snap = scenario(store)
    golden = copy.deepcopy(golden)  # module-scoped: this test takes parts out of it
    values = {name: normalise(read(snap)) for name, read in READS.items()}
    # intended (#9): the headline-users chart shows the secretariat's override (moderate) of the scenario,
    # marked, with the computed status beside it; the rest of the figure is unchanged
    for lang, label in (
        ("ja", "やや遅れ（事務局判断。算定では順調）"),
        ("en", "Moderate progress (secretariat's"),
    ):
        name = f"chart_headline-users_{lang}"
        now, then = _status_annotation(values[name]), _status_annotation(golden[name])
        assert now.startswith(label) and not then.startswith(label)
    # intended (#13): the KPI sheet names units as readers write them (count → 件, qubits → 量子ビット)
    units = {"count": "件", "qubits": "量子ビット", "persons": "人", "yen": "円", "text": "―"}
    units |= {"events_per_year": "回／年", "ratio": "倍"}
    golden["template_kpi_METI"] = [
        [*r[:2], units.get(r[2], r[2]), *r[3:]] for r in golden["template_kpi_METI"]
    ]
    golden["template_rows_MEXT_2022"] = [[r[0], r[3], r[4], r[5]] for r in golden["template_rows_MEXT_2022"]]
    # intended (#10): the pillars are labelled as the strategy prints them (「１．技術開発戦略」); the bars
    # are the same
    name = "chart_followup-status-pillar_ja"
    now_x, then_x = (_pillar_ticks(v) for v in (values[name], golden[name]))
    fullwidth = str.maketrans("0123456789", "０１２３４５６７８９")
    assert now_x == [f"{x[0].translate(fullwidth)}．{x[3:]}" for x in then_x]
    assert _bars(values[name]) == _bars(golden[name])
    values.pop(name), golden.pop(name)
    # intended (#13): the goal charts name their documents, not data/goals.csv, and kpi-progress draws a
    # goal past 150 % at its value on an axis that reaches it (tests/model/exports/test_deck_content.py)
    for chart in ("kpi-progress", "goal-status-summary"):
        for lang in ("ja", "en"):
            name = f"chart_{chart}_{lang}"
            assert "data/goals.csv" in repr(golden.pop(name)) and "data/goals.csv" not in repr(
                values.pop(name)
            )
    differ = [name for name, value in values.items() if value != golden[name]]
    assert differ == []
    report = normalise({k: v for k, v in status_report(snap).items() if k != "database"})
    before = golden["status_counts"]
    # intended: the version counts every write (seed, 2 uploads, round, assessment, override = 6), not
    # only submissions (3); the report gained the collection year and completeness per fiscal year
    assert (before.pop("store_version"), report.pop("store_version")) == (3, 6)
    # intended (#10): per strategy; the 2020 strategy's counts are those of the single strategy before
    old, new = before.pop("strategy"), report["strategies"]["innovation-2020"]
    assert {"pillars": new["areas"], "areas": new["sub_areas"]} == {k: old[k] for k in ("pillars", "areas")}
    assert all(new[k] == old[k] for k in ("tagged_actions", "sub_rows", "reportable_rows"))
    grown = {"ref_actions": (25, 54), "ref_areas": (14, 26), "ref_pillars": (5, 10)}  # + seed 004 §6
    tables, old_tables = report.pop("tables"), before.pop("tables")
    assert {k: (old_tables[k], tables[k]) for k in grown} == grown and tables["ref_strategies"] == 3
    assert {k: v for k, v in tables.items() if k in old_tables and k not in grown} == {
        k: v for k, v in old_tables.items() if k not in grown
    }
    assert {k: report[k] for k in before} == before
    assert report["completeness"]["2021"]["MOFA"] == {
        "owned": 3,
        "reported": 1,
        "missing": ["2-2-01", "5-2-01"],
    }
