"""Sub-commands of `python -m model`. Each module has `add_parser(subparsers)` and sets `run`."""

from types import ModuleType

from model.commands import core, export, opendata, remind, review, structure
from model.commands import reporting as reporting_cmds

MODULES: list[ModuleType] = [core, reporting_cmds, review, remind, structure, export, opendata]
