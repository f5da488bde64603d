"""What the deck says, opened with python-pptx: native charts with the page's values, alt text everywhere,
lists continued instead of cut, deadlines at their source's precision, document titles for sources, axes
that reach the data, and exactly the sections chosen."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from model.errors import AppError
from model.exports.briefing import deadline_text
from model.exports.deck import SECTIONS, build_deck, build_figure
from model.figures import CHARTS
from model.milestones import milestones_table
from model.store import Store
from tests.model.exports.conftest import FY

AS_OF = dt.date(2026, 3, 31)
NATIVE = {  # chart → how PowerPoint draws it
    "headline-users": "XY_SCATTER",
    "headline-production": "XY_SCATTER",
    "headline-unicorns": "XY_SCATTER",
    "kpi-progress": "BAR_CLUSTERED",
    "goal-status-summary": "COLUMN_STACKED",
    "followup-status-pillar": "COLUMN_STACKED",
    "reporting-completeness": "BAR_STACKED",
    "followup-by-year": "COLUMN_STACKED",
}
PICTURES = {"milestones-timeline", "agreements-timeline", "partner-area-matrix", "events-timeline"}
PICTURES |= {"frameworks-vs-goal"}  # a step line: PowerPoint has no step chart
FILE_PATH = re.compile(r"[\w.-]+/[\w.-]+\.(?:csv|xlsx|txt)|\b\d{3}_[0-9a-f]{16}\.txt|data/")


@pytest.fixture(scope="module")
def full(shared_reported_store: Store) -> Any:
    """Every section and every chart of the FY2025 deck, opened."""
    built = build_deck(shared_reported_store.snapshot(), fiscal_year=FY, as_of=AS_OF)
    return Presentation(io.BytesIO(built.data))


def _chart_shapes(prs: Any) -> dict[str, Any]:
    return {
        s.name.removeprefix("chart:"): s
        for slide in prs.slides
        for s in slide.shapes
        if s.name.startswith("chart:")
    }


def trace_order(fig: Any) -> str:
    return "bars" if all(tr.type == "bar" for tr in fig.data) else "lines"


def _texts(prs: Any) -> list[str]:
    """Every text of every slide: shapes, table cells, chart XML (titles, categories, series) and notes."""
    out = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
            if shape.has_table:
                out += [c.text for row in shape.table.rows for c in row.cells]
            if shape.has_chart:
                out += [el.text or "" for el in shape.chart._chartSpace.iter(qn("c:v"))]
        out.append(slide.notes_slide.notes_text_frame.text)
    return out


def test_bar_and_line_charts_are_chart_objects_with_the_page_figures_values(
    full: Any, shared_reported_store: Store
) -> None:
    """Each native chart holds the figure's series (names, values, colours) in the figure's order; the
    charts PowerPoint has no kind for are pictures."""
    shapes = _chart_shapes(full)
    assert set(shapes) == set(CHARTS)
    snap = shared_reported_store.snapshot()
    for name, xl_type in NATIVE.items():
        shape = shapes[name]
        assert shape.has_chart, name
        chart = shape.chart
        assert chart.chart_type.name.startswith(xl_type), name  # the line kinds vary per series
        fig = build_figure(CHARTS[name], snap, "ja", AS_OF, FY)
        by_name = {s.name: s for s in chart.plots[0].series}
        traces = {re.sub(r"<[^>]+>", "", str(tr.name)): tr for tr in fig.data}
        assert sorted(by_name) == sorted(traces), name
        if trace_order(fig) == "bars":  # bars keep the figure's order (the legend's and the stack's)
            assert [s.name for s in chart.plots[0].series] == list(traces), name
        for ser, trace in ((by_name[n], tr) for n, tr in traces.items()):
            colour = trace.marker.color if trace.type == "bar" else trace.line.color or trace.marker.color
            if trace.type == "bar":
                horizontal = trace.orientation == "h"
                cats, vals = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
                names = [c.replace("<br>", "") for c in chart.plots[0].categories]
                by_cat = dict(zip(names, ser.values, strict=True))
                assert [by_cat[str(c).replace("<br>", "")] for c in cats] == pytest.approx(list(vals)), name
                assert str(ser.format.fill.fore_color.rgb) == colour.lstrip("#").upper(), name
            else:
                assert list(ser.values) == pytest.approx(list(trace.y)), name
            if trace.type == "scatter" and "lines" in trace.mode:
                assert str(ser.format.line.color.rgb) == colour.lstrip("#").upper(), name
    for name in PICTURES:
        assert shapes[name].shape_type == 13 and not shapes[name].has_chart, name  # MSO_SHAPE_TYPE.PICTURE


def test_the_kpi_chart_draws_a_goal_past_150_percent_on_an_axis_that_reaches_it(
    full: Any, shared_reported_store: Store
) -> None:
    """G-3-1 is at 160 %: the page's figure and the slide's chart both carry 160, and every native
    chart's value axis reaches its largest bar or stacked total."""
    fig = build_figure(CHARTS["kpi-progress"], shared_reported_store.snapshot(), "ja", AS_OF, FY)
    values = [v for tr in fig.data for v in tr.x]
    assert max(values) == pytest.approx(160.0)
    assert fig.layout.xaxis.range[1] >= 160
    for name in NATIVE:
        chart = _chart_shapes(full)[name].chart
        series = list(chart.plots[0].series)
        if chart.chart_type.name.endswith("STACKED"):
            top = max(sum(s.values[i] or 0 for s in series) for i in range(len(series[0].values)))
        else:
            top = max(v for s in series for v in s.values if v is not None)
        assert chart.value_axis.maximum_scale >= top, name
    assert _chart_shapes(full)["kpi-progress"].chart.value_axis.maximum_scale >= 160


