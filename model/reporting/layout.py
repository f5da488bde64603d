"""The template's layout, shared by the writer (template.py) and the reader (upload.py)."""

from __future__ import annotations

TEMPLATE_VERSION = "2"  # 2: `_meta` holds only the issue id (model/reporting/template.py)

FOLLOWUP_SHEET = "報告"
KPI_SHEET = "KPI"
HELP_SHEET = "記入方法"
META_SHEET = "_meta"

# Follow-up sheet: locked reference columns, then the three columns a ministry fills.
COL_ID = "取組ID"
COL_STRATEGY = "戦略"
COL_PILLAR = "柱"
COL_AREA = "分野"
COL_ACTION = "取組"
COL_PREV_PROGRESS = "前年度の進捗"
COL_PREV_NEXT = "前年度の次年度以降の取組"
COL_PROGRESS = "進捗"
COL_NEXT = "次年度以降の取組"
COL_STATUS = "状況"
COL_COMMENT = "事務局コメント"  # read-only: why the secretariat returned the row (model/reporting/review.py)
FOLLOWUP_REFERENCE = (
    COL_ID,
    COL_STRATEGY,
    COL_PILLAR,
    COL_AREA,
    COL_ACTION,
    COL_PREV_PROGRESS,
    COL_PREV_NEXT,
)
FOLLOWUP_FILL = (COL_PROGRESS, COL_NEXT, COL_STATUS)
# The order the sheet shows them: the columns to fill right of the action's title, last year's text after
# (the reader finds columns by their header, so any order reads back).
FOLLOWUP_COLUMNS = (
    COL_ID,
    COL_STRATEGY,
    COL_PILLAR,
    COL_AREA,
    COL_ACTION,
    *FOLLOWUP_FILL,
    COL_COMMENT,
    COL_PREV_PROGRESS,
    COL_PREV_NEXT,
)
FOLLOWUP_REQUIRED = (COL_ID, *FOLLOWUP_FILL)

# KPI sheet
COL_GOAL = "目標ID"
COL_GOAL_TITLE = "目標"
COL_UNIT = "単位"
COL_LATEST = "最新値"
COL_LATEST_DATE = "最新値の時点"
COL_DATE = "時点"
COL_VALUE = "値"
COL_NOTE = "備考"
KPI_REFERENCE = (COL_GOAL, COL_GOAL_TITLE, COL_UNIT, COL_LATEST, COL_LATEST_DATE)
KPI_FILL = (COL_DATE, COL_VALUE, COL_NOTE)
KPI_COLUMNS = (*KPI_REFERENCE, *KPI_FILL)
KPI_REQUIRED = (COL_GOAL, COL_DATE, COL_VALUE)

# Hidden metadata: one row, the key and the id of the issued template.
META_ID = "template_id"

# Cells that mean "empty" in Japanese spreadsheets.
EMPTY_MARKS = frozenset({"", "―", "－", "-", "—", "–", "ー", "‐", "−"})
