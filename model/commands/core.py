"""init, status, kpi: create the store, count what it holds, show the KPI table."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model.commands._common import store_from
from model.kpi_codes import STATUSES
from model.messages import t

# `status` and `kpi` usually print the output kept for the store's version (model.commands._kept): this
# module is imported for its parsers on that path, so what needs pandas is imported where it is used.
if TYPE_CHECKING:
    from model.store import Snapshot


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "init",
        help="create the store and load data/ (idempotent)",
        description="Create the tables and load data/goals.csv and data/progress.xlsx. Running it again "
        "changes nothing unless data/ changed; then the changes are recorded as a new seed submission.",
    )
    p.set_defaults(run=run_init)

    p = sub.add_parser(
        "status",
        help="counts per table, ministry and fiscal year",
        description="Counts per table, per ministry (actions owned) and per fiscal year. The output is kept "
        "for the store version: run again before the store changes, it is printed without deriving it.",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument(
        "--recompute",
        action="store_true",
        help="derive the output again instead of printing the one kept for this store version",
    )
    p.set_defaults(run=run_status, keep=lambda args: True)

    p = sub.add_parser(
        "backup",
        help="copy the whole store into a new SQLite file (safe while the dashboard writes)",
        description="Copy the whole store into a new SQLite file: SQLite's online backup API for the "
        "embedded store, a consistent logical copy for PostgreSQL. `restore` puts it back into an empty "
        "database.",
    )
    p.add_argument("--out", required=True, help="the backup file to create, e.g. backup-2026-11-24.sqlite3")
    p.set_defaults(run=run_backup)

    p = sub.add_parser(
        "restore",
        help="fill an empty database from a backup file",
        description="Fill an empty database (SQLite or PostgreSQL, from --database-url or DATABASE_URL) "
        "with the store in a file written by `backup`. A database that already holds a store is refused.",
    )
    p.add_argument("file", help="the backup file")
    p.set_defaults(run=run_restore)

    p = sub.add_parser(
        "kpi",
        help="the KPI table with status and projection; `kpi override` sets the secretariat's status",
        description="Every goal with observations: latest value, % of target, actual and required "
        "growth, status and projected year of attainment (--json: with each goal's calculation record). "
        "`kpi override GOAL_ID --status S --reason TEXT [--user U]` records the secretariat's status for a "
        "goal; `kpi override GOAL_ID --clear --reason TEXT` removes it (both kept in the history).",
    )
    p.add_argument("action", nargs="?", choices=["override"], help="override: set or clear a status")
    p.add_argument("goal_id", nargs="?", help="the goal of `override`, e.g. H-USERS")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument(
        "--as-of", help="assess as of this date (default today), e.g. 2026-03-31 or 令和8年3月31日"
    )
    p.add_argument("--all", action="store_true", help="include goals without any observation")
    p.add_argument("--status", choices=list(STATUSES), help="override: the secretariat's status")
    p.add_argument("--clear", action="store_true", help="override: remove the secretariat's status")
    p.add_argument("--reason", default="", help="override: why (required with --status)")
    p.add_argument("--user", help="override: the account acting (default: the server's operator)")
    p.add_argument(
        "--recompute",
        action="store_true",
        help="derive the output again instead of printing the one kept for this store version",
    )
    p.set_defaults(run=run_kpi, keep=lambda args: args.action is None)


def run_init(args: argparse.Namespace) -> int:
    store = store_from(args)
    outcome = store.init()
    print(t(f"cli.init.{outcome}", args.lang, url=store.engine.url.render_as_string(hide_password=True)))
    return 0


def run_backup(args: argparse.Namespace) -> int:
    version = store_from(args).backup(Path(args.out))
    print(t("cli.backup.done", args.lang, path=args.out, version=version))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    store = store_from(args)
    version = store.restore(Path(args.file))
    print(
        t(
            "cli.restore.done",
            args.lang,
            path=args.file,
            version=version,
            url=store.engine.url.render_as_string(hide_password=True),
        )
    )
    return 0


def status_report(snap: Snapshot) -> dict[str, Any]:
    """What the store holds at one version: the numbers `status` prints (also used by tests)."""
    from collections import Counter

    from model import followup, strategy
    from model.reporting.rounds import collection_year
    from model.strategy import registry

    actions = strategy.actions(snap)
    ministries = registry(snap)
    owners = strategy.owners(snap)
    tagged = owners[owners["tagged"]]
    reportable_ids = set(strategy.reportable(actions)["action_id"])
    entries = snap.followup()
    tagged_n = Counter(tagged["ministry_code"].tolist())
    reportable_n = Counter(
        m
        for a, m in zip(owners["action_id"].tolist(), owners["ministry_code"].tolist(), strict=True)
        if a in reportable_ids
    )
    entries_n = Counter(entries["ministry_code"].tolist())
    per_ministry = {
        m.code: {
            "tag": m.tag,
            "name_ja": m.name_ja,
            "name_en": m.name_en,
            "tagged_actions": tagged_n[m.code],
            "reportable_rows": reportable_n[m.code],
            "entries": entries_n[m.code],
        }
        for m in ministries
    }
    per_year: dict[str, Any] = {}
    for fy, group in entries.groupby("fiscal_year"):
        per_year[str(int(str(fy)))] = {
            "entries": len(group),
            "actions_covered": int(group["action_id"].nunique()),
            "by_ministry": {
                str(k): int(v) for k, v in group["ministry_code"].value_counts().sort_index().items()
            },
            "by_status": {str(k): int(v) for k, v in group["status"].fillna("none").value_counts().items()},
        }
    goals = strategy.goals(snap)
    obs = snap.kpi_observations()
    collecting = collection_year(snap)
    return {
        "database": snap.url,
        "store_version": snap.version,
        "strategies": strategy_counts(snap),
        "goals": {str(k): int(v) for k, v in goals["kind"].value_counts().sort_index().items()},
        "kpi_observations": {"total": len(obs), "sample": int(obs["sample"].sum())},
        "ministries": per_ministry,
        "fiscal_years": per_year,
        "collection_year": collecting,
        "completeness": {
            str(fy): _completeness(snap, fy) for fy in sorted({*followup.fiscal_years(snap), collecting})
        },
        "tables": table_counts(snap),
    }


def strategy_counts(snap: Snapshot) -> dict[str, Any]:
    """Per strategy, as it stands now: its areas, sub-areas, actions in force, and their owners."""
    from model import strategy
    from model.followup import structure

    st = structure(snap)
    st = st[st["in_force"]]
    goals = strategy.goals(snap)
    areas = snap.table("areas").merge(snap.table("pillars")[["pillar_id", "strategy_id"]], on="pillar_id")
    out: dict[str, Any] = {}
    for s in strategy.strategies(snap).to_dict("records"):
        sid = str(s["strategy_id"])
        mine = st[st["strategy_id"] == sid]
        top = mine[mine["parent_id"].isna()]
        rep = mine[mine["reportable"]]
        owned = rep[[len(c) > 0 for c in rep["owner_codes"]]]
        per_ministry: dict[str, int] = {}
        for codes in rep["owner_codes"]:
            for code in codes:
                per_ministry[code] = per_ministry.get(code, 0) + 1
        out[sid] = {
            "title_ja": s["title_ja"],
            "title_en": s["title_en"],
            "date": s["date"],
            "from_fy": int(s["from_fy"]),
            "areas": int(mine["pillar_id"].nunique()),
            "sub_areas": int(((areas["strategy_id"] == sid) & (areas["no"] > 0)).sum()),
            "actions": len(top),
            "tagged_actions": int((top["ministries_tag"].notna()).sum()),
            "sub_rows": int(mine["parent_id"].notna().sum()),
            "reportable_rows": len(rep),
            "with_owners": len(owned),
            "without_owners": len(rep) - len(owned),
            "reportable_rows_per_ministry": dict(sorted(per_ministry.items())),
            "goals": int((goals["strategy_id"] == sid).sum()),
        }
    return out


def _completeness(snap: Snapshot, fiscal_year: int) -> dict[str, Any]:
    """Per ministry: rows owned, reported, missing (model.followup.completeness, the one definition)."""
    from model.followup import completeness

    comp = completeness(snap, fiscal_year)
    return {
        str(r["ministry_code"]): {
            "owned": int(r["owned"]),
            "reported": int(r["reported"]),
            "missing": list(r["missing_ids"]),
        }
        for r in comp.to_dict("records")
    }


def table_counts(snap: Snapshot) -> dict[str, int]:
    """Rows per stored table at the snapshot's version (reference tables, submissions, versions)."""
    from model.store import REFERENCE_TABLES

    out = {f"ref_{name}": len(snap.table(name)) for name in REFERENCE_TABLES}
    out["submissions"] = len(snap.submissions())
    out["followup_versions"] = len(snap.history("followup"))
    out["kpi_versions"] = len(snap.history("kpi"))
    return out


