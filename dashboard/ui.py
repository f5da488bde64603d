"""Small rendering helpers shared by the pages (badges, option lists, ministry names). Text a user wrote is
shown by the rules of model/text.py: `html_text` inside an HTML block, `markdown_text` inside an element
that reads Markdown, and `plain_frame` here for a table."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.state import lang, msg, tr
from model import followup, strategy
from model.calendar_ja import format_date, format_fy, format_timestamp
from model.messages import t
from model.reporting import publication
from model.reporting.files import LIMITS
from model.sources import source_label
from model.store import JOINT
from model.text import reveal

# Streamlit badge colours for KPI, follow-up and milestone statuses.
KPI_BADGE = {
    "achieved": "green",
    "on_track": "green",
    "moderate": "orange",
    "limited": "red",
    "deteriorating": "red",
    "missed": "red",
    "no_data": "gray",
    "no_target": "gray",
}
FU_BADGE = {
    "完了": "green",
    "順調": "blue",
    "一部遅延": "orange",
    "遅延": "red",
    "未着手": "violet",
    "none": "gray",
}
MS_BADGE = {"done": "green", "overdue": "red", "due": "blue", "no_date": "gray"}

ALL = "__all__"
STATIC = Path(__file__).resolve().parent / "static"
# Names Streamlit gives its controls in English (key → Streamlit's text); ours are the messages "st.<key>".
STREAMLIT_NAMES = {
    "collapse_sidebar": "Collapse sidebar",
    "expand_sidebar": "Expand sidebar",
    "choose": "Choose an option",
    "download_csv": "Download as CSV",
    "fullscreen": "Fullscreen",
    "close_fullscreen": "Close fullscreen",
    "search": "Search",
    "show_password": "Show password",
    "hide_password": "Hide password",
    "clear_all": "Clear all",
}
UPLOAD_LIMIT_MB = LIMITS.max_bytes // (1024 * 1024)  # the product's limit (model/reporting/files.py)


def page_frame() -> None:
    """What every run puts around the page: `<html lang>` set to the interface language (Streamlit's page
    says `en` whatever the content; screen readers and browsers pick voice, fonts and hyphenation by it),
    and the dashboard's accessibility CSS (contrast, text that wraps, dashboard/static/frame.css)."""
    config = {
        "lang": "ja" if lang() == "ja" else "en",
        "skip": msg("a11y.skip"),
        "running": msg("a11y.running"),
        # Streamlit's English and our texts of either language → this language's (a label we set stays
        # until Streamlit draws the control again, so a language switch must translate ours too).
        "names": {
            said: msg(f"st.{key}")
            for key, english in STREAMLIT_NAMES.items()
            for said in (english, t(f"st.{key}", "ja"), t(f"st.{key}", "en"))
        },
        "uploader": {
            "drop": msg("uploader.drop"),
            "limit": msg("uploader.limit", mb=UPLOAD_LIMIT_MB),
            "browse": msg("uploader.browse"),
        },
    }
    # Streamlit has no option for these: a script, run on every script run (a page switch, a language
    # switch), which keeps them applied while Streamlit redraws (dashboard/static/frame.js).
    script = (STATIC / "frame.js").read_text(encoding="utf-8")
    data = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")  # no tag inside the script
    st.html(
        f"<script>window.__qfA11y = {data};\n{script}</script>",
        unsafe_allow_javascript=True,
    )
    st.html(STATIC / "frame.css")


def fy_label(fy: int | None) -> str:
    return "—" if fy is None else format_fy(int(fy), lang())


def date_label(day: Any, precision: str = "day") -> str:
    if day is None or (not isinstance(day, dt.date) and pd.isna(day)):
        return "—"
    if isinstance(day, pd.Timestamp):
        day = day.date()
    return format_date(day, lang(), precision)


def timestamp_label(ts: Any) -> str:
    """A submission time in Japan time, as 2026年4月1日 10:30 / 1 Apr 2026 10:30."""
    return format_timestamp(ts, lang())


def fy_options(years: list[int]) -> dict[int, str]:
    """Fiscal year → label, computed in the run (for format_func); a year that is 暫定 for the staff reading
    (not published, or changed since) says so in its label."""
    return {y: msg("pub.mark.year", fy=fy_label(y)) if state.provisional(y) else fy_label(y) for y in years}


def deadline_label(year: Any, basis: Any, day: Any = None) -> str:
    """A deadline as the text means it: 2024年度 / FY2024 for fiscal years, 2030年 / 2030 for calendar
    years, the date itself when the goal gives one."""
    if day is not None and isinstance(day, str) and day:
        return date_label(dt.date.fromisoformat(day))
    if year is None or pd.isna(year):
        return "—"
    if basis == "FY":
        return fy_label(int(year))
    return date_label(dt.date(int(year), 1, 1), "year")


def source_text(text: Any) -> str:
    """A source as people read it (model.sources: seed file names replaced by document titles)."""
    if not isinstance(text, str) or not text:
        return "—"
    return source_label(state.snapshot(), text, lang())


def table(
    df: pd.DataFrame, key: str, widths: dict[str, int] | None = None, height: int | None = None
) -> None:
    """A dataframe with fixed pixel widths for the long text columns (so that the table fits)."""
    config = {col: st.column_config.Column(width=w) for col, w in (widths or {}).items()}
    st.dataframe(df, hide_index=True, width="stretch", key=key, column_config=config, height=height or "auto")
    print_table(df)


