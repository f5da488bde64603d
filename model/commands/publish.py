"""publish: the secretariat publishes a fiscal year (公表), or lists each year's publication state.
The same functions as the rounds page (model/reporting/publication.py)."""

from __future__ import annotations

import argparse
from typing import Any

from model.auth import get_user, operator
from model.commands._common import emit_json, records, snapshot_from, store_from
from model.messages import t
from model.reporting.publication import publish, status_rows
from model.reporting.rounds import list_rounds


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "publish",
        help="publish a fiscal year (secretariat), or --status: each year's publication state",
        description=(
            "--fiscal-year Y [--note TEXT]: publish the year at the current version (every row must be "
            "確定); --status [--fiscal-year Y]: each year's state (published / changed / provisional). Acts "
            "as the command-line operator (secretariat) or --user U."
        ),
    )
    p.add_argument("--fiscal-year", type=int)
    p.add_argument("--note", default=None)
    p.add_argument("--status", action="store_true", help="list, do not publish")
    p.add_argument("--user", help="act as this user (default: the command-line operator, secretariat)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_publish)


def run_publish(args: argparse.Namespace) -> int:
    if args.status or args.fiscal_year is None:
        snap = snapshot_from(args)
        years = sorted(
            {*snap.followup()["fiscal_year"].astype(int), *list_rounds(snap)["fiscal_year"].astype(int)}
        )
        if args.fiscal_year is not None:
            years = [args.fiscal_year]
        rows = status_rows(snap, years)
        if args.json:
            emit_json({"store_version": snap.version, "years": records(rows)})
            return 0
        if rows.empty:
            print(t("pub.cli.none", args.lang))
        for r in rows.to_dict("records"):
            pinned = "" if r["pinned_version"] is None else f"  v{r['pinned_version']}"
            state = t(f"pub.state.{r['state']}", args.lang)
            print(f"{r['fiscal_year']}  {state}  {r['accepted']}/{r['rows']}{pinned}")
        return 0
    store = store_from(args)
    user = get_user(store.snapshot(), args.user) if args.user else operator()
    done = publish(store, user, args.fiscal_year, args.note)
    if args.json:
        emit_json(
            {
                "ok": True,
                "fiscal_year": done.fiscal_year,
                "pinned_version": done.pinned_version,
                "store_version": done.version,
            }
        )
    else:
        print(t("pub.done", args.lang, fy=done.fiscal_year, pinned=done.pinned_version, version=done.version))
    return 0
