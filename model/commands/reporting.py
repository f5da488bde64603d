"""round, template, validate, submit, history, withdraw, user: the reporting cycle without a screen.

The same functions as the upload page (model/reporting); the command line acts as the secretariat
(`model.auth.operator`) except for `submit`, which acts as the named user and is checked like the page.
What users wrote (texts, file names, user names) reaches the terminal through `model.text.one_line` and
`--json` through `model.text.json_safe`: no control or bidirectional character is printed as such.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from model.auth import add_user, get_user, list_users, operator, set_disabled
from model.calendar_ja import format_timestamp, parse_date, parse_fiscal_year
from model.commands._common import emit_json, records, snapshot_from, store_from
from model.errors import AppError
from model.messages import t
from model.reporting.commit import committed_message, row_history, submission_history, submit_file, withdraw
from model.reporting.receipts import receipt_of, receipts
from model.reporting.rounds import close_round, open_round, round_progress
from model.reporting.template import issue_template
from model.reporting.upload import Upload, check_upload
from model.store import Snapshot
from model.strategy import registry
from model.text import one_line


def _fy(text: str) -> int:
    try:
        return parse_fiscal_year(text)
    except AppError as err:
        raise argparse.ArgumentTypeError(err.render("ja")) from err


def add_parser(sub: Any) -> None:
    p = sub.add_parser("round", help="open or close a collection round, or show who has reported")
    p.add_argument("action", choices=["open", "close", "status"])
    p.add_argument("--fiscal-year", type=_fy, required=True, help="e.g. 2025, 2025年度 or 令和7年度")
    p.add_argument("--deadline", help="optional deadline when opening, e.g. 2026-05-31 or 令和8年5月31日")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_round)

    p = sub.add_parser("template", help="write a ministry's .xlsx template for a round")
    p.add_argument("--ministry", required=True, help="seed tag (文) or code (MEXT)")
    p.add_argument("--fiscal-year", type=_fy, required=True)
    p.add_argument("--out", required=True, type=Path, help="file to write (.xlsx)")
    p.set_defaults(run=run_template)

    for name, helptext in (
        ("validate", "check a filled template; exit 0 valid, 1 invalid (nothing is stored)"),
        ("submit", "validate and commit a filled template; exit 0 committed, 1 rejected (nothing stored)"),
    ):
        p = sub.add_parser(name, help=helptext, description=helptext)
        p.add_argument("file", type=Path)
        p.add_argument("--ministry", required=True, help="seed tag (文) or code (MEXT)")
        p.add_argument("--fiscal-year", type=_fy, help="the year being collected (default: the file's)")
        p.add_argument(
            "--json", action="store_true", help='print {"ok": …, "errors": [{sheet, row, column, message}]}'
        )
        if name == "submit":
            p.add_argument("--user", required=True, help="the submitting user (see `user add`)")
        p.set_defaults(run=run_validate if name == "validate" else run_submit)

    p = sub.add_parser(
        "history",
        help="submissions (uploads and withdrawals), newest first; with --action, every version of a row",
    )
    p.add_argument("--ministry", help="only this ministry")
    p.add_argument("--action", help="every version of this row (取組ID), oldest first")
    p.add_argument("--fiscal-year", type=_fy, help="with --action: only this fiscal year")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_history)

    p = sub.add_parser("withdraw", help="withdraw a submission: restore the versions before it")
    p.add_argument("id", type=int)
    p.add_argument("--user", help="act as this user (default: the command-line operator, secretariat)")
    p.add_argument("--note", help="why")
    p.set_defaults(run=run_withdraw)

    p = sub.add_parser("user", help="local accounts: add, list, disable, enable")
    p.add_argument("action", choices=["add", "list", "disable", "enable"])
    p.add_argument("name", nargs="?")
    p.add_argument("--role", choices=["secretariat", "editor", "viewer"], default="editor")
    p.add_argument("--ministry", help="the editor's ministry (tag or code)")
    p.add_argument(
        "--no-password", action="store_true", help="an account that logs in through OIDC only (name = e-mail)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_user)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise AppError("err.file_unreadable", file=str(path), detail=exc.strerror or str(exc)) from exc


def run_round(args: argparse.Namespace) -> int:
    store = store_from(args)
    fy = int(args.fiscal_year)
    if args.action == "status":
        table = round_progress(store.snapshot(), fy)
        if args.json:
            emit_json(records(table))
        else:
            for r in table.to_dict("records"):
                missing = ", ".join(r["missing"]) or "—"
                print(
                    f"{r['tag']:<6}{r['ministry_code']:<6}{r['arrived']:>3}/{r['owed']:<3} missing: {missing}"
                )
        return 0
    user = operator()
    if args.action == "open":
        deadline = parse_date(args.deadline) if args.deadline else None
        open_round(store, fy, user, deadline)
        print(t("round.opened", args.lang, fy=fy))
    else:
        close_round(store, fy, user)
        print(t("round.closed", args.lang, fy=fy))
    return 0


def run_template(args: argparse.Namespace) -> int:
    data = issue_template(store_from(args), operator(), args.ministry, int(args.fiscal_year))
    try:
        args.out.write_bytes(data)
    except OSError as exc:
        raise AppError("err.file_unreadable", file=str(args.out), detail=exc.strerror or str(exc)) from exc
    print(str(args.out))
    return 0


def _print_upload(up: Upload, args: argparse.Namespace, extra: dict[str, Any] | None = None) -> None:
    if args.json:
        emit_json({**up.report(), **(extra or {})})
        return
    if not up.ok:
        print(t("up.rejected", args.lang, n=len(up.problems)), file=sys.stderr)
        for p in up.problems:
            print(f"  {one_line(str(p))}", file=sys.stderr)
    elif up.preview is not None and not extra:
        print(t("up.valid", args.lang, **up.preview.counts()))


def run_validate(args: argparse.Namespace) -> int:
    store = store_from(args)
    up = check_upload(
        store.snapshot(),
        _read(args.file),
        args.file.name,
        args.ministry,
        fiscal_year=args.fiscal_year,
        lang=args.lang,
    )
    _print_upload(up, args)
    return 0 if up.ok else 1


def run_submit(args: argparse.Namespace) -> int:
    store = store_from(args)
    user = get_user(store.snapshot(), args.user)
    up, outcome = submit_file(
        store,
        _read(args.file),
        args.file.name,
        args.ministry,
        user,
        fiscal_year=args.fiscal_year,
        lang=args.lang,
    )
    receipt = None
    if outcome is not None and outcome.submission_id is not None:
        receipt = receipt_of(store.snapshot(), outcome.submission_id)
    _print_upload(up, args, {"submission_id": outcome.submission_id if outcome else None, "receipt": receipt})
    if outcome is None:
        return 1
    if not args.json:
        print(committed_message(outcome, args.lang), t("rm.receipt", args.lang, receipt=receipt))
    return 0


def run_history(args: argparse.Namespace) -> int:
    snap = snapshot_from(args)
    code = registry(snap).get(args.ministry).code if args.ministry else None
    if args.action:
        return _row_history(snap, args, code)
    table = submission_history(snap, code)
    table = table.assign(receipt=receipts(table) if len(table) else None)
    cols = ["id", "receipt", "kind", "ministry_code", "fiscal_year", "user_name", "created_at", "file_name"]
    cols += ["n_added", "n_changed", "n_unchanged", "outcome", "withdraws_id"]
    if args.json:
        emit_json(records(table[cols]))
        return 0
    for r in records(table[cols]):
        when = format_timestamp(r["created_at"], args.lang)  # Japan time
        counts = f"+{r['n_added']} ~{r['n_changed']} ={r['n_unchanged']}"
        extra = f" withdraws #{int(r['withdraws_id'])}" if r["kind"] == "withdrawal" else ""
        print(
            f"#{r['id']:<5}{r['receipt']:<13}{r['kind']:<11}{r['ministry_code'] or '':<6}"
            f"{_int(r['fiscal_year']):<6}{one_line(str(r['user_name'])):<20}{when}  {counts}  "
            f"{r['outcome']}{extra}  {one_line(r['file_name'] or '')}"
        )
    return 0


def _row_history(snap: Snapshot, args: argparse.Namespace, code: str | None) -> int:
    versions = row_history(snap, args.action, args.fiscal_year, code)
    cols = ["submission_id", "fiscal_year", "ministry_code", "status", "deleted", "user_name", "created_at"]
    cols += ["progress_ja", "next_ja"]
    if args.json:
        emit_json(records(versions[cols]))
        return 0
    for r in records(versions[cols]):
        state = " (deleted)" if r["deleted"] else ""
        text = one_line(str(r["progress_ja"] or ""), 60)
        print(
            f"#{r['submission_id']:<5}{r['fiscal_year']:<6}{r['ministry_code']:<7}{r['status'] or '—':<6}"
            f"{one_line(str(r['user_name'])):<16}{format_timestamp(r['created_at'], args.lang)}{state}  "
            f"{text}"
        )
    return 0


def _int(value: Any) -> str:
    return "" if value is None else str(int(value))


def run_withdraw(args: argparse.Namespace) -> int:
    store = store_from(args)
    user = get_user(store.snapshot(), args.user) if args.user else operator()
    outcome = withdraw(store, args.id, user, args.note)
    print(
        t(
            "withdraw.done",
            args.lang,
            id=args.id,
            new=outcome.submission_id,
            n=outcome.changed + outcome.added,
        )
    )
    return 0


def _password() -> str:
    env = os.environ.get("QF_PASSWORD")
    if env:
        return env
    if sys.stdin.isatty():
        return getpass.getpass("password: ")
    line = sys.stdin.readline().rstrip("\n")
    if not line:
        raise AppError("err.auth.password_required")
    return line


def run_user(args: argparse.Namespace) -> int:
    store = store_from(args)
    by = operator()
    if args.action == "list":
        table = list_users(store.snapshot())
        if args.json:
            emit_json(records(table))
        else:
            for r in table.to_dict("records"):
                state = "disabled" if r["disabled"] else "active"
                print(f"{one_line(str(r['name'])):<32}{r['role']:<12}{r['ministry_code'] or '':<8}{state}")
        return 0
    if not args.name:
        raise AppError("err.auth.bad_name")
    if args.action == "add":
        ministry = registry(store.snapshot()).get(args.ministry).code if args.ministry else None
        password = None if args.no_password else _password()
        add_user(store, args.name, args.role, password=password, ministry_code=ministry, by=by)
        print(t("user.added", args.lang, user=one_line(args.name), role=args.role))
    else:
        set_disabled(store, args.name, args.action == "disable", by=by)
        print(t(f"user.{args.action}d", args.lang, user=one_line(args.name)))
    return 0
