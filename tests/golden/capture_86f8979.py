"""How tests/golden/reads.json.gz was made: the Store-based reads of commit 86f8979, before snapshots.

Kept as the record of what was captured; it runs only against that commit's API
(`python tests/golden/capture_86f8979.py OUT.json` on a checkout of 86f8979)."""

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, "/work/main")
from model import compare, figures, followup, international, milestones
from model.auth import operator
from model.commands.core import status_report
from model.exports import briefing, followup_table
from model.goals import kpi_table
from model.reporting import assessments, owners, rounds, template
from model.reporting.commit import submission_history
from model.store import Store
from tests.conftest import submit_followup
from tests.golden.scenario import AS_OF, FY2021_MEXT, FY2021_MOFA, normalise

tmp = Path(tempfile.mkdtemp())
s = Store(f"sqlite:///{tmp / 'g.sqlite3'}")
s.init()
submit_followup(s, "MEXT", 2021, FY2021_MEXT)
submit_followup(s, "MOFA", 2021, FY2021_MOFA)
rounds.open_round(s, 2022, "sec", dt.date(2023, 5, 31))
assessments.assess(
    s, operator(), action_id="1-1-01", fiscal_year=2021, ministry_code="MEXT", status="遅延", comment="確認"
)
s.set_status_override("H-USERS", "moderate", "test", "sec")

reads = {
    "structure": lambda: followup.structure(s),
    "owners": lambda: followup.owners(s),
    "entries_all": lambda: followup.entries(s),
    "entries_2020": lambda: followup.entries(s, 2020),
    "entries_2021": lambda: followup.entries(s, 2021),
    "fiscal_years": lambda: followup.fiscal_years(s),
    "completeness_2020": lambda: followup.completeness(s, 2020),
    "completeness_2021": lambda: followup.completeness(s, 2021),
    "ministry_actions_MEXT_2021": lambda: followup.ministry_actions(s, "MEXT", 2021),
    "status_by_pillar_2021": lambda: followup.status_by_pillar(s, 2021),
    "entry_history": lambda: followup.entry_history(s, "1-1-01", 2021, "MEXT"),
    "kpi_table": lambda: kpi_table(s, as_of=AS_OF),
    "milestones": lambda: milestones.milestones_table(s, AS_OF),
    "agreements": lambda: international.agreements_table(s),
    "matrix": lambda: international.partner_area_matrix(s),
    "events": lambda: international.events_table(s),
    "frameworks": lambda: international.frameworks(s),
    "compare_2020_2021": lambda: compare.compare_years(s, 2020, 2021),
    "owned_MEXT": lambda: owners.owned_action_ids(s, "MEXT"),
    "goal_owners": lambda: owners.goal_owners(s),
    "owned_goals_METI": lambda: owners.owned_goals(s, "METI"),
    "collection_year": lambda: rounds.collection_year(s),
    "assessments_2021": lambda: assessments.followup_with_assessments(s, 2021),
    "submission_history": lambda: submission_history(s),
    "template_rows_MEXT_2022": lambda: template.followup_rows(s, "MEXT", 2022),
    "template_kpi_METI": lambda: template.kpi_rows(s, "METI"),
    "published_table_2020": lambda: followup_table.published_table(s, 2020),
    "published_csv_2021": lambda: followup_table.to_csv(s, 2021),
    "deck_fiscal_year": lambda: briefing.deck_fiscal_year(s, AS_OF),
    "missing_rows_2021": lambda: briefing.missing_rows(s, 2021),
    "delayed_rows_2021": lambda: briefing.delayed_rows(s, 2021),
}
for lang in ("ja", "en"):
    for name in figures.CHARTS:
        reads[f"chart_{name}_{lang}"] = lambda n=name, lg=lang: figures.build_chart(n, s, lg, AS_OF)
out = {k: normalise(f()) for k, f in reads.items()}
st = status_report(s)
out["status_counts"] = normalise({k: v for k, v in st.items() if k not in ("database",)})
Path(sys.argv[1]).write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True))
print(len(out), "reads captured")