def run_status(args: argparse.Namespace) -> int:
    from model.commands._common import emit_json, snapshot_from

    report = status_report(snapshot_from(args))
    if args.json:
        emit_json(report)
        return 0
    print(f"database: {report['database']}  (store version {report['store_version']})")
    for sid, s in report["strategies"].items():
        print(
            f"{s['title_ja']} ({sid}): {s['areas']} areas, {s['sub_areas']} sub-areas, "
            f"{s['actions']} actions ({s['tagged_actions']} with owners) + {s['sub_rows']} sub rows "
            f"= {s['reportable_rows']} reportable rows, {s['without_owners']} without owners, "
            f"{s['goals']} goals"
        )
    print("goals: " + ", ".join(f"{k} {v}" for k, v in report["goals"].items()))
    o = report["kpi_observations"]
    print(f"KPI observations: {o['total']} ({o['sample']} sample)")
    print("ministries (tagged actions / reportable rows / entries):")
    for code, m in report["ministries"].items():
        counts = f"{m['tagged_actions']:>4}{m['reportable_rows']:>5}{m['entries']:>5}"
        print(f"  {m['tag']:<6}{code:<6}{counts}  {m['name_ja']}")
    print("fiscal years:")
    for fy, y in report["fiscal_years"].items():
        print(f"  {fy}: {y['entries']} entries over {y['actions_covered']} rows")
    print("tables: " + ", ".join(f"{k} {v}" for k, v in report["tables"].items()))
    return 0


