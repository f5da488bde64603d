"""Router: language switch, as-of date, navigation. Pages live in dashboard/views/."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import streamlit as st

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root where model/ lives.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboard.auth import current_user, with_reporting  # noqa: E402
from dashboard.incidents import show_incident  # noqa: E402
from dashboard.state import begin_run, lang, msg, public_years, show_public_only, tr  # noqa: E402
from dashboard.ui import page_frame, print_css  # noqa: E402

# A local icon: a ":material/…:" page icon is fetched from fonts.gstatic.com (no host but ours).
st.set_page_config(
    page_title="量子戦略フォローアップ",
    page_icon=str(ROOT / "dashboard" / "static" / "favicon.png"),
    layout="wide",
)


_DRAWN_LANG = "qf_drawn_lang"


def relabel_after_language_change() -> None:
    """After the language switch, write every kept choice back to its widget: a select box otherwise goes on
    showing the label it was drawn with (「2020年度」 on an English page), because the browser holds the
    formatted text; a value set from the script makes the next draw take its label from this run's
    format_func. Only chosen values are written back (buttons and uploads cannot be set)."""
    now = st.session_state.get("lang", "ja")
    before = st.session_state.get(_DRAWN_LANG, now)
    st.session_state[_DRAWN_LANG] = now
    if before == now:
        return
    for key in list(st.session_state.keys()):
        if key in ("lang", _DRAWN_LANG) or str(key).startswith(("FormSubmitter", "qf_", "$$")):
            continue
        value = st.session_state[key]
        # not None (an empty choice shows the placeholder in the new language; an upload box holds None)
        # nor a bool (a button's or a checkbox's state, which buttons refuse to be given)
        if not isinstance(value, bool) and isinstance(value, str | int | float | dt.date | list):
            try:
                st.session_state[key] = value
            except Exception:  # noqa: S112 - a widget that cannot be set keeps its own state
                continue


def main() -> None:
    """One run: the version, the sidebar, the navigation, the page."""
    begin_run()  # the run's one version query; every page of this run reads that version's snapshot
    print_css()  # every page prints without the sidebar and widgets (dashboard/print.css)

    # A link may carry the language (?lang=en): it sets the switch once, then the switch rules.
    if "lang" not in st.session_state and st.query_params.get("lang") in ("ja", "en"):
        st.session_state["lang"] = st.query_params["lang"]

    page_frame()  # <html lang>, the accessibility CSS and script (dashboard/static/)
    relabel_after_language_change()

    with st.sidebar:
        st.radio(
            "言語 / Language",
            options=["ja", "en"],
            format_func=lambda v: "日本語" if v == "ja" else "English",
            key="lang",
            horizontal=True,
        )
        # No default when a value is already set (a test, or a link): Streamlit warns about both.
        as_of_options: dict[str, Any] = {} if "as_of" in st.session_state else {"value": dt.date.today()}
        st.date_input(
            tr("app.as_of"),
            min_value=dt.date(2019, 1, 1),
            max_value=dt.date(2035, 12, 31),
            key="as_of",
            help=tr("app.as_of_help"),
            **as_of_options,
        )

    # The page list, in one place: (script, label key, icon, url path). The first page is the default.
    REVIEW_PAGES = [
        ("views/overview.py", "page.overview", ":material/dashboard:", "overview"),
        ("views/kpi.py", "page.kpi", ":material/monitoring:", "kpi"),
        ("views/followup.py", "page.followup", ":material/table_view:", "followup"),
        ("views/ministries.py", "page.ministries", ":material/account_balance:", "ministries"),
        ("views/compare.py", "page.compare", ":material/compare_arrows:", "compare"),
        ("views/milestones.py", "page.milestones", ":material/flag:", "milestones"),
        ("views/international.py", "page.international", ":material/public:", "international"),
        ("views/exports.py", "page.exports", ":material/download:", "exports"),
    ]

    sections: dict[str, list[st.Page]] = {
        tr("nav.review"): [
            st.Page(script, title=tr(label), icon=icon, url_path=url, default=i == 0)
            for i, (script, label, icon, url) in enumerate(REVIEW_PAGES)
        ],
    }
    # The reporting section (upload, rounds, users, login) and the account box; only the login page when
    # reading requires a login and nobody is logged in (see dashboard/auth.py).
    sections = with_reporting(sections)
    if current_user() is None:
        show_public_only()  # readers who are not logged in see published years only
        years = (
            "、".join(str(y) for y in public_years())
            if lang() == "ja"
            else ", ".join(str(y) for y in public_years())
        )
        with st.sidebar:
            st.caption(msg("pub.public_only", years=years) if years else msg("pub.none_public"))
    # The accessibility statement is public, also where reading the rest needs a login.
    sections[tr("a11y.nav")] = [
        st.Page(
            "views/accessibility.py",
            title=tr("a11y.page"),
            icon=":material/accessibility:",
            url_path="accessibility",
        )
    ]

    # expanded: every page listed (Streamlit otherwise hides some behind an English "View 3 more" button)
    st.navigation(sections, expanded=True).run()


try:
    main()
except Exception as exc:  # the last line of defence: a message and an incident number, details in the log
    show_incident(exc)
