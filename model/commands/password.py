"""password change|reset: a user's own password (proving the current one), or the secretariat's reset.

Both go through model.auth (policy, throttling, the write door) and end the account's sessions. Passwords
are read from the terminal without echo, or one per line from standard input (change: current, new, new
again; reset: new, new again); never from the command line, where `ps` and the shell history would keep
them.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from model.auth import change_password, get_user, operator, reset_password
from model.commands._common import store_from
from model.errors import AppError
from model.messages import t
from model.text import one_line


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "password",
        help="change your own password, or reset a user's (secretariat)",
        description=(
            "change NAME: the user's own change (asks the current password, then the new one twice); "
            "reset NAME: the command-line operator (secretariat) sets a new password. Either ends the "
            "account's logins."
        ),
    )
    p.add_argument("action", choices=["change", "reset"])
    p.add_argument("name", help="the account")
    p.set_defaults(run=run)


def _ask(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline().rstrip("\n")
    if not line:
        raise AppError("err.auth.password_required")
    return line


def run(args: argparse.Namespace) -> int:
    store = store_from(args)
    name = args.name.strip()
    if args.action == "change":
        user = get_user(store.snapshot(), name)
        current = _ask(t("cli.pw.current", args.lang))
    new = _ask(t("cli.pw.new", args.lang))
    if _ask(t("cli.pw.repeat", args.lang)) != new:
        raise AppError("err.pw.mismatch")
    if args.action == "change":
        n = change_password(store, user, current, new, client="cli")
        print(t("pw.changed", args.lang, n=n))
    else:
        n = reset_password(store, name, new, by=operator())
        print(t("pw.reset", args.lang, user=one_line(name), n=n))
    return 0
