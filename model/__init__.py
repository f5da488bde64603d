"""The whole application without a screen: seed data, schemas, KPI maths, calendar, store, commands.

`dashboard/` renders what this package returns; nothing here imports Streamlit.
"""

from model.calendar_ja import fiscal_year_of, format_fy, parse_fiscal_year, parse_period
from model.errors import AppError
from model.goals import kpi_table
from model.kpi import Assessment, Target, assess
from model.ministries import Ministry, MinistryRegistry
from model.seed import SeedData, load_seed
from model.store import ChangeSet, Store, open_store

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
