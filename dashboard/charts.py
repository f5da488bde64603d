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
import shutil
from pathlib import Path

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


def show_chart(fig: go.Figure, key: str | None = None) -> None:
    """Render a figure exactly as exported (our fonts and colours, not Streamlit's theme)."""
    st.plotly_chart(fig, width="stretch", theme=None, key=key, config={"displaylogo": False})
    chart_downloads(fig, str((fig.layout.meta or {}).get("chart", "chart")), key=key)


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
