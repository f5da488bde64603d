"""The whole application without a screen: seed data, schemas, KPI maths, calendar, store, commands.

`dashboard/` renders what this package returns; nothing here imports Streamlit.

The names below are loaded when first asked for (PEP 562), not when the package is imported: a process
that needs one small module (the parse child of model/reporting/_sheets.py) does not load pandas, the store
and the KPI maths with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from model.calendar_ja import fiscal_year_of, format_fy, parse_fiscal_year, parse_period
    from model.errors import AppError
    from model.goals import kpi_table
    from model.kpi import Assessment, Target, assess
    from model.ministries import Ministry, MinistryRegistry
    from model.seed import SeedData, load_seed
    from model.store import ChangeSet, Store, open_store

_WHERE = {
    "fiscal_year_of": "model.calendar_ja",
    "format_fy": "model.calendar_ja",
    "parse_fiscal_year": "model.calendar_ja",
    "parse_period": "model.calendar_ja",
    "AppError": "model.errors",
    "kpi_table": "model.goals",
    "Assessment": "model.kpi",
    "Target": "model.kpi",
    "assess": "model.kpi",
    "Ministry": "model.ministries",
    "MinistryRegistry": "model.ministries",
    "SeedData": "model.seed",
    "load_seed": "model.seed",
    "ChangeSet": "model.store",
    "Store": "model.store",
    "open_store": "model.store",
}

__all__ = [
    "AppError",
    "Assessment",
    "ChangeSet",
    "Ministry",
    "MinistryRegistry",
    "SeedData",
    "Store",
    "Target",
    "assess",
    "fiscal_year_of",
    "format_fy",
    "kpi_table",
    "load_seed",
    "open_store",
    "parse_fiscal_year",
    "parse_period",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'model' has no attribute {name!r}")
    return getattr(importlib.import_module(_WHERE[name]), name)
