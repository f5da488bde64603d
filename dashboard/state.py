"""Session state shared by pages: the language, and cached reads through the model."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.labels import LABELS
from model.goals import kpi_table
from model.store import Store, open_store


def lang() -> str:
    return str(st.session_state.get("lang", "ja"))


def tr(key: str) -> str:
    ja, en = LABELS[key]
    return en if lang() == "en" else ja


@st.cache_resource
def store() -> Store:
    """One store per server process, created and seeded on first use (idempotent)."""
    s = open_store()
    s.init()
    return s


@st.cache_data(ttl=300, max_entries=16)
def cached_kpi_table(as_of: dt.date) -> pd.DataFrame:
    return kpi_table(store(), as_of=as_of, with_observations_only=False)


def clear_caches() -> None:
    """Call after every write so that pages show the new state."""
    st.cache_data.clear()
