"""Download buttons for the briefing exports: any chart as PNG/SVG/PDF, the deck, the published table.

The files are made only when a button is clicked (Streamlit runs a callable `data` on click), so a page
with ten charts starts no browser until someone asks for an image. Results are cached by content
(figure JSON, store version) for a few minutes: a second click on the same chart is instant.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import shutil
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from dashboard.state import lang, msg
from model.exports import deck, followup_table, pdf
from model.exports.images import FORMATS, render_image
from model.exports.safe import frame_csv_bytes
from model.store import Store

TTL = 600
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
                file_name=f"{name}_{day}.{fmt}",
                mime=mime,
                key=f"dl-{key}-{fmt}",
                help=msg("exp.download.help", fmt=fmt.upper()),
                icon=":material/download:",
                on_click="ignore",
            )


# --- deck and published table (used by views/exports.py) -------------------------------------------


@st.cache_data(ttl=TTL, max_entries=4, show_spinner=False)
def _deck(_store: Store, url: str, version: int, fy: int, language: str, day: dt.date) -> bytes:
    return deck.build_deck(_store, fiscal_year=fy, lang=language, as_of=day).data


@st.cache_data(ttl=TTL, max_entries=4, show_spinner=False)
def _deck_pdf(_store: Store, url: str, version: int, fy: int, language: str, day: dt.date) -> bytes:
    return pdf.convert_to_pdf(_deck(_store, url, version, fy, language, day), ".pptx")


def deck_button(store: Store, fy: int, day: dt.date, *, as_pdf: bool = False) -> None:
    args = (store, store.url, store.version(), fy, lang(), day)
    suffix = "pdf" if as_pdf else "pptx"
    st.download_button(
        msg("exp.deck.pdf" if as_pdf else "exp.deck.pptx"),
        data=functools.partial(_deck_pdf if as_pdf else _deck, *args),
        file_name=f"briefing_FY{fy}_{day.isoformat()}.{suffix}",
        mime="application/pdf" if as_pdf else PPTX_MIME,
        key=f"dl-deck-{suffix}",
        icon=":material/slideshow:" if not as_pdf else ":material/picture_as_pdf:",
        on_click="ignore",
        type="primary" if not as_pdf else "secondary",
    )


def followup_buttons(store: Store, fy: int) -> None:
    c1, c2 = st.columns(2)
    with c1:
        st.download_button(
            msg("exp.followup.xlsx"),
            data=functools.partial(followup_table.to_xlsx, store, fy),
            file_name=f"followup_FY{fy}.xlsx",
            mime=XLSX_MIME,
            key="dl-followup-xlsx",
            icon=":material/table_view:",
            on_click="ignore",
        )
    with c2:
        st.download_button(
            msg("exp.followup.csv"),
            data=functools.partial(followup_table.to_csv, store, fy),
            file_name=f"followup_FY{fy}.csv",
            mime="text/csv",
            key="dl-followup-csv",
            icon=":material/csv:",
            on_click="ignore",
        )


def table_download(df: pd.DataFrame, name: str, *, key: str | None = None) -> None:
    """A CSV button for any table a page shows: UTF-8 with BOM (Excel reads the Japanese), formula-like
    cells neutralised (model.exports.safe)."""
    st.download_button(
        msg("exp.download.csv"),
        data=functools.partial(frame_csv_bytes, df),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"dl-csv-{key or name}",
        icon=":material/csv:",
        on_click="ignore",
    )
