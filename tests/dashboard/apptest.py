"""Helpers for the page tests: ministry uploads, chart specs, captions and metrics of an AppTest."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from streamlit.testing.v1 import AppTest

from model.store import Store
from tests.conftest import submit_followup as upload

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
AS_OF = dt.date(2026, 3, 31)  # fixed, so that statuses and milestone deadlines do not move with the clock

MakeApp = Callable[..., AppTest]
# The logged-in viewer the page tests read as (an account of the seeded store, tests/dashboard/conftest.py):
# staff see years in progress; readers who are not logged in see published years only.
READER: dict[str, str | None] = {"name": "reader1", "role": "viewer", "ministry_code": None}


def with_fy2021(store: Store) -> Store:
    """FY2021 entries: MEXT 3 (順調 / 一部遅延 / 完了), MOFA 1 without status."""
    upload(
        store,
        "MEXT",
        2021,
        [
            ("1-1-01", "順調", "○技術ロードマップを改訂した。"),
            ("1-1-02-i", "一部遅延", "○量子コンピュータの開発を進めた。"),
            ("5-1-01", "完了", "○教育プログラムを開始した。"),
        ],
    )
    upload(store, "MOFA", 2021, [("2-1-01", None, "○米国と協力を進めた。")])
    return store


def charts(at: AppTest) -> list[dict[str, Any]]:
    """Every plotly chart of the page as its JSON spec."""
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def trace_names(spec: dict[str, Any]) -> list[str]:
    return [str(d.get("name")) for d in spec["data"]]


def annotation(spec: dict[str, Any], name: str) -> str | None:
    for a in spec["layout"].get("annotations", []):
        if a.get("name") == name:
            return str(a["text"])
    return None


def followup_table(at: AppTest) -> pd.DataFrame:
    """The follow-up page's matching rows as its table view shows them (the page then returns to cards)."""
    at.radio(key="fu_view").set_value("table").run()
    df = at.dataframe[0].value
    at.radio(key="fu_view").set_value("cards").run()
    return df


def followup_rows(at: AppTest) -> int:
    return len(followup_table(at))


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def metrics(at: AppTest) -> dict[str, str]:
    """Metric label → value (the last one wins when a label repeats)."""
    return {m.label: m.value for m in at.metric}
