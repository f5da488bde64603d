"""The page's plotly figure as a native, editable PowerPoint chart (python-pptx chart objects).

`plan(fig)` reads a figure built by model.figures and says how PowerPoint can draw it: bars (stacked or
side by side, vertical or horizontal) become a category chart with the same categories, series, values and
colours; lines and markers over dates (a goal's trajectory) become an XY chart on a date axis. A figure
PowerPoint has no chart kind for (timelines with a category axis of partners or milestones, a heatmap, a
step line) gives None and goes into the deck as a picture. Values are the figure's own, unscaled and
unclipped, so that the chart on the slide is the chart on the page; the value axis always reaches the
largest value (or stacked total) drawn.

`alt_text(fig, lang)` describes any figure for screen readers: the title, the kind, every series and its
points (the picture's and the chart's `descr`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Pt

from model.messages import t

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial day 0 of Excel/PowerPoint date values
_DASH = {"dash": MSO_LINE.DASH, "dot": MSO_LINE.ROUND_DOT, "dashdot": MSO_LINE.DASH_DOT}
_MARKERS = {
    "circle": XL_MARKER_STYLE.CIRCLE,
    "circle-open": XL_MARKER_STYLE.CIRCLE,
    "star": XL_MARKER_STYLE.STAR,
    "diamond": XL_MARKER_STYLE.DIAMOND,
    "square": XL_MARKER_STYLE.SQUARE,
}


@dataclass
class Series:
    name: str
    values: list[float | None]  # category charts: one per category (None: no bar)
    colour: str | None = None
    xs: list[float] = field(default_factory=list)  # XY charts: x as Excel date serials
    line: bool = True
    markers: bool = True
    dash: str | None = None
    marker_symbol: str | None = None


@dataclass
class ChartPlan:
    kind: str  # "bar" | "column" | "stacked_bar" | "stacked_column" | "line"
    categories: list[str]
    series: list[Series]
    value_title: str
    category_title: str
    value_max: float
    number_format: str = "#,##0"
    labels: str | None = None  # data labels: "inside" | "outside" | None

    @property
    def xl_type(self) -> Any:
        return {
            "bar": XL_CHART_TYPE.BAR_CLUSTERED,
            "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
            "stacked_bar": XL_CHART_TYPE.BAR_STACKED,
            "stacked_column": XL_CHART_TYPE.COLUMN_STACKED,
            "line": XL_CHART_TYPE.XY_SCATTER_LINES,
        }[self.kind]


# --- reading the figure ------------------------------------------------------------------------------


def _plain(text: object, lang: str) -> str:
    """A figure label without its markup: wrapped labels (<br>) joined as the language writes them."""
    s = str(text if text is not None else "")
    s = s.replace("<br>", "" if lang == "ja" else " ")
    return re.sub(r"<[^>]+>", "", s).strip()


def _axis_title(axis: Any) -> str:
    title = axis.title.text if axis is not None and axis.title is not None else None
    return re.sub(r"<[^>]+>", " ", str(title)).strip() if title else ""


def _serial(value: object) -> float | None:
    """A date (or ISO text, or pandas Timestamp) as an Excel date serial; None when it is not a date."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return float((value - EXCEL_EPOCH).days)
    return None


def _number(value: object) -> float | None:
    if value is None:
        return None
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _nice_max(value: float) -> float:
    """The smallest 1/1.2/1.5/2/2.5/3/4/5/6/8 × 10^n at or above `value` (an axis maximum readers expect)."""
    if value <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(value))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * exp >= value - 1e-9:
            return float(step * exp)
    return float(10 * exp)


def _colour(trace: Any) -> str | None:
    for holder in (getattr(trace, "marker", None), getattr(trace, "line", None)):
        colour = getattr(holder, "color", None) if holder is not None else None
        if isinstance(colour, str) and colour.startswith("#") and len(colour) == 7:
            return colour[1:].upper()
    return None


def _bar_plan(fig: go.Figure, lang: str) -> ChartPlan:
    bars = list(fig.data)
    horizontal = all(b.orientation == "h" for b in bars)
    cat_axis, val_axis = (
        (fig.layout.yaxis, fig.layout.xaxis) if horizontal else (fig.layout.xaxis, fig.layout.yaxis)
    )
    raw_cats: list[object] = []
    if cat_axis.categoryarray is not None:
        raw_cats = list(cat_axis.categoryarray)
    for b in bars:
        for c in b.y if horizontal else b.x:
            if c not in raw_cats:
                raw_cats.append(c)
    series = []
    for b in bars:
        cats, vals = (b.y, b.x) if horizontal else (b.x, b.y)
        by_cat = {c: _number(v) for c, v in zip(cats, vals, strict=True)}
        series.append(Series(_plain(b.name, lang), [by_cat.get(c) for c in raw_cats], _colour(b)))
    stacked = fig.layout.barmode == "stack"
    if stacked:
        top = max((sum(s.values[i] or 0 for s in series) for i in range(len(raw_cats))), default=0.0)
    else:
        top = max((v for s in series for v in s.values if v is not None), default=0.0)
    value_max = _nice_max(top * 1.05)
    if val_axis.range is not None and not stacked:  # the page's own range, already fitted to the data
        value_max = max(float(val_axis.range[1]), top)
        value_max = _nice_max(value_max) if value_max > 10 else value_max
    pct = "%" in _axis_title(val_axis)
    kind = ("stacked_" if stacked else "") + ("bar" if horizontal else "column")
    return ChartPlan(
        kind=kind,
        categories=[_plain(c, lang) for c in raw_cats],
        series=series,
        value_title=_axis_title(val_axis),
        category_title=_axis_title(cat_axis),
        value_max=value_max,
        number_format='#,##0"%"' if pct else "#,##0",
        labels="inside" if stacked else "outside",
    )