def test_every_picture_and_chart_has_alt_text_naming_its_title_and_values(full: Any) -> None:
    """descr on every chart frame and picture: the kind, the title, and the series' points in words."""
    seen = 0
    for slide in full.slides:
        for shape in slide.shapes:
            if shape.shape_type == 13 or shape.has_chart:
                descr = shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr")
                assert descr and "image" not in descr, shape.name
                assert slide.shapes.title.text in descr, shape.name
                seen += 1
    assert seen == len(CHARTS)
    kpi = _chart_shapes(full)["kpi-progress"]._element.xpath("./*[1]/p:cNvPr")[0].get("descr")
    assert kpi.startswith("横棒グラフ「数値目標の達成率」") and "G-3-1" in kpi and "160" in kpi


def test_milestones_longer_than_a_slide_continue_and_none_is_hidden(
    full: Any, shared_reported_store: Store
) -> None:
    """The milestone table runs onto 「マイルストーン（続き）」: every milestone once, no 「ほか N 件」."""
    slides = [
        s
        for s in full.slides
        if s.shapes.title.text.startswith("マイルストーン") and "時系列" not in s.shapes.title.text
    ]
    assert [s.shapes.title.text for s in slides] == ["マイルストーン", "マイルストーン（続き）"]
    listed = [
        row.cells[0].text
        for s in slides
        for shape in s.shapes
        if shape.has_table
        for row in list(shape.table.rows)[1:]
    ]
    table = milestones_table(shared_reported_store.snapshot(), AS_OF)
    assert sorted(listed) == sorted(table["title_ja"])
    for slide in slides:  # the header row is repeated on the continuation
        grid = next(s.table for s in slide.shapes if s.has_table)
        assert grid.cell(0, 1).text == "期限"
    assert not [x for x in _texts(full) if re.search(r"ほか\s*\d+\s*(件|行)", x)]


def test_no_slide_text_names_a_file(full: Any) -> None:
    """Sources are document titles: no data/goals.csv, no seed file name, on slides, charts or notes."""
    hits = [x for x in _texts(full) if FILE_PATH.search(x)]
    assert hits == []
    assert any("「量子未来産業創出戦略」" in x for x in _texts(full))


