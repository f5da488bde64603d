"""review: the secretariat returns (with a comment) or accepts entries, or shows each row's state.
The same functions as the pages (model/reporting/review.py)."""

from __future__ import annotations

import argparse
from typing import Any

from model.auth import get_user, operator
from model.commands._common import emit_json, records, snapshot_from, store_from
from model.errors import AppError
from model.messages import t
from model.reporting.review import Decision, decide, entry_states
from model.strategy import registry
from model.text import one_line


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "review",
        help="return or accept follow-up entries (secretariat), or list their review state",
        description=(
            "status --fiscal-year Y [--ministry M] [--json] | return --fiscal-year Y --row A --ministry M "
            "--comment TEXT | accept --fiscal-year Y --ministry M [--row A …] (default: every submitted row "
            "of the ministry). Acts as the command-line operator (secretariat) or --user U."
        ),
    )
    p.add_argument("action", choices=["status", "return", "accept"])
    p.add_argument("--fiscal-year", type=int, required=True)
    p.add_argument("--ministry", help="tag, code or name")
    p.add_argument("--row", dest="rows", action="append", default=[], help="an action id (repeatable)")
    p.add_argument("--comment", default="", help="return: what to fix")
    p.add_argument("--user", help="act as this user (default: the command-line operator, secretariat)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_review)


def run_review(args: argparse.Namespace) -> int:
    snap = snapshot_from(args)
    code = registry(snap).get(args.ministry).code if args.ministry else None
    states = entry_states(snap, args.fiscal_year)
    if code is not None:
        states = states[states["ministry_code"] == code]
    if args.action == "status":
        if args.json:
            emit_json({"store_version": snap.version, "rows": records(states)})
            return 0
        for r in states.to_dict("records"):
            state = t(f"rv.state.{r['state']}", args.lang)
            comment = f"  {r['comment']}" if isinstance(r["comment"], str) else ""
            print(one_line(f"{r['action_id']:<12}{r['ministry_code']:<6}{state}{comment}"))
        return 0
    if code is None:
        raise AppError("err.review.nothing")
    decision = "returned" if args.action == "return" else "accepted"
    ids = args.rows or states.loc[states["state"].isin(["submitted", "resubmitted"]), "action_id"].tolist()
    store = store_from(args)
    user = get_user(store.snapshot(), args.user) if args.user else operator()
    rows = [Decision(str(a), code, args.comment) for a in ids]
    version = decide(store, user, args.fiscal_year, decision, rows)
    if args.json:
        emit_json({"ok": True, "store_version": version, "decision": decision, "rows": ids})
    else:
        print(t(f"rv.done.{decision}", args.lang, n=len(rows), version=version))
    return 0
