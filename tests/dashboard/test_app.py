"""The dashboard starts on the seeded store and shows the KPI table, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("QF_SQLITE_PATH", str(tmp_path / "app.sqlite3"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    return at


def test_kpi_page_renders_every_goal_with_status(app: AppTest) -> None:
    """The default page lists the goals and marks sample values."""
    assert not app.exception
    df = app.dataframe[0].value
    assert len(df) >= 20
    assert "サンプル" in set(df["サンプル"])
    assert app.title[0].value == "2030年目標と KPI"


def test_language_switch_changes_labels(app: AppTest) -> None:
    """English changes the title and the column names."""
    app.sidebar.radio(key="lang").set_value("en").run()
    assert app.title[0].value == "2030 targets and KPIs"
    assert "Status" in app.dataframe[0].value.columns
