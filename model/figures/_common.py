"""What every chart shares: the style (fonts, size, colours), the `ChartSpec` of the registry, and the
furniture that `finish` puts inside each figure (title, legend, source line, as-of date, sample mark)."""

from __future__ import annotations

import datetime as dt
import math
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go

from model import followup as followup_model
from model.calendar_ja import format_date
from model.messages import t

FONT_FAMILY = "IPAexGothic, 'Noto Sans CJK JP', sans-serif"
WIDTH, HEIGHT = 1000, 560

# Colours: readable on white and told apart without relying on red/green alone (ordered light → dark).
KPI_COLOURS = {
    "achieved": "#1b7837",
    "on_track": "#5aae61",
    "moderate": "#f6c141",
    "limited": "#e8601c",
    "deteriorating": "#b2182b",
    "missed": "#72190e",
    "no_data": "#bababa",
    "no_target": "#7b8fa6",
}
# Text on white needs darker shades than bars do.
KPI_TEXT_COLOURS = {**KPI_COLOURS, "on_track": "#2d7a35", "moderate": "#8a6100", "no_data": "#6b7280"}
FU_COLOURS = {
    "完了": "#1b7837",
    "順調": "#5aae61",
    "一部遅延": "#f6c141",
    "遅延": "#d6604d",
    "未着手": "#8c510a",
    followup_model.NO_STATUS: "#bababa",
}
MS_COLOURS = {"done": "#1b7837", "overdue": "#b2182b", "due": "#2166ac", "no_date": "#888888"}
SERIES = {"actual": "#1f4e79", "required": "#7f7f7f", "projection": "#e8601c", "target": "#b2182b"}
SAMPLE_RED = "#c00000"


@dataclass(frozen=True)
class ChartSpec:
    name: str  # ascii slug, e.g. "headline-users"
    title_ja: str
    title_en: str
    build: Callable[..., go.Figure]  # (snap, lang, as_of, **params) -> Figure
    params: tuple[str, ...] = ()  # the keyword parameters it takes (e.g. fiscal_year), all optional
    required: tuple[str, ...] = ()  # parameters without which it cannot be drawn (e.g. goal_id)

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_ja


# --- furniture -----------------------------------------------------------------------------------------


def as_of_text(as_of: dt.date, lang: str) -> str:
    return t("fig.as_of", lang, date=format_date(as_of, lang))


def wrap(text: str, width: int) -> str:
    """Wrap a long source line for the figure (Japanese has no spaces: wrap by characters)."""
    if len(text) <= width:
        return text
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=True))


def finish(
    fig: go.Figure,
    *,
    name: str,
    title: str,
    source: str,
    as_of: dt.date,
    lang: str,
    sample: bool = False,
    height: int = HEIGHT,
    left: int = 80,
    bottom_extra: int = 0,
) -> go.Figure:
    """Title, legend, source line, as-of date and the sample mark, inside the figure.

    `left` is the left margin in pixels, fixed (no automargin) so that the furniture anchored to the
    plot can be shifted to the figure's left edge; charts with long category labels pass `label_margin`.
    """
    src = t("fig.source", lang, text=source)
    lines = wrap(src, 72 if lang == "ja" else 125)
    n_lines = lines.count("<br>") + 1
    bottom = 95 + 16 * n_lines + bottom_extra  # the source lines, then the as-of date on its own line
    top = 130 if sample else 105
    fig.update_layout(
        # Named, not left to the process default: importing streamlit changes plotly's default template,
        # and a chart on the page must be the chart in the deck and the CLI's file.
        template="plotly",
        title={
            "text": title,
            "x": 0.01,
            "xanchor": "left",
            "xref": "container",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 14},
            "font": {"size": 19},
        },
        font={"family": FONT_FAMILY, "size": 13, "color": "#1f2937"},
        width=WIDTH,
        height=height,
        margin={"l": left, "r": 40, "t": top, "b": bottom},
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 1.0,
            "yanchor": "bottom",
            "traceorder": "normal",
        },
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel={"font": {"family": FONT_FAMILY}},
        meta={"chart": name, "source": src, "as_of": as_of.isoformat(), "sample": sample, "lang": lang},
    )
    fig.update_xaxes(showline=True, linecolor="#9ca3af", gridcolor="#eef0f3", automargin=False)
    fig.update_yaxes(showline=True, linecolor="#9ca3af", gridcolor="#eef0f3", automargin=False)
    to_edge = -(left - 10)  # from the plot's left edge to the figure's
    shift = -(bottom - 8 - 16 * (n_lines + 1))  # top of the footer, below the plot (px)
    for text, dy, ann_name in ((lines, 0, "source"), (as_of_text(as_of, lang), 16 * n_lines, "as_of")):
        fig.add_annotation(
            text=text,
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            xanchor="left",
            yanchor="top",
            yshift=shift - dy,
            showarrow=False,
            align="left",
            font={"size": 11, "color": "#4b5563"},
            xshift=to_edge,
            name=ann_name,
        )
    if sample:
        # Its own row under the title, above the legend (the legend grows upwards from the plot).
        fig.add_annotation(
            text=f"<b>{t('sample.badge', lang)}</b>｜{t('fig.sample', lang)}",
            xref="paper",
            yref="paper",
            x=0,
            y=1,
            xanchor="left",
            yanchor="top",
            yshift=top - 46,
            xshift=to_edge,
            showarrow=False,
            font={"size": 12, "color": SAMPLE_RED},
            bordercolor=SAMPLE_RED,
            borderwidth=1.5,
            borderpad=3,
            bgcolor="#fff5f5",
            name="sample",
        )
    return fig


def empty(fig: go.Figure, message: str) -> go.Figure:
    """A clear empty state drawn in the middle of the plot area."""
    fig.add_annotation(
        text=message,
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        showarrow=False,
        font={"size": 16, "color": "#6b7280"},
        name="empty",
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def label_margin(labels: list[str], size: int = 13, axis_title: bool = False) -> int:
    """A left margin (px) wide enough for the longest category label (CJK characters count double)."""
    widest = max((sum(size if ord(c) > 0x2E7F else size * 0.58 for c in lab) for lab in labels), default=0)
    return int(min(520, max(80, widest + 24 + (28 if axis_title else 0))))


def short(text: str, n: int = 26) -> str:
    text = re.sub(r"\s+", " ", str(text)).strip()
    return text if len(text) <= n else text[: n - 1] + "…"


def is_finite(x: float | None) -> bool:
    return x is not None and not math.isnan(x)
