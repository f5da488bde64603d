"""Download buttons for the briefing exports: the deck, the published table, any table as CSV.

Each file is made from the run's snapshot when its button is clicked, and cached by (database, version):
the deck and the table name the version they were built from, and it is the version of all they show.
"""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd
import streamlit as st

from dashboard.state import lang, msg
from model.exports import deck, followup_table, pdf
from model.exports.safe import frame_csv_bytes
from model.store import Snapshot

TTL = 600
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- deck and published table (used by views/exports.py) -------------------------------------------


@st.cache_data(ttl=TTL, max_entries=4, show_spinner=False)
def _deck(
    _snap: Snapshot,
    url: str,
    version: int,
    fy: int,
    language: str,
    day: dt.date,
    sections: tuple[str, ...] | None = None,
) -> bytes:
    return deck.build_deck(_snap, fiscal_year=fy, lang=language, as_of=day, sections=sections).data


@st.cache_data(ttl=TTL, max_entries=4, show_spinner=False)
def _deck_pdf(
    _snap: Snapshot,
    url: str,
    version: int,
    fy: int,
    language: str,
    day: dt.date,
    sections: tuple[str, ...] | None = None,
) -> bytes:
    return pdf.convert_to_pdf(_deck(_snap, url, version, fy, language, day, sections), ".pptx")


def deck_button(
    snap: Snapshot,
    fy: int,
    day: dt.date,
    *,
    as_pdf: bool = False,
    sections: tuple[str, ...] | None = None,
) -> None:
    """The deck (or its PDF) of the chosen sections (all when None) for the fiscal year."""
    args = (snap, snap.url, snap.version, fy, lang(), day, sections)
    suffix = "pdf" if as_pdf else "pptx"
    st.download_button(
        msg("exp.deck.pdf" if as_pdf else "exp.deck.pptx"),
        data=functools.partial(_deck_pdf if as_pdf else _deck, *args),
        file_name=f"briefing_FY{fy}_{day.isoformat()}_v{snap.version}.{suffix}",
        mime="application/pdf" if as_pdf else PPTX_MIME,
        key=f"dl-deck-{suffix}",
        icon=":material/slideshow:" if not as_pdf else ":material/picture_as_pdf:",
        on_click="ignore",
        type="primary" if not as_pdf else "secondary",
    )


def followup_buttons(snap: Snapshot, fy: int) -> None:
    c1, c2 = st.columns(2)
    with c1:
        st.download_button(
            msg("exp.followup.xlsx"),
            data=functools.partial(followup_table.to_xlsx, snap, fy),
            file_name=f"followup_FY{fy}_v{snap.version}.xlsx",
            mime=XLSX_MIME,
            key="dl-followup-xlsx",
            icon=":material/table_view:",
            on_click="ignore",
        )
    with c2:
        st.download_button(
            msg("exp.followup.csv"),
            data=functools.partial(followup_table.to_csv, snap, fy),
            file_name=f"followup_FY{fy}_v{snap.version}.csv",
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
