"""Session state shared by pages: the language, the as-of date, and the run's snapshot of the store.

Each script run asks the store for its version once (`begin_run`, called by the router) and takes the
snapshot of that version from a process-wide cache: every page, chart and download of the run reads that
one immutable snapshot, and the model memoises what it derives from it (model.store.per_snapshot). Every
write makes a new version, in this process or another, so the next run sees it; nothing waits for a TTL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from model import compare, figures, followup, international, milestones
from model.config import database_url
from model.errors import unless_unwritable
from model.goals import kpi_table
from model.messages import t
from model.reporting import publication
from model.reporting.rounds import collection_year
from model.store import Snapshot, Store, open_store

TTL = 600  # seconds
SNAPSHOTS = 4  # versions kept at once (a write while other sessions still draw the previous one)
CHARTS = 64  # figures kept (per chart, language, date and version)
_RUN_SNAPSHOT = "qf_snapshot"
_PUBLIC = "qf_public"


def lang() -> str:
    return str(st.session_state.get("lang", "ja"))


def tr(key: str, **params: Any) -> str:
    """A screen label (from the message catalogue, model.messages) in the current language."""
    return t(key, lang(), **params)


def msg(msg_id: str, **params: Any) -> str:
    """A model message (statuses, kinds, errors) in the current language."""
    return t(msg_id, lang(), **params)


def as_of() -> dt.date:
    value = st.session_state.get("as_of")
    return value if isinstance(value, dt.date) else dt.date.today()


@st.cache_resource(show_spinner=False)
def _open(url: str) -> Store:
    s = open_store(url)
    with unless_unwritable():  # a full disk, a read-only store: read what is there
        s.init()
    return s


def store() -> Store:
    """One store per database URL and server process, created and seeded on first use (idempotent).
    Pages use it to write (through the model's functions); they read `snapshot()`."""
    return _open(database_url())


@st.cache_resource(show_spinner=False, ttl=TTL, max_entries=SNAPSHOTS)
def _snapshot(url: str, version: int) -> Snapshot:
    return _open(url).snapshot(version)


def begin_run() -> Snapshot:
    """The router calls this first on every run: one version query, then the cached snapshot."""
    s = store()
    snap = _snapshot(s.url, s.version())
    st.session_state[_RUN_SNAPSHOT] = snap
    st.session_state[_PUBLIC] = False
    return snap


def show_public_only() -> None:
    """The router calls this when nobody is logged in: the rest of the run reads what is published only
    (each published fiscal year as of its publication; model/reporting/publication.py)."""
    st.session_state[_RUN_SNAPSHOT] = publication.published_view(snapshot())
    st.session_state[_PUBLIC] = True


def public_years() -> list[int]:
    """The published fiscal years, oldest first."""
    return sorted(publication.pins(snapshot()))


def public_only() -> bool:
    """Whether this run shows published years only (nobody is logged in)."""
    return bool(st.session_state.get(_PUBLIC, False))


def provisional(fiscal_year: int | None) -> bool:
    """Whether what this run shows of the year is 暫定 (never published, or changed since): never for
    readers who are not logged in, who see published years only."""
    return not public_only() and publication.is_provisional(snapshot(), fiscal_year)


def snapshot() -> Snapshot:
    """The snapshot of this run (taken by `begin_run`)."""
    snap = st.session_state.get(_RUN_SNAPSHOT)
    return snap if isinstance(snap, Snapshot) else begin_run()


def after_write() -> Snapshot:
    """Call after a write: the rest of this run reads the new version."""
    return begin_run()


# --- reads of the run's snapshot (the model memoises each per snapshot) -----------------------------


def kpis(kinds: tuple[str, ...] = ("headline", "goal", "indicator")) -> pd.DataFrame:
    return kpi_table(snapshot(), as_of=as_of(), kinds=kinds)


def table(name: str) -> pd.DataFrame:
    return snapshot().table(name)


def kpi_observations() -> pd.DataFrame:
    return snapshot().kpi_observations()


def entries(fiscal_year: int | None = None) -> pd.DataFrame:
    return followup.entries(snapshot(), fiscal_year)


def structure() -> pd.DataFrame:
    return followup.structure(snapshot())


def owners() -> pd.DataFrame:
    return followup.owners(snapshot())


def fiscal_years() -> list[int]:
    return followup.fiscal_years(snapshot())


def current_collection_year() -> int:
    return collection_year(snapshot())


def as_of_fiscal_year() -> int | None:
    """The newest fiscal year with entries that has started by the as-of date."""
    return followup.as_of_fiscal_year(snapshot(), as_of())


def year_choices() -> list[int]:
    """Years with entries and the year being collected (which may still be empty), newest first; for
    readers who are not logged in, the published years only."""
    if public_only():
        return sorted(fiscal_years(), reverse=True)
    return sorted({*fiscal_years(), current_collection_year()}, reverse=True)


def completeness(fiscal_year: int) -> pd.DataFrame:
    return followup.completeness(snapshot(), fiscal_year)


def ministry_actions(code: str, fiscal_year: int) -> pd.DataFrame:
    return followup.ministry_actions(snapshot(), code, fiscal_year)


def compare_years(year_a: int, year_b: int) -> pd.DataFrame:
    return compare.compare_years(snapshot(), year_a, year_b)


def milestones_table() -> pd.DataFrame:
    return milestones.milestones_table(snapshot(), as_of())


def agreements() -> pd.DataFrame:
    return international.agreements_table(snapshot())


def events() -> pd.DataFrame:
    return international.events_table(snapshot())


def frameworks() -> pd.DataFrame:
    return international.frameworks(snapshot())


def history(kind: str, **where: Any) -> pd.DataFrame:
    return snapshot().history(kind, **where)


# --- charts ------------------------------------------------------------------------------------------


# cache_resource, not cache_data: a cached figure is handed out as the same object instead of unpickled,
# which rebuilt and re-validated every plotly object of it on every run (a third of a page's re-run at
# scale). Nothing mutates a figure after it is built: show_chart and st.plotly_chart read it (to_json,
# to_dict copies).
@st.cache_resource(ttl=TTL, max_entries=CHARTS, show_spinner=False)
def _chart(
    _snap: Snapshot, url: str, version: int, name: str, language: str, day: dt.date, params: tuple[Any, ...]
) -> go.Figure:
    return figures.build_chart(name, _snap, language, day, **dict(params))


def chart(name: str, **params: Any) -> go.Figure:
    """A figure of model.figures (with the parameters its spec declares) in the current language, as of
    the chosen date; cached per store version."""
    snap = snapshot()
    return _chart(snap, snap.url, snap.version, name, lang(), as_of(), tuple(sorted(params.items())))
