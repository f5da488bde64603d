"""publish-data: the open-data bundle of one fiscal year (Frictionless Data Package, CSV + JSON)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from model.calendar_ja import format_fy, parse_date, parse_fiscal_year
from model.commands._common import snapshot_from
from model.messages import t


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "publish-data",
        help="open data of a fiscal year: long-format CSV (UTF-8 BOM) + JSON + datapackage.json",
        description="Write, from one snapshot, the follow-up entries of the fiscal year (one row per "
        "action × ministry, the text one line per row), KPI observations and calculation records, goals, "
        "milestones, agreements and the strategy structure as CSV and JSON, with the field definitions, "
        "the update history and a Frictionless datapackage.json. The folder is written all at once; an "
        "earlier bundle in it is replaced, any other non-empty folder is refused.",
    )
    p.add_argument("--fiscal-year", required=True, help="e.g. 2020 or 令和2年度")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--as-of", help="as-of date of the KPI and milestone status (default today)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from model.opendata import build_bundle, write_bundle

    fy = parse_fiscal_year(args.fiscal_year)
    as_of = parse_date(args.as_of) if args.as_of else dt.date.today()
    out = Path(args.out)
    snap = snapshot_from(args)
    bundle = build_bundle(snap, fy, as_of=as_of)
    write_bundle(bundle, out)
    fy_text = format_fy(fy, args.lang)
    print(
        t("cli.od.written", args.lang, path=out, fy=fy_text, tables=len(bundle.tables), version=snap.version)
    )
    return 0
