"""Session state shared by pages: the language, the as-of date, and bounded, cached reads of the model.

Every cached read is keyed by the store's URL and version (the newest submission id), so a write shows
on the next run even before `clear_caches()` runs; `ttl` and `max_entries` bound what is kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.labels import LABELS
from model import compare, figures, followup, international, milestones
from model.config import database_url
from model.goals import kpi_table
from model.messages import t
from model.reporting.rounds import collection_year
from model.store import Store, open_store

TTL = 600  # seconds
SMALL, LARGE = 16, 64  # max_entries: few keys (tables) / many keys (charts per language and date)


def lang() -> str:
    return str(st.session_state.get("lang", "ja"))


def tr(key: str, **params: Any) -> str:
    """A screen label (dashboard.labels) in the current language."""
    ja, en = LABELS[key]
    text = en if lang() == "en" else ja
    return text.format(**params) if params else text


def msg(msg_id: str, **params: Any) -> str:
    """A model message (statuses, kinds, errors) in the current language."""
    return t(msg_id, lang(), **params)


def as_of() -> dt.date:
    value = st.session_state.get("as_of")
    return value if isinstance(value, dt.date) else dt.date.today()


@st.cache_resource(show_spinner=False)
def _open(url: str) -> Store:
    s = open_store(url)
    s.init()
    return s


def store() -> Store:
    """One store per database URL and server process, created and seeded on first use (idempotent)."""
    return _open(database_url())


def _key() -> tuple[str, int]:
    s = store()
    return s.url, s.version()


# --- cached reads (private: keyed by url and version; the public wrappers supply the key) ---------------


@st.cache_data(ttl=TTL, max_entries=SMALL, show_spinner=False)
def _kpi_table(url: str, version: int, day: dt.date, kinds: tuple[str, ...]) -> pd.DataFrame:
    return kpi_table(_open(url), as_of=day, kinds=kinds)


@st.cache_data(ttl=TTL, max_entries=SMALL, show_spinner=False)
def _table(url: str, version: int, name: str) -> pd.DataFrame:
    return _open(url).table(name)


@st.cache_data(ttl=TTL, max_entries=SMALL, show_spinner=False)
def _kpi_observations(url: str, version: int) -> pd.DataFrame:
    return _open(url).kpi_observations()


@st.cache_data(ttl=TTL, max_entries=SMALL, show_spinner=False)
def _entries(url: str, version: int, fiscal_year: int | None) -> pd.DataFrame:
    return followup.entries(_open(url), fiscal_year)


@st.cache_data(ttl=TTL, max_entries=SMALL, show_spinner=False)
def _structure(url: str, version: int) -> pd.DataFrame:
    return followup.structure(_open(url))


@st.cache_data(ttl=TTL, max_entries=SMALL, show_spinner=False)
def _owners(url: str, version: int) -> pd.DataFrame:
    return followup.owners(_open(url))


@st.cache_data(ttl=TTL, max_entries=SMALL, show_spinner=False)
def _fiscal_years(url: str, version: int) -> list[int]:
    return followup.fiscal_years(_open(url))


@st.cache_data(ttl=TTL, max_entries=SMALL, show_spinner=False)
def _collection_year(url: str, version: int) -> int:
    return collection_year(_open(url))


@st.cache_data(ttl=TTL, max_entries=SMALL, show_spinner=False)
def _completeness(url: str, version: int, fiscal_year: int) -> pd.DataFrame:
    return followup.completeness(_open(url), fiscal_year)


@st.cache_data(ttl=TTL, max_entries=LARGE, show_spinner=False)
def _ministry_actions(url: str, version: int, code: str, fiscal_year: int) -> pd.DataFrame:
    return followup.ministry_actions(_open(url), code, fiscal_year)


@st.cache_data(ttl=TTL, max_entries=SMALL, show_spinner=False)
def _compare(url: str, version: int, year_a: int, year_b: int) -> pd.DataFrame:
    return compare.compare_years(_open(url), year_a, year_b)


@st.cache_data(ttl=TTL, max_entries=SMALL, show_spinner=False)
def _milestones(url: str, version: int, day: dt.date) -> pd.DataFrame:
    return milestones.milestones_table(_open(url), day)


@st.cache_data(ttl=TTL, max_entries=SMALL, show_spinner=False)
def _international(url: str, version: int, what: str) -> pd.DataFrame:
    s = _open(url)
    if what == "agreements":
        return international.agreements_table(s)
    if what == "matrix":
        return international.partner_area_matrix(s)
    if what == "events":
        return international.events_table(s)
    return international.frameworks(s)


@st.cache_data(ttl=TTL, max_entries=LARGE, show_spinner=False)
def _history(url: str, version: int, kind: str, where: tuple[tuple[str, Any], ...]) -> pd.DataFrame:
    return _open(url).history(kind, **dict(where))


@st.cache_data(ttl=TTL, max_entries=LARGE, show_spinner=False)
def _chart(
    url: str, version: int, name: str, language: str, day: dt.date, extra: tuple[Any, ...]
) -> go.Figure:
    s = _open(url)
    if name == "goal":
        return figures.goal_trajectory(s, str(extra[0]), language, day)
    if name == "followup-status-pillar" and extra:
        return figures.pillar_status(s, language, day, fiscal_year=int(extra[0]))
    if name == "reporting-completeness" and extra:
        return figures.reporting_completeness(s, language, day, fiscal_year=int(extra[0]))
    if name == "milestones-timeline" and extra:
        statuses, pillar, year_from, year_to = extra
        table = milestones.filter_milestones(
            milestones.milestones_table(s, day),
            statuses=list(statuses),
            pillar=pillar,
            year_from=year_from,
            year_to=year_to,
        )
        return figures.milestones_timeline(s, language, day, table)
    return figures.build_chart(name, s, language, day)


# --- public wrappers -----------------------------------------------------------------------------------


def kpis(kinds: tuple[str, ...] = ("headline", "goal", "indicator")) -> pd.DataFrame:
    return _kpi_table(*_key(), as_of(), kinds)


def table(name: str) -> pd.DataFrame:
    return _table(*_key(), name)


def kpi_observations() -> pd.DataFrame:
    return _kpi_observations(*_key())


def entries(fiscal_year: int | None = None) -> pd.DataFrame:
    return _entries(*_key(), fiscal_year)


def structure() -> pd.DataFrame:
    return _structure(*_key())


def owners() -> pd.DataFrame:
    return _owners(*_key())


def fiscal_years() -> list[int]:
    return _fiscal_years(*_key())


def current_collection_year() -> int:
    return _collection_year(*_key())


def as_of_fiscal_year() -> int | None:
    """The newest fiscal year with entries that has started by the as-of date."""
    day = as_of()
    started = day.year if day.month >= 4 else day.year - 1
    return next((y for y in fiscal_years() if y <= started), None)


def year_choices() -> list[int]:
    """Years with entries and the year being collected (which may still be empty), newest first."""
    return sorted({*fiscal_years(), current_collection_year()}, reverse=True)


def completeness(fiscal_year: int) -> pd.DataFrame:
    return _completeness(*_key(), fiscal_year)


def ministry_actions(code: str, fiscal_year: int) -> pd.DataFrame:
    return _ministry_actions(*_key(), code, fiscal_year)


def compare_years(year_a: int, year_b: int) -> pd.DataFrame:
    return _compare(*_key(), year_a, year_b)


def milestones_table() -> pd.DataFrame:
    return _milestones(*_key(), as_of())


def agreements() -> pd.DataFrame:
    return _international(*_key(), "agreements")


def partner_matrix() -> pd.DataFrame:
    return _international(*_key(), "matrix")


def events() -> pd.DataFrame:
    return _international(*_key(), "events")


def frameworks() -> pd.DataFrame:
    return _international(*_key(), "frameworks")


def history(kind: str, **where: Any) -> pd.DataFrame:
    return _history(*_key(), kind, tuple(sorted(where.items())))


def chart(name: str, *extra: Any) -> go.Figure:
    """A figure of model.figures in the current language, as of the chosen date (cached)."""
    return _chart(*_key(), name, lang(), as_of(), tuple(extra))


def show_chart(fig: go.Figure, key: str | None = None) -> None:
    """Render a figure exactly as exported (our fonts and colours, not Streamlit's theme)."""
    st.plotly_chart(fig, width="stretch", theme=None, key=key, config={"displaylogo": False})
    from dashboard.downloads import chart_downloads  # PNG/SVG/PDF under every chart (exports)

    chart_downloads(fig, str((fig.layout.meta or {}).get("chart", "chart")), key=key)


def clear_caches() -> None:
    """Call after every write so that pages show the new state."""
    st.cache_data.clear()


def cached_kpi_table(day: dt.date) -> pd.DataFrame:
    """Kept for pages written against the first version of this module."""
    return _kpi_table(*_key(), day, ("headline", "goal", "indicator"))
