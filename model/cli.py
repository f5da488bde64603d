"""`python -m model …`: the application without a screen. Errors are one line and a non-zero exit."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from model.commands import all_modules, modules_for
from model.commands._kept import keeps, run_kept
from model.errors import AppError
from model.messages import t
from model.runtime import tune_gc


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or (given `argv`) of the command `argv` names only: see model.commands."""
    parser = argparse.ArgumentParser(
        prog="python -m model",
        description="量子戦略フォローアップ — the follow-up of Japan's quantum strategies, without a screen.",
    )
    _common_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # Every sub-command accepts the common options too, before or after its name.
    common = argparse.ArgumentParser(add_help=False)
    _common_options(common, top=False)
    real_add = sub.add_parser

    def add_parser(name: str, **kw: Any) -> argparse.ArgumentParser:
        return real_add(name, parents=[common, *kw.pop("parents", [])], **kw)

    sub.add_parser = add_parser  # type: ignore[method-assign]
    for module in all_modules() if argv is None else modules_for(argv):
        module.add_parser(sub)
    return parser


def _common_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Sub-command copies default to SUPPRESS so that a value given before the name is kept.
    parser.add_argument(
        "--lang",
        choices=["ja", "en"],
        default="ja" if top else argparse.SUPPRESS,
        help="message language (ja)",
    )
    parser.add_argument(
        "--database-url",
        default=None if top else argparse.SUPPRESS,
        help="database URL (default: $DATABASE_URL, else the embedded SQLite file)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    tune_gc()
    words = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(words).parse_args(words)
    try:
        return run_kept(args) if keeps(args) else int(args.run(args))
    except AppError as err:
        print(f"error: {err.render(args.lang)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `python -m model status | head`: the reader left; nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last line of defence: one line, never a traceback
        detail = str(exc).splitlines()[0][:300] if str(exc) else ""
        print(
            f"error: {t('err.unexpected', args.lang, kind=type(exc).__name__, detail=detail)}",
            file=sys.stderr,
        )
        return 2
