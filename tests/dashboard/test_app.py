"""The router: every review page renders on the seeded store in both languages; the switch relabels."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from model.store import Store
from tests.dashboard.apptest import APP, MakeApp, charts

PAGES = {
    "views/overview.py": (
        "概要：2030年目標とフォローアップの状況",
        "Overview: the 2030 targets and the follow-up",
    ),
    "views/kpi.py": ("2030年目標と KPI", "2030 targets and KPIs"),
    "views/followup.py": ("フォローアップ表", "Follow-up table"),
    "views/ministries.py": ("府省別の報告状況", "Reporting by ministry"),
    "views/compare.py": ("年度比較", "Year over year"),
    "views/milestones.py": ("マイルストーン", "Milestones"),
    "views/international.py": ("国際連携", "International cooperation"),
}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_page_renders_in_both_languages(make_app: MakeApp, page: str, lang: str) -> None:
    """No exception, and the title in the chosen language."""
    at = make_app(page, lang)
    assert not at.exception
    assert at.title[0].value == PAGES[page][lang == "en"]


def test_default_page_is_the_overview(make_app: MakeApp) -> None:
    """The app opens on the overview."""
    at = make_app()
    assert at.title[0].value == PAGES["views/overview.py"][0]


def test_language_switch_changes_labels_and_chart_text(make_app: MakeApp) -> None:
    """Switching to English relabels the page, the metrics and the charts."""
    at = make_app()
    assert at.metric[0].label == "最新値（2025年）"
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == PAGES["views/overview.py"][1]
    assert at.metric[0].label == "Latest (2025)"
    assert at.metric[0].value == "1.5 million persons"
    assert charts(at)[0]["layout"]["title"]["text"].startswith("Domestic users of quantum technology")


def test_lang_query_parameter_sets_the_language(make_app: MakeApp) -> None:
    """A link with ?lang=en opens the app in English."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    assert at.title[0].value == PAGES["views/overview.py"][1]


def test_the_server_process_tunes_the_collector() -> None:
    """dashboard/serve.py (what `make run` serves) sets model/runtime.py's collector thresholds."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = "import gc, dashboard.serve\nprint(gc.get_threshold())"
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip().splitlines()[-1] == "(50000, 20, 100)", proc.stderr[-800:]


def test_a_cached_chart_is_handed_out_as_it_was_built_not_rebuilt(seeded: Store) -> None:
    """dashboard.state's chart cache returns the figure it built (cache_resource): unpickling it, as
    st.cache_data does, re-validated every plotly object of it on every run of every page."""
    import datetime as dt

    from dashboard import state

    snap = seeded.snapshot()
    args = (snap, snap.url, snap.version, "headline-users", "ja", dt.date(2026, 3, 31), ())
    first = state._chart(*args)
    assert state._chart(*args) is first
    assert first.layout.meta["chart"] == "headline-users"