def test_deadlines_keep_their_sources_precision_on_the_slides(full: Any) -> None:
    """令和9年 is 2027年 (with the source's words), never 2027年12月31日; fiscal years stay 年度; the
    framework goal's deadline is 2024年度, not 2025年3月31日."""
    cells = {
        row.cells[0].text: row.cells[1].text
        for s in full.slides
        if s.shapes.title.text.startswith("マイルストーン")
        for shape in s.shapes
        if shape.has_table
        for row in shape.table.rows
    }
    assert cells["令和9年には1,000量子ビット級の実機の実現を目指す"] == "2027年（令和9年）"
    assert (
        cells[
            "2027年度には、脳磁計測システム等をはじめとする量子計測・センシングデバイスのプロトタイプを実現する"
        ]
        == "2027年度"
    )
    assert cells["2021年 4月に8拠点の拠点長が集まる量子技術イノベーション拠点推進会議を設置し"] == "2021年4月"
    assert not [v for v in cells.values() if re.search(r"12月31日|3月31日", v)]
    lead = next(x for x in _texts(full) if x.startswith("政府レベルの協力枠組み"))
    assert "目標期限 2024年度（５年以内を目途に）" in lead and "3月31日" not in lead


@pytest.mark.parametrize(
    ("goal", "lang", "expected"),
    [
        ({"target_year": 2027, "target_basis": "CY", "target_text_ja": "令和9年"}, "ja", "2027年（令和9年）"),
        ({"target_year": 2027, "target_basis": "CY", "target_text_ja": "令和9年"}, "en", "2027"),
        (
            {"target_year": 2024, "target_basis": "FY", "target_text_ja": "令和6年度頃"},
            "ja",
            "2024年度（令和6年度頃）",
        ),
        ({"target_year": 2022, "target_basis": "FY", "target_text_ja": "2022年度"}, "ja", "2022年度"),
        ({"target_year": 2022, "target_basis": "FY"}, "en", "FY2022"),
        ({"target_year": 2023, "target_basis": "CY", "target_text_ja": "令和5年3月"}, "en", "Mar 2023"),
        ({"target_year": 2021, "target_basis": "CY", "target_date": "2021-04-01"}, "en", "1 Apr 2021"),
        ({"target_text_ja": "毎年"}, "ja", "毎年"),
        ({}, "ja", "—"),
    ],
)
def test_deadline_text(goal: dict[str, object], lang: str, expected: str) -> None:
    """A deadline is printed as precisely as its source gives it, and no more precisely."""
    assert deadline_text(goal, lang) == expected


def test_chosen_sections_give_exactly_those_slides(shared_reported_store: Store) -> None:
    """--sections kpi,missing: the KPI table, its chosen chart, the rows not yet reported; nothing else."""
    snap = shared_reported_store.snapshot()
    built = build_deck(
        snap, fiscal_year=FY, as_of=AS_OF, charts=["kpi-progress"], sections=["missing", "kpi"]
    )
    titles = [s.shapes.title.text for s in Presentation(io.BytesIO(built.data)).slides]
    assert titles == ["2030年目標（ヘッドライン KPI）の状況", "数値目標の達成率", "未報告の取組（2025年度）"]
    assert (built.slides, built.charts, built.native) == (3, 1, 1)


@pytest.mark.parametrize(
    ("sections", "msg_id"),
    [(["kpi", "slides"], "err.export.unknown_section"), ([" "], "err.export.no_section")],
)
def test_unknown_or_no_section_is_a_clear_error(
    shared_reported_store: Store, sections: list[str], msg_id: str
) -> None:
    """An unknown section names the known ones; an empty choice asks for one."""
    with pytest.raises(AppError) as err:
        build_deck(
            shared_reported_store.snapshot(), fiscal_year=FY, as_of=AS_OF, charts=[], sections=sections
        )
    assert err.value.msg_id == msg_id
    assert ", ".join(SECTIONS) in err.value.render("en")
