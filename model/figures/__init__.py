"""Every chart of the dashboard as a pure function `(snap, lang, as_of) -> plotly Figure`.

One module per view (`kpi`: goal trajectories and KPIs, `followup`, `milestones`, `international`), the
style and furniture they share in `_common`, and one registry (`registry`: `CHARTS`, `REGISTRY`,
`build_chart`) through which the page, the deck and the command line all draw.

The same functions feed the page and the briefing exports (PNG/SVG/PDF, the deck), so each figure
carries everything a reader needs inside itself: the title, a legend, a source line and the as-of date
(annotations at the bottom), and a visible サンプル / Sample mark whenever a drawn value is a sample.
Fonts name a Japanese face so that static export draws Japanese, not boxes.
"""

from __future__ import annotations

from model.figures._common import (
    FONT_FAMILY,
    FU_COLOURS,
    HEIGHT,
    KPI_COLOURS,
    KPI_TEXT_COLOURS,
    MS_COLOURS,
    SAMPLE_RED,
    SERIES,
    WIDTH,
    ChartSpec,
    as_of_text,
    empty,
    finish,
    is_finite,
    label_margin,
    short,
)
from model.figures.followup import followup_by_year, pillar_status, reporting_completeness
from model.figures.international import (
    agreements_timeline,
    events_timeline,
    frameworks_goal,
    partner_area_heatmap,
)
from model.figures.kpi import goal_status_summary, goal_trajectory, kpi_progress
from model.figures.milestones import milestones_timeline
from model.figures.registry import CHARTS, HEADLINE_CHARTS, REGISTRY, build_chart
from model.sources import source_label

__all__ = [
    "CHARTS",
    "FONT_FAMILY",
    "FU_COLOURS",
    "HEADLINE_CHARTS",
    "HEIGHT",
    "KPI_COLOURS",
    "KPI_TEXT_COLOURS",
    "MS_COLOURS",
    "REGISTRY",
    "SAMPLE_RED",
    "SERIES",
    "WIDTH",
    "ChartSpec",
    "agreements_timeline",
    "as_of_text",
    "build_chart",
    "empty",
    "events_timeline",
    "finish",
    "followup_by_year",
    "frameworks_goal",
    "goal_status_summary",
    "goal_trajectory",
    "is_finite",
    "kpi_progress",
    "label_margin",
    "milestones_timeline",
    "partner_area_heatmap",
    "pillar_status",
    "reporting_completeness",
    "short",
    "source_label",
]
