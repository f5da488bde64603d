"""Sub-commands of `python -m model`. Each module has `add_parser(subparsers)` and sets `run`."""

from types import ModuleType

from model.commands import core, export, opendata, password, publish, remind, review, structure
from model.commands import reporting as reporting_cmds

MODULES: list[ModuleType] = [
    core,
    reporting_cmds,
    password,
    review,
    remind,
    publish,
    structure,
    export,
    opendata,
]