def _line_plan(fig: go.Figure, lang: str) -> ChartPlan | None:
    series = []
    for tr in fig.data:
        xs = [_serial(x) for x in tr.x]
        ys = [_number(y) for y in tr.y]
        if any(x is None for x in xs) or any(y is None for y in ys) or tr.line.shape not in (None, "linear"):
            # not dates against numbers (a timeline of partners or milestones), or a step line:
            # PowerPoint has no such chart
            return None
        mode = str(tr.mode or "lines+markers")
        points = [(x, y) for x, y in zip(xs, ys, strict=True) if x is not None]
        marker = getattr(tr.marker, "symbol", None)
        series.append(
            Series(
                _plain(tr.name, lang),
                [y for _, y in points],
                _colour(tr),
                xs=[x for x, _ in points],
                line="lines" in mode,
                markers="markers" in mode,
                dash=tr.line.dash if tr.line is not None else None,
                marker_symbol=str(marker) if isinstance(marker, str) else None,
            )
        )
    top = max((v for s in series for v in s.values if v is not None), default=0.0)
    # The observed values (lines with markers) are drawn last, on top of the paths they follow; drawn
    # first, LibreOffice's rendering loses them under the required path.
    series.sort(key=lambda s: s.line and s.markers)
    return ChartPlan(
        kind="line",
        categories=[],
        series=series,
        value_title=_axis_title(fig.layout.yaxis),
        category_title=_axis_title(fig.layout.xaxis),
        value_max=_nice_max(top * 1.05),
        number_format="#,##0.##",
    )


def plan(fig: go.Figure) -> ChartPlan | None:
    """How PowerPoint draws this figure natively, or None when it has no equivalent (use a picture)."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    lang = str(meta.get("lang", "ja"))
    traces = list(fig.data)
    if not traces:
        return None
    if all(isinstance(tr, go.Bar) for tr in traces):
        return _bar_plan(fig, lang)
    if all(isinstance(tr, go.Scatter) for tr in traces):
        return _line_plan(fig, lang)
    return None


# --- writing the chart -------------------------------------------------------------------------------


def _rgb(hex_str: str) -> RGBColor:
    colour: RGBColor = RGBColor.from_string(hex_str)  # type: ignore[no-untyped-call]
    return colour


def chart_data(p: ChartPlan) -> CategoryChartData | XyChartData:
    """The plan's series as python-pptx chart data (python-pptx leaves these untyped)."""
    if p.kind == "line":
        xy = XyChartData()  # type: ignore[no-untyped-call]
        for s in p.series:
            ser = xy.add_series(s.name, number_format=p.number_format)  # type: ignore[no-untyped-call]
            for x, y in zip(s.xs, s.values, strict=True):
                ser.add_data_point(x, y)
        return xy
    data = CategoryChartData(number_format=p.number_format)  # type: ignore[no-untyped-call]
    data.categories = p.categories
    for s in p.series:
        data.add_series(s.name, s.values)  # type: ignore[no-untyped-call]
    return data


_AFTER_FONTS = ("a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")


def _east_asian_font(chart: Any, font: str) -> None:
    """Every text property of the chart names `font` as Latin and East Asian face (a:latin, a:ea, a:cs),
    placed where the schema wants them (after fills and effects, before sym and links)."""
    for tag in ("a:defRPr", "a:rPr"):
        for rpr in chart._chartSpace.iter(qn(tag)):
            for child in ("a:latin", "a:ea", "a:cs"):
                old = rpr.find(qn(child))
                if old is not None:
                    rpr.remove(old)
            anchor = next((el for x in _AFTER_FONTS if (el := rpr.find(qn(x))) is not None), None)
            for child in ("a:latin", "a:ea", "a:cs"):
                element = OxmlElement(child)
                element.set("typeface", font)
                if anchor is not None:
                    anchor.addprevious(element)
                else:
                    rpr.append(element)


def _axis(axis: Any, title: str, size: float) -> None:
    axis.has_major_gridlines = False
    axis.tick_labels.font.size = Pt(size)
    if title:
        axis.has_title = True
        axis.axis_title.text_frame.text = title
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(size)
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False