def print_table(df: pd.DataFrame) -> None:
    """Every row of a table as plain HTML, shown only on paper: the grid above it scrolls inside a box
    and would print cut (dashboard/print.css hides the grid and shows this copy when printing). Cells are
    revealed (model/text.py) and escaped."""
    if df.empty:
        return
    html = plain_frame(df).to_html(index=False, escape=True, na_rep="", border=0, classes="qf-print-table")
    st.html(f"<div class='qf-print-only'>{html}</div>")


def ministry_names() -> dict[str, str]:
    """Ministry code → name in the current language; JOINT → the joint-text label."""
    m = state.table("ministries")
    col = "name_en" if lang() == "en" else "name_ja"
    names = dict(zip(m["code"], m[col], strict=True))
    names[JOINT] = msg("ministry.joint")
    return names


def strategy_names() -> dict[str, str]:
    """strategy_id → its title in the current language, oldest first."""
    s = strategy.strategies(state.snapshot())
    col = "title_en" if lang() == "en" else "title_ja"
    return dict(zip(s["strategy_id"], s[col], strict=True))


def pillar_names(strategy_id: str | None = None) -> dict[int, str]:
    """pillar_id → its label as its strategy prints it (「１．技術開発戦略」, 「(1)量子コンピュータ…」)."""
    p = state.table("pillars")
    if strategy_id is not None:
        p = p[p["strategy_id"] == strategy_id]
    labels = followup.pillar_labels(state.snapshot(), lang())
    return {int(i): labels[int(i)] for i in p["pillar_id"]}


def area_names(pillar: int | None = None, strategy_id: str | None = None) -> dict[str, str]:
    """area_id → its label as printed; an area without sub-areas (2023 (5)) by the area's own name."""
    st_ = followup.structure(state.snapshot()).drop_duplicates("area_id")
    if pillar is not None:
        st_ = st_[st_["pillar_id"] == pillar]
    if strategy_id is not None:
        st_ = st_[st_["strategy_id"] == strategy_id]
    return {
        str(r["area_id"]): followup.area_label(r, lang()) or followup.pillar_label(r, lang())
        for r in st_.to_dict("records")
    }


def select(label: str, options: dict[Any, str], key: str, *, all_option: bool = True) -> Any:
    """A selectbox over `options` (value → label), with an "All" choice returning None."""
    # Labels are computed now, in the script run: Streamlit may call format_func later, outside it.
    labels = {**({ALL: tr("all")} if all_option else {}), **{k: str(v) for k, v in options.items()}}
    choice = st.selectbox(
        label, list(labels), key=key, format_func=labels.__getitem__, placeholder=msg("select.placeholder")
    )
    return None if choice == ALL else choice


def status_badge(kind: str, status: str) -> None:
    """A coloured badge for a KPI (kind="kpi"), follow-up ("fu") or milestone ("ms") status."""
    if kind == "kpi":
        st.badge(msg(f"status.{status}"), color=KPI_BADGE.get(status, "gray"))  # type: ignore[arg-type]
    elif kind == "fu":
        st.badge(msg(f"fu.{status}"), color=FU_BADGE.get(status, "gray"))  # type: ignore[arg-type]
    else:
        st.badge(msg(f"ms.{status}"), color=MS_BADGE.get(status, "gray"))  # type: ignore[arg-type]


def plain_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` for st.dataframe with its text cells revealed (no control or bidirectional
    character reorders or hides a cell); st.dataframe itself reads no Markdown."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: reveal(v) if isinstance(v, str) else v)
    return out


def sample_badge() -> None:
    st.badge(msg("sample.badge"), color="red", icon=":material/science:")


PRINT_CSS = Path(__file__).with_name("print.css")


def print_css() -> None:
    """The print layout (dashboard/print.css: no sidebar or widgets, nothing cut, groups on new pages),
    injected once per run so that every page prints as paper."""
    st.markdown(f"<style>{PRINT_CSS.read_text(encoding='utf-8')}</style>", unsafe_allow_html=True)


DIFF_CSS = """
<style>
.qf-diff del { background: #fde2e1; color: #8a1c1c; text-decoration: line-through; }
.qf-diff ins { background: #dcf5e3; color: #13532b; text-decoration: none; font-weight: 600; }
.qf-diff { line-height: 1.7; font-size: 0.95rem; }
</style>
"""


def provisional_banner(fy: int | None) -> None:
    """For logged-in staff: the year shown is 暫定 (never published, or changed since) — work in progress
    that readers who are not logged in do not see (model/reporting/publication.py)."""
    if fy is None or not state.provisional(int(fy)):
        return
    year_state = publication.year_state(state.snapshot(), int(fy))
    st.warning(msg("pub.banner", fy=int(fy), state=msg(f"pub.state.{year_state}")), icon=":material/warning:")


def waiting_notice(placeholder: Any) -> Callable[[], None]:
    """What a page passes as `on_wait` to a check that parses a file: says, in `placeholder`, that the file
    waits for its turn (model/reporting/_sheets.py runs at most two parses at a time per server)."""
    return lambda: placeholder.info(msg("lim.parse.waiting"), icon=":material/hourglass_top:")
