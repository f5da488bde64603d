"""The export page headless (AppTest): deck, published table and chart download buttons, both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("QF_REQUIRE_LOGIN", raising=False)
    monkeypatch.setenv("QF_SQLITE_PATH", str(tmp_path / "app.sqlite3"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/exports.py").run()
    return at


def test_export_page_offers_deck_table_and_chart_downloads(app: AppTest) -> None:
    """PowerPoint, PDF (LibreOffice is installed), Excel, CSV and PNG/SVG/PDF of the chosen chart."""
    assert not app.exception
    assert app.title[0].value == "ブリーフィング資料・公表様式の書き出し"
    labels = {b.proto.label for b in app.get("download_button")}
    assert {"PowerPoint をダウンロード", "PDF をダウンロード"} <= labels
    assert {"Excel（印刷設定済み）をダウンロード", "CSV（UTF-8 BOM 付き）をダウンロード"} <= labels
    assert {"PNG", "SVG", "PDF"} <= labels
    assert len(app.get("plotly_chart")) == 1


def test_deck_sections_are_chosen_on_the_page(app: AppTest) -> None:
    """Every section is offered and chosen by default; choosing none hides the deck buttons and says why."""
    from model.exports.deck import SECTIONS

    sections = app.multiselect(key="exp_deck_sections")
    assert sections.options == ["表紙", "ヘッドライン KPI（表とグラフ）", "柱別の状況（表とグラフ）",
                                "マイルストーン（表と時系列）", "国際協力（表とグラフ）", "要注意事項：遅延",
                                "未報告の取組"]  # fmt: skip
    assert sections.value == list(SECTIONS)
    sections.set_value([]).run()
    labels = {b.proto.label for b in app.get("download_button")}
    assert "PowerPoint をダウンロード" not in labels
    assert "スライドの区分を 1 つ以上選んでください" in app.warning[0].value


def test_export_page_in_english(app: AppTest) -> None:
    """The language switch covers the export page."""
    app.sidebar.radio(key="lang").set_value("en").run()
    assert app.title[0].value == "Briefing deck and published tables"
    labels = {b.proto.label for b in app.get("download_button")}
    assert "Download PowerPoint" in labels


def test_chart_downloads_renders_three_buttons() -> None:
    """chart_downloads(fig, name) under any chart: PNG, SVG and PDF buttons named after the chart."""

    def page() -> None:
        import plotly.graph_objects as go

        from dashboard.charts import chart_downloads

        fig = go.Figure(go.Bar(x=["量子"], y=[1]), layout={"meta": {"as_of": "2026-03-31"}})
        chart_downloads(fig, "demo")

    at = AppTest.from_function(page, default_timeout=60).run()
    assert not at.exception
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["PNG", "SVG", "PDF"]


def test_table_download_offers_a_csv_button() -> None:
    """table_download(df, name) gives one CSV button named after the table."""

    def page() -> None:
        import pandas as pd

        from dashboard.downloads import table_download

        table_download(pd.DataFrame({"取組": ["=1+1"]}), "demo-table")

    at = AppTest.from_function(page, default_timeout=60).run()
    assert not at.exception
    assert [b.proto.label for b in at.get("download_button")] == ["CSV"]


def test_export_page_offers_the_open_data_zip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The open-data button gives a zip named by year and version holding every table as CSV and JSON
    and datapackage.json (the deferred download's callable is recorded as Streamlit registers it)."""
    import io
    import json
    import zipfile

    from streamlit.runtime.media_file_manager import MediaFileManager

    registered: dict[str, tuple[Any, str | None]] = {}
    add_deferred = MediaFileManager.add_deferred

    def recording(self: MediaFileManager, data: Any, *args: Any, **kwargs: Any) -> str:
        file_id = add_deferred(self, data, *args, **kwargs)
        registered[file_id] = (data, kwargs.get("file_name"))
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("QF_REQUIRE_LOGIN", raising=False)
    monkeypatch.setenv("QF_SQLITE_PATH", str(tmp_path / "app.sqlite3"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/exports.py").run()
    assert not at.exception
    (button,) = [b for b in at.get("download_button") if b.proto.id.endswith("-dl-opendata-zip")]
    assert button.proto.label == "オープンデータ（.zip）"
    make, file_name = registered[button.proto.deferred_file_id]
    assert file_name == "opendata_FY2020_v1.zip"
    with zipfile.ZipFile(io.BytesIO(make())) as zf:
        names = set(zf.namelist())
        package = json.loads(zf.read("datapackage.json"))
        assert zf.read("followup_entries.csv").startswith(b"\xef\xbb\xbffiscal_year,")
    tables = {"followup_entries", "followup_items", "kpi_observations", "kpi_calculations", "goals"}
    tables |= {"milestones", "strategies"}
    tables |= {"agreements", "agreement_areas", "coop_areas", "pillars", "areas", "actions", "action_owners"}
    tables |= {"ministries", "sources", "update_history", "definitions"}
    assert names == {"datapackage.json"} | {f"{t}.{ext}" for t in tables for ext in ("csv", "json")}
    assert package["fiscal_year"] == 2020 and package["store_version"] == 1
