"""The store state the golden values were captured on: the seed, two ministries' FY2021 uploads, a FY2022
round, a secretariat assessment and a status override. Deterministic apart from timestamps."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pandas as pd
import plotly.graph_objects as go

AS_OF = dt.date(2026, 3, 31)
# Columns holding wall-clock times or values derived from them: not part of what a read means.
VOLATILE = {"created_at", "opened_at", "closed_at", "last_submission"}

FY2021_MEXT = [
    ("1-1-01", "順調", "○技術ロードマップを改訂した。"),
    ("1-1-02-i", "一部遅延", "○量子コンピュータの開発を進めた。"),
    ("5-1-01", "完了", "○教育プログラムを開始した。"),
]
FY2021_MOFA = [("2-1-01", None, "○米国と協力を進めた。")]


def normalise(value: Any) -> Any:
    """A read's result as JSON-ready data, wall-clock columns replaced by whether they are set."""
    if isinstance(value, pd.DataFrame):
        df = value.copy()
        for col in VOLATILE & set(df.columns):
            df[col] = df[col].notna()
        return json.loads(df.to_json(orient="split", date_format="iso", default_handler=str))
    if isinstance(value, go.Figure):
        return json.loads(value.to_json())
    if isinstance(value, set | frozenset):
        return sorted(value)
    if isinstance(value, bytes):
        return value.decode("utf-8-sig")
    return json.loads(json.dumps(value, default=str))
