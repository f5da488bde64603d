"""A chart on the page: drawn exactly as exported, with PNG, SVG and PDF buttons under it.

The image files are made only when a button is clicked (Streamlit runs a callable `data` on click), so a
page with ten charts starts no browser until someone asks for an image. Results are cached by content (the
figure's JSON) for a few minutes: a second click on the same chart is instant.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from dashboard.state import msg, snapshot
from model.exports.images import FORMATS, render_image

TTL = 600


def browser_available() -> bool:
    """Chromium on PATH (Debian's `chromium`), or a path in BROWSER_PATH, for kaleido."""
    path = os.environ.get("BROWSER_PATH")
    return bool(path and Path(path).exists()) or any(
        shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
    )


@st.cache_data(ttl=TTL, max_entries=32, show_spinner=False)
def _chart_bytes(fig_json: str, fmt: str, name: str) -> bytes:
    return render_image(pio.from_json(fig_json), fmt, name=name)


def _chart_file(fig_json: str, fmt: str, name: str) -> bytes:
    return _chart_bytes(fig_json, fmt, name)


# Readers get the chart without plotly's mode bar: it adds about ten tab stops per chart and nothing a
# reader needs (the image downloads are the buttons under the chart). Hover and zoom by mouse still work.
PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": False}


def show_chart(fig: go.Figure, key: str | None = None) -> None:
    """Render a figure exactly as exported (our fonts and colours, not Streamlit's theme), with its data as a
    table under it (the chart's text alternative) and the image downloads."""
    if key is None:  # two charts on one page get distinct element ids
        key = hashlib.sha256(fig.to_json().encode()).hexdigest()[:10]
    st.plotly_chart(fig, width="stretch", theme=None, key=key, config=PLOTLY_CONFIG)
    chart_table(fig, key=key)
    chart_downloads(fig, str((fig.layout.meta or {}).get("chart", "chart")), key=key)


def _plain(value: Any) -> str:
    """An axis label or series name as text: plotly's line breaks and tags removed."""
    return re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", " ", str(value))).strip()


def _cell(value: Any) -> Any:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "—"
    if isinstance(value, (dt.date, pd.Timestamp)):
        return pd.Timestamp(value).date().isoformat()
    if isinstance(value, str):
        text = _plain(value)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T00:00:00)?", text):
            return text[:10]
        return text or "—"
    if isinstance(value, float):
        return int(value) if value.is_integer() else round(value, 3)
    return value


def _seq(values: Any) -> list[Any]:
    """A trace's array (a list, tuple or numpy array, or None) as a list."""
    return (
        []
        if values is None
        else [list(v) if hasattr(v, "__len__") and not isinstance(v, str) else v for v in values]
    )


def figure_data(fig: go.Figure) -> pd.DataFrame:
    """The figure's data as a table in the current language: one row per point (series, item, value, and
    the point's label when it has one); a heat map as its matrix. Built from the traces, so a new chart of
    model.figures gets its table without code here."""
    x_title = _plain(fig.layout.xaxis.title.text or "") or msg("chart.col.item")
    y_title = _plain(fig.layout.yaxis.title.text or "") or msg("chart.col.value")
    frames = []
    for trace in fig.data:
        if isinstance(trace, go.Heatmap):
            rows, xs, ys = _seq(trace.z), _seq(trace.x), _seq(trace.y)
            if rows and len(rows) == len(ys) and all(len(r) == len(xs) for r in rows):
                z = pd.DataFrame(rows, index=[_plain(v) for v in ys], columns=[_plain(v) for v in xs])
                return z.map(_cell).rename_axis(y_title).reset_index().astype(str)
            continue
        x, y = _seq(trace["x"]), _seq(trace["y"])
        if getattr(trace, "orientation", None) == "h":
            x, y = y, x
        n = min(len(x), len(y))
        x, y = x[:n], y[:n]
        if not n:
            continue
        frame: dict[str, list[Any]] = {
            msg("chart.col.series"): [_plain(trace.name or "")] * n,
            x_title: [_cell(v) for v in x],
            y_title: [_cell(v) for v in y],
        }
        labels = trace["customdata"] if trace["customdata"] is not None else trace["text"]
        if labels is not None and not isinstance(labels, str) and len(labels) == n:
            frame[msg("chart.col.label")] = [
                _cell(v) if not isinstance(v, list) else _cell(v[0]) for v in labels
            ]
        frames.append(pd.DataFrame(frame))
    if not frames:
        return pd.DataFrame()
    out = pd.concat(frames, ignore_index=True)
    col = msg("chart.col.label")
    if col in out.columns:
        out[col] = out[col].fillna("—").replace({"": "—"})
    return out.astype(str)


def chart_table(fig: go.Figure, key: str) -> None:
    """The chart's text alternative: its title and data in a table, in an expander under the chart."""
    title = _plain(fig.layout.title.text or "") or str((fig.layout.meta or {}).get("chart", ""))
    data = figure_data(fig)
    with st.expander(msg("chart.table", title=title)):
        st.caption(_plain(str((fig.layout.meta or {}).get("source", ""))))
        if data.empty:
            st.caption(msg("chart.no_data"))
        else:
            # st.table: a real HTML table with header cells, which screen readers walk cell by cell (the
            # data grid of st.dataframe is drawn on a canvas).
            st.table(data.set_index(data.columns[0]))


def chart_downloads(fig: go.Figure, name: str, *, key: str | None = None) -> None:
    """PNG, SVG and PDF buttons under a chart: the figure as drawn, with its title, legend, source line,
    as-of date and サンプル mark (they are part of the figure)."""
    if not browser_available():
        st.caption(msg("err.export.no_browser"))
        return
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    day = str(meta.get("as_of") or dt.date.today().isoformat())
    fig_json = fig.to_json()
    if key is None:  # two charts of the same name on one page still get distinct buttons
        key = f"{name}-{hashlib.sha256(fig_json.encode()).hexdigest()[:10]}"
    with st.container(horizontal=True, gap="small"):
        for fmt, mime in FORMATS.items():
            st.download_button(
                msg(f"exp.download.{fmt}"),
                data=functools.partial(_chart_file, fig_json, fmt, name),
                file_name=f"{name}_{day}_v{snapshot().version}.{fmt}",
                mime=mime,
                key=f"dl-{key}-{fmt}",
                help=msg("exp.download.help", fmt=fmt.upper()),
                icon=":material/download:",
                on_click="ignore",
            )