def run_kpi(args: argparse.Namespace) -> int:
    if args.action == "override":
        return _run_override(args)
    import pandas as pd

    from model.calendar_ja import parse_date
    from model.commands._common import emit_json, records, snapshot_from
    from model.format import format_pct, format_value
    from model.goals import calculation_record, kpi_table, status_label

    as_of = parse_date(args.as_of) if args.as_of else None
    table = kpi_table(snapshot_from(args, followup=False), as_of=as_of, with_observations_only=not args.all)
    if args.json:
        rows = records(table)
        for row, record in zip(rows, table.to_dict("records"), strict=True):
            row["calculation"] = calculation_record(record)
        emit_json(rows)
        return 0
    title = "title_en" if args.lang == "en" else "title_ja"
    view = pd.DataFrame(
        {
            "id": table["goal_id"],
            "title": table[title].str.slice(0, 28),
            "latest": [
                format_value(v, u, args.lang)
                for v, u in zip(table["latest_value"], table["unit"], strict=True)
            ],
            "target": [
                format_value(v, u, args.lang)
                for v, u in zip(table["target_value"], table["unit"], strict=True)
            ],
            "%": [format_pct(v) for v in table["pct_of_target"]],
            "status": [status_label(r, args.lang) for r in table.to_dict("records")],
            "projected": table["projected_year"].map(lambda y: "—" if pd.isna(y) else str(int(y))),
            "sample": table["sample"].map({True: t("sample.badge", args.lang), False: ""}),
        }
    )
    print(view.to_string(index=False))
    return 0


def _run_override(args: argparse.Namespace) -> int:
    """`kpi override GOAL_ID --status S --reason TEXT [--user U]` or `--clear`: secretariat only."""
    from model.auth import get_user, operator
    from model.errors import AppError
    from model.goals import set_override

    if not args.goal_id:
        raise AppError("err.override.goal_missing")
    if bool(args.status) == bool(args.clear):
        raise AppError("err.override.status_or_clear")
    store = store_from(args)
    user = get_user(store.snapshot(), args.user) if args.user else operator()
    set_override(store, user, args.goal_id, None if args.clear else args.status, args.reason)
    done = "cli.override.cleared" if args.clear else "cli.override.set"
    print(t(done, args.lang, goal=args.goal_id, status=t(f"status.{args.status}", args.lang), user=user.name))
    return 0
