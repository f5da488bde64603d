"""Sub-commands of `python -m model`. Each module has `add_parser(subparsers)` and sets `run`.

A command line imports only the module of the command it names (`modules_for`): importing all of them
costs more than a small command's own work (the reminders' mail and spreadsheet libraries, …). `--help`, no
command or an unknown one imports all, so the usage lists every command. `COMMANDS` is checked against what
each module registers by tests/test_cli.py.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from types import ModuleType

# Module (under model.commands) → the sub-commands it registers, in the order `--help` lists them.
COMMANDS: dict[str, tuple[str, ...]] = {
    "core": ("init", "status", "backup", "restore", "kpi"),
    "reporting": ("round", "template", "validate", "submit", "history", "withdraw", "user"),
    "password": ("password",),
    "review": ("review",),
    "remind": ("remind",),
    "publish": ("publish",),
    "structure": ("structure",),
    "export": ("export",),
    "opendata": ("publish-data",),
}


def _module(name: str) -> ModuleType:
    return importlib.import_module("." + name, __name__)


def all_modules() -> list[ModuleType]:
    return [_module(name) for name in COMMANDS]


def modules_for(argv: Sequence[str]) -> list[ModuleType]:
    """The command modules a parser for `argv` needs: the named command's alone when it is known."""
    words = [a for a in argv if not a.startswith("-")]
    if "-h" in argv or "--help" in argv or not words:
        return all_modules()
    # The first word that names a command (options before it may take a value, e.g. --lang en).
    for word in words:
        for name, commands in COMMANDS.items():
            if word in commands:
                return [_module(name)]
    return all_modules()
