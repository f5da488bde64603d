"""remind: who still owes rows for a round (未提出・差戻し), as a list, and by e-mail with --send.

The same functions as the rounds page (model/reporting/reminders.py). Acts as the command-line operator
(secretariat). Exit 0 when every reminder was sent (or, without --send, always); 1 when one failed.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from model.auth import operator
from model.calendar_ja import format_date, format_timestamp, parse_date, parse_fiscal_year
from model.commands._common import emit_json, records, store_from
from model.errors import AppError
from model.messages import t
from model.reporting.deadlines import days_left_text
from model.reporting.mail import smtp_settings
from model.reporting.reminders import (
    Reminder,
    SendResult,
    error_text,
    list_file,
    plan,
    reminder_history,
    result_text,
    send_reminders,
    set_contact,
)
from model.strategy import registry
from model.text import one_line


def _fy(text: str) -> int:
    try:
        return parse_fiscal_year(text)
    except AppError as err:
        raise argparse.ArgumentTypeError(err.render("ja")) from err


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "remind",
        help="remind ministries of rows not submitted or returned: a list, or e-mails with --send",
        description=(
            "--fiscal-year Y [--ministry M] [--out list.xlsx|list.csv] [--send] [--json] | --history | "
            "--contact M --email ADDR[,ADDR]. E-mail settings: QF_SMTP_HOST, QF_SMTP_PORT, QF_SMTP_SECURITY "
            "(starttls|tls|none), QF_SMTP_SENDER, QF_SMTP_USER, QF_SMTP_PASSWORD (see the README)."
        ),
    )
    p.add_argument("--fiscal-year", type=_fy, help="the round, e.g. 2026 or 令和8年度")
    p.add_argument("--ministry", help="only this ministry (tag, code or name)")
    p.add_argument("--send", action="store_true", help="e-mail each ministry (recorded, sent or failed)")
    p.add_argument("--out", type=Path, help="write the list (.csv or .xlsx)")
    p.add_argument("--as-of", help="count open days from this date (default: today in Japan)")
    p.add_argument("--history", action="store_true", help="the reminders recorded, newest first")
    p.add_argument("--contact", metavar="MINISTRY", help="set this ministry's contact addresses (--email)")
    p.add_argument("--email", default="", help="with --contact: addresses, comma-separated ('' removes)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_remind)


def _reminder_json(r: Reminder, lang: str) -> dict[str, Any]:
    data = dataclasses.asdict(r)
    data["days_left_text"] = days_left_text(r.days_left, r.past, lang)
    data["ministry"] = r.ministry(lang)
    return data


def _result_json(res: SendResult, lang: str) -> dict[str, Any]:
    return {
        "ministry_code": res.ministry_code,
        "outcome": "sent" if res.sent else "failed",
        "recipients": list(res.recipients),
        "rows": res.n_rows,
        "error": None if res.error is None else res.error.msg_id,
        "message": None if res.error is None else res.error.render(lang),
    }


def run_remind(args: argparse.Namespace) -> int:
    store = store_from(args)
    lang = args.lang
    if args.contact:
        addresses = set_contact(store, operator(), args.contact, args.email)
        name = registry(store.snapshot()).get(args.contact).label(lang)
        print(t("rm.cli.contact_set", lang, ministry=name, addresses=", ".join(addresses) or "—"))
        return 0
    if args.history:
        return _history(args)
    if args.fiscal_year is None:
        raise AppError("err.rm.fy_required")
    fy = int(args.fiscal_year)
    today = parse_date(args.as_of) if args.as_of else None
    snap = store.snapshot()
    reminders = plan(snap, fy, today, args.ministry)
    if args.out is not None:
        _write(args.out, reminders, lang)
    results = (
        send_reminders(store, operator(), fy, smtp_settings(), today=today, ministry=args.ministry)
        if args.send
        else None
    )
    if args.json:
        payload: dict[str, Any] = {
            "fiscal_year": fy,
            "store_version": snap.version,
            "reminders": [_reminder_json(r, lang) for r in reminders],
        }
        if results is not None:
            payload["sent"] = [_result_json(r, lang) for r in results]
        emit_json(payload)
    else:
        _print_plan(reminders, lang)
        if results is None:
            print(t("rm.cli.not_sent", lang))
        else:
            after = store.snapshot()
            for res in results:
                print(one_line(result_text(res, after, lang)))
    return 0 if results is None or all(r.sent for r in results) else 1


def _write(out: Path, reminders: list[Reminder], lang: str) -> None:
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        raise AppError("err.rm.out_suffix", path=str(out))
    try:
        out.write_bytes(list_file(reminders, fmt, lang))
    except OSError as exc:
        raise AppError("err.file_unreadable", file=str(out), detail=exc.strerror or str(exc)) from exc
    print(t("rm.cli.list_written", lang, path=str(out), n=sum(len(r.rows) for r in reminders)))


def _print_plan(reminders: list[Reminder], lang: str) -> None:
    if not reminders:
        print(t("rm.ui.nothing_owed", lang))
    for r in reminders:
        to = ", ".join(r.recipients) or t("rm.no_contact", lang)
        when = format_date(r.deadline, lang)
        left = days_left_text(r.days_left, r.past, lang)
        print(one_line(f"{r.ministry(lang)} <{to}>  {when} ({left})  {len(r.rows)}/{r.total}"))
        for row in r.rows:
            state = t(f"rv.state.{row.state}", lang)
            comment = f"  — {row.comment}" if row.comment else ""
            print("  " + one_line(f"{row.action_id:<12}{state}  {row.title}{comment}", 160))


def _history(args: argparse.Namespace) -> int:
    snap = store_from(args).snapshot()
    table = reminder_history(snap, args.fiscal_year)
    lang = args.lang
    if args.json:
        out = records(table)
        for r in out:
            r["error_message"] = error_text(r["error"], r["error_detail"], lang) or None
        emit_json(out)
        return 0
    names = {m.code: m.label(lang) for m in registry(snap)}
    for r in records(table):
        outcome = t(f"rm.outcome.{r['outcome']}", lang)
        error = error_text(r["error"], r["error_detail"], lang)
        print(
            one_line(
                f"{format_timestamp(r['created_at'], lang)}  {r['fiscal_year']}  "
                f"{names.get(r['ministry_code'], r['ministry_code'])}  {r['n_rows']}  "
                f"<{r['recipients'] or '—'}>  {outcome}  {error}  ({r['user_name']})"
            )
        )
    return 0