def style_chart(chart: Any, p: ChartPlan, font: str) -> None:
    """Colours, legend, axes (fitted to the data), data labels and fonts of a chart built from `p`."""
    chart.has_title = False  # the slide's title is the figure's title
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.TOP
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(12)
    chart.font.size = Pt(12)
    chart.font.name = font
    plot = chart.plots[0]
    for s, ser in zip(p.series, plot.series, strict=True):
        if p.kind == "line":
            ser.smooth = False
            if s.line:
                ser.format.line.width = Pt(2.5)
                if s.colour:
                    ser.format.line.color.rgb = _rgb(s.colour)
                if s.dash in _DASH:
                    ser.format.line.dash_style = _DASH[s.dash]
            else:
                ser.format.line.fill.background()
            if s.markers:
                ser.marker.style = _MARKERS.get(s.marker_symbol or "circle", XL_MARKER_STYLE.CIRCLE)
                ser.marker.size = 12 if s.marker_symbol == "star" else 8
                if s.colour:
                    ser.marker.format.fill.solid()
                    ser.marker.format.fill.fore_color.rgb = _rgb(
                        "FFFFFF" if (s.marker_symbol or "").endswith("-open") else s.colour
                    )
                    ser.marker.format.line.color.rgb = _rgb(s.colour)
            else:
                ser.marker.style = XL_MARKER_STYLE.NONE
        elif s.colour:
            ser.format.fill.solid()
            ser.format.fill.fore_color.rgb = _rgb(s.colour)
    if p.kind == "line":
        xs = [x for s in p.series for x in s.xs]
        first = (EXCEL_EPOCH + dt.timedelta(days=min(xs))).year
        last = (EXCEL_EPOCH + dt.timedelta(days=max(xs))).year
        x_axis = chart.category_axis  # the X value axis of an XY chart
        # one tick a year, each within 1–2 January whatever the leap years (365.25-day steps from 2 Jan)
        x_axis.minimum_scale = _serial(dt.date(first, 1, 2))
        x_axis.maximum_scale = _serial(dt.date(last + 1, 1, 2))
        x_axis.major_unit = 365.25 * (1 if last - first < 15 else 5)
        x_axis.tick_labels.number_format = "yyyy"
        x_axis.tick_labels.number_format_is_linked = False
        _axis(x_axis, p.category_title, 12)
    else:
        plot.gap_width = 60
        if p.kind in ("bar", "column"):
            plot.overlap = 100  # one series per status: each category holds one bar, centred
        _axis(chart.category_axis, p.category_title, 11)
        chart.category_axis.reverse_order = False
        plot.has_data_labels = True
        labels = plot.data_labels
        # a zero segment of a stack carries no label; a zero bar says 0 %
        labels.number_format = p.number_format + (";;;" if p.labels == "inside" else "")
        labels.number_format_is_linked = False
        labels.font.size = Pt(11)
        labels.position = XL_LABEL_POSITION.CENTER if p.labels == "inside" else XL_LABEL_POSITION.OUTSIDE_END
    value = chart.value_axis
    value.minimum_scale = 0
    value.maximum_scale = p.value_max
    value.has_major_gridlines = True
    value.major_gridlines.format.line.color.rgb = _rgb("E5E7EB")
    value.tick_labels.number_format = p.number_format
    value.tick_labels.number_format_is_linked = False
    _axis(value, p.value_title, 12)
    _east_asian_font(chart, font)


# --- alt text ----------------------------------------------------------------------------------------


def _point_text(value: object) -> str:
    if isinstance(value, str):
        return value[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", value) else value
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    f = _number(value)
    if f is None:
        return str(value)
    return f"{f:,.0f}" if f == int(f) else f"{f:,.2f}".rstrip("0").rstrip(".")


def alt_text(fig: go.Figure, lang: str, title: str, kind: str) -> str:
    """'縦積み棒グラフ「…」。完了：1. 技術開発戦略 3、… ' — the figure's series and points in words."""
    sep = "、" if lang == "ja" else ", "
    parts = []
    for tr in fig.data:
        points: list[str] = []
        if isinstance(tr, go.Heatmap):
            for row, cells in zip(tr.y, tr.z, strict=True):
                for col, z in zip(tr.x, cells, strict=True):
                    if z:
                        points.append(f"{_plain(row, lang)} × {_plain(col, lang)} {_point_text(z)}")
        else:
            horizontal = getattr(tr, "orientation", None) == "h"
            xs = list(tr.x) if tr.x is not None else []
            ys = list(tr.y) if tr.y is not None else []
            for x, y in zip(xs, ys, strict=False):
                label, value = (y, x) if horizontal else (x, y)
                points.append(f"{_plain(_point_text(label), lang)} {_point_text(value)}")
        name = _plain(tr.name, lang) if tr.name else t("deck.alt.series", lang)
        parts.append(t("deck.alt.series_points", lang, name=name, points=sep.join(points) or "—"))
    body = ("。" if lang == "ja" else ". ").join(parts)
    return t("deck.alt.text", lang, kind=t(f"deck.alt.kind.{kind}", lang), title=title, series=body)


def set_alt_text(shape: Any, text: str) -> None:
    """The `descr` of a picture or a chart's frame: what a screen reader says about it."""
    element = shape._element
    holder = element.find(qn("p:nvPicPr"))
    if holder is None:
        holder = element.find(qn("p:nvGraphicFramePr"))
    holder.find(qn("p:cNvPr")).set("descr", text)
