"""The briefing deck: a 16:9 PowerPoint built with python-pptx from the briefing tables and the dashboard's
own figures (model.figures), every chart rendered in ONE browser batch (see images.py).

Slides: cover → headline KPIs (table, then the KPI charts) → status per pillar (table, charts) →
milestones → international cooperation → follow-up highlights (delayed rows, rows not yet reported).
Every slide has a title placeholder (the outline and screen readers use it), a footer with its sources
and as-of date, and speaker notes listing the sources in full. Every run names IPAexGothic as its Latin
and East Asian (a:ea) font so that PowerPoint and LibreOffice draw the Japanese with it. Every text goes
in through `_write` or `_notes`, which reveal what the intake rule refuses (model/text.py): a stored ESC or
right-to-left override reaches no slide, and a noncharacter cannot stop the deck (lxml refuses U+FFFE).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Emu, Inches, Pt

from model.calendar_ja import format_date, format_fy
from model.errors import AppError
from model.exports import briefing, native_charts
from model.exports.briefing import Cell, Section
from model.exports.images import ImageJob, ImageSession
from model.figures import CHARTS, ChartSpec, build_chart
from model.messages import t
from model.reporting.publication import is_provisional
from model.store import Snapshot
from model.text import line_breaks, reveal

FONT = "IPAexGothic"
SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
BODY_TOP, BODY_BOTTOM = int(Inches(1.3)), int(Inches(6.75))


def _rgb(hex_str: str) -> RGBColor:
    # python-pptx leaves RGBColor untyped
    colour: RGBColor = RGBColor.from_string(hex_str)  # type: ignore[no-untyped-call]
    return colour


NAVY = _rgb("1F3864")
GREY = _rgb("4B5563")
RED = _rgb("C00000")
WHITE = _rgb("FFFFFF")
DECK_PNG_SCALE = 1.5  # 1500 px wide for a 9.5 in picture (~160 dpi); 2.0 costs ~30% more render time
FOOTER_WIDTH = 128  # half-width units on one 10 pt line; the notes carry the whole source list

# The sections briefing staff choose from, in deck order, each with the charts that follow its table.
# Charts of the registry named by no section come at the end ("more") when every section is chosen.
SECTIONS: dict[str, list[str]] = {
    "cover": [],
    "kpi": [
        "headline-users",
        "headline-production",
        "headline-unicorns",
        "kpi-progress",
        "goal-status-summary",
    ],
    "pillars": ["followup-status-pillar", "reporting-completeness", "followup-by-year"],
    "milestones": ["milestones-timeline"],
    "coop": ["frameworks-vs-goal", "agreements-timeline", "partner-area-matrix", "events-timeline"],
    "delayed": [],
    "missing": [],
}
TABLE_FONT = 12  # pt, every table; a table that does not fit continues on the next slide
TABLE_BOTTOM = int(Inches(6.8))  # the footer starts at 6.9 in
CHART_BOTTOM = int(Inches(6.3))  # a native chart leaves room for its source line
MIN_ROW = int(Inches(0.36))


@dataclass(frozen=True)
class Deck:
    data: bytes
    slides: int
    charts: int
    fiscal_year: int
    version: int  # the store version every slide shows (the snapshot it was built from)
    native: int = 0  # how many of the charts are native PowerPoint charts (the rest are pictures)


# --- text with the Japanese font ---------------------------------------------------------------------


def _font(run: object, size: float, *, bold: bool = False, color: RGBColor | None = None) -> None:
    """Size, weight, colour, and IPAexGothic as Latin *and* East Asian font of one run."""
    font = run.font  # type: ignore[attr-defined]
    font.size = Pt(size)
    font.bold = bold
    if color is not None:
        font.color.rgb = color
    font.name = FONT  # a:latin
    rpr = run._r.get_or_add_rPr()  # type: ignore[attr-defined]
    rpr.set("lang", "ja-JP")
    anchor = rpr.find(qn("a:latin"))
    for tag in ("a:ea", "a:cs"):  # schema order: latin, ea, cs
        element = rpr.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            anchor.addnext(element)
        element.set("typeface", FONT)
        anchor = element


# The run properties `_font` makes, by (size, bold, colour): a table's thousands of cells get a copy of the
# element instead of a dozen python-pptx property calls each (most of a large deck's time).
_RUN_PROPERTIES: dict[tuple[float, bool, str | None], Any] = {}


def _styled_run(para: object, size: float, *, bold: bool, color: RGBColor | None) -> object:
    """A new run at the end of `para`, styled as `_font` styles it."""
    run = para.add_run()  # type: ignore[attr-defined]
    key = (size, bold, None if color is None else str(color))
    made = _RUN_PROPERTIES.get(key)
    if made is None:
        _font(run, size, bold=bold, color=color)
        _RUN_PROPERTIES[key] = copy.deepcopy(run._r.rPr)
    else:
        run._r.insert(0, copy.deepcopy(made))
    return run


def _write(
    frame: object,
    text: str,
    size: float,
    *,
    bold: bool = False,
    color: RGBColor | None = None,
    align: PP_ALIGN | None = None,
) -> None:
    """Replace the text of a text frame: one paragraph per line, every run in the Japanese font."""
    tf = frame
    tf.clear()  # type: ignore[attr-defined]
    for i, line in enumerate(line_breaks(reveal(text)).split("\n")):
        para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()  # type: ignore[attr-defined]
        if align is not None:
            para.alignment = align
        _styled_run(para, size, bold=bold, color=color).text = line  # type: ignore[attr-defined]


def _textbox(slide: object, left: int, top: int, width: int, height: int) -> object:
    box = slide.shapes.add_textbox(left, top, width, height)  # type: ignore[attr-defined]
    tf = box.text_frame
    tf.word_wrap = True
    tf.margin_left = tf.margin_right = Inches(0.05)
    return tf


# --- slide furniture ---------------------------------------------------------------------------------


def _title(slide: object, text: str) -> None:
    title = slide.shapes.title  # type: ignore[attr-defined]
    title.left, title.top, title.width, title.height = MARGIN, Inches(0.3), SLIDE_W - 2 * MARGIN, Inches(0.8)
    title.text_frame.word_wrap = True
    title.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    _write(title.text_frame, text, 26, bold=True, color=NAVY, align=PP_ALIGN.LEFT)
    line = slide.shapes.add_connector(1, MARGIN, Inches(1.12), SLIDE_W - MARGIN, Inches(1.12))  # type: ignore[attr-defined]
    line.line.color.rgb = NAVY
    line.line.width = Pt(1.5)


def _footer_text(sources: list[str], as_of: dt.date, lang: str) -> str:
    joined = "；".join(sources) if lang == "ja" else "; ".join(sources)
    if _width(joined) > FOOTER_WIDTH:
        while joined and _width(joined) > FOOTER_WIDTH - 2:
            joined = joined[:-1]
        joined += "…"
    return t("deck.footer", lang, sources=joined or t("src.store", lang), date=format_date(as_of, lang))


def _width(text: str) -> int:
    """Display width in half-width units (a full-width character counts two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def _documents(sources: list[str], titles: list[str]) -> list[str]:
    """The documents a slide cites, without their sections: the footer names documents, the notes all."""
    out: list[str] = []
    for s in sources:
        doc = s
        if s.startswith("「") and "」" in s:
            doc = s[: s.index("」") + 1]
        else:
            doc = next((title for title in titles if s.startswith(title)), s)
        if doc not in out:
            out.append(doc)
    return out


def _footer(slide: object, sources: list[str], as_of: dt.date, lang: str, page: int) -> None:
    tf = _textbox(slide, MARGIN, Inches(6.9), SLIDE_W - 2 * MARGIN - Inches(0.8), Inches(0.45))
    _write(tf, _footer_text(sources, as_of, lang), 10, color=GREY)
    num = _textbox(slide, SLIDE_W - MARGIN - Inches(0.7), Inches(6.9), Inches(0.7), Inches(0.45))
    _write(num, str(page), 10, color=GREY, align=PP_ALIGN.RIGHT)


def _sample_badge(slide: object, lang: str) -> None:
    shape = slide.shapes.add_shape(  # type: ignore[attr-defined]
        MSO_SHAPE.ROUNDED_RECTANGLE, SLIDE_W - MARGIN - Inches(1.5), Inches(0.38), Inches(1.5), Inches(0.5)
    )
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb("FFF5F5")
    shape.line.color.rgb = RED
    shape.line.width = Pt(1.5)
    shape.name = "sample-mark"
    title = slide.shapes.title  # type: ignore[attr-defined]
    if title is not None:  # a long title wraps before the mark instead of running under it
        title.width = SLIDE_W - 2 * MARGIN - Inches(1.7)
    tf = shape.text_frame
    tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    _write(tf, t("deck.sample_mark", lang), 16, bold=True, color=RED, align=PP_ALIGN.CENTER)


def _provisional_mark(slide: object, lang: str) -> None:
    """暫定・取扱注意 at the top right of a slide of a year not published (model/reporting/publication.py):
    a slide copied into another deck keeps it."""
    shape = slide.shapes.add_shape(  # type: ignore[attr-defined]
        MSO_SHAPE.RECTANGLE, SLIDE_W - MARGIN - Inches(2.4), Inches(0.04), Inches(2.4), Inches(0.3)
    )
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb("FFFFFF")
    shape.line.color.rgb = RED
    shape.line.width = Pt(1.25)
    shape.name = "provisional-mark"
    tf = shape.text_frame
    tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    _write(tf, t("pub.mark", lang), 11, bold=True, color=RED, align=PP_ALIGN.CENTER)


def _notes(
    slide: object, sources: list[str], as_of: dt.date, version: int, lang: str, extra: list[str]
) -> None:
    listed = "\n".join(f"・{s}" for s in sources) or f"・{t('src.store', lang)}"
    text = t("deck.notes", lang, sources=listed, date=format_date(as_of, lang), version=version)
    if extra:
        text += "\n\n" + "\n".join(extra)
    slide.notes_slide.notes_text_frame.text = reveal(text)  # type: ignore[attr-defined]


# --- slides ------------------------------------------------------------------------------------------


class _Builder:
    def __init__(self, snap: Snapshot, lang: str, as_of: dt.date, fiscal_year: int) -> None:
        self.snap = snap
        self.lang = lang
        self.as_of = as_of
        self.fy = fiscal_year
        self.version = snap.version
        self.prs = Presentation()
        self.prs.slide_width = SLIDE_W
        self.prs.slide_height = SLIDE_H
        self.charts = 0
        self.native = 0
        self.titles = [str(x) for x in snap.table("sources")["title_en"]]
        self.provisional = is_provisional(snap, fiscal_year)

    def _slide(self, title: str) -> object:
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[5])  # "Title Only"
        _title(slide, title)
        if self.provisional:
            _provisional_mark(slide, self.lang)
        return slide

    def cover(self) -> None:
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[0])  # "Title Slide"
        title = slide.shapes.title
        title.left, title.top, title.width, title.height = (
            MARGIN,
            Inches(2.0),
            SLIDE_W - 2 * MARGIN,
            Inches(1.6),
        )
        _write(title.text_frame, t("deck.title", self.lang), 36, bold=True, color=NAVY, align=PP_ALIGN.CENTER)
        sub = slide.placeholders[1]
        sub.left, sub.top, sub.width, sub.height = MARGIN, Inches(3.8), SLIDE_W - 2 * MARGIN, Inches(1.4)
        text = t(
            "deck.subtitle",
            self.lang,
            fy=format_fy(self.fy, self.lang),
            date=format_date(self.as_of, self.lang),
        )
        _write(
            sub.text_frame,
            f"{text}\n{t('deck.cover_note', self.lang)}",
            18,
            color=GREY,
            align=PP_ALIGN.CENTER,
        )
        sources = [t("src.store", self.lang)]
        _footer(slide, sources, self.as_of, self.lang, len(self.prs.slides))
        _notes(slide, sources, self.as_of, self.version, self.lang, [])
        if self.provisional:
            _provisional_mark(slide, self.lang)

    def table(self, section: Section) -> None:
        """The section's table on as many slides as its rows need, every row shown; a slide after the
        first is titled 「…（続き）」 / "… (continued)" and repeats the header row."""
        top = BODY_TOP + (int(Inches(0.55)) if section.lead else 0)
        pages: list[list[list[Cell]]] = (
            paginate(section, TABLE_BOTTOM - top) if section.rows and not section.empty else [[]]
        )
        for n, rows in enumerate(pages):
            title = section.title if n == 0 else t("deck.continued", self.lang, title=section.title)
            slide = self._slide(title)
            if section.lead:
                tf = _textbox(slide, MARGIN, BODY_TOP, SLIDE_W - 2 * MARGIN, Inches(0.45))
                _write(tf, section.lead, 15, bold=True, color=NAVY)
            if section.empty or not section.rows:
                tf = _textbox(slide, MARGIN, top + Inches(0.3), SLIDE_W - 2 * MARGIN, Inches(1.0))
                _write(tf, section.empty or "—", 20, color=GREY)
            else:
                self._grid(slide, section, rows, top)
            if section.sample:
                _sample_badge(slide, self.lang)
            docs = _documents(section.sources, self.titles)
            _footer(slide, docs, self.as_of, self.lang, len(self.prs.slides))
            _notes(slide, section.sources, self.as_of, self.version, self.lang, section.notes)

    def _grid(self, slide: object, section: Section, rows: list[list[Cell]], top: int) -> None:
        n_rows, n_cols = len(rows) + 1, len(section.columns)
        width = SLIDE_W - 2 * MARGIN
        widths = column_widths(section)
        heights = [
            row_height(section.columns, widths, header_size(section)),
            *(row_height([c.text for c in r], widths, TABLE_FONT) for r in rows),
        ]
        shape = slide.shapes.add_table(n_rows, n_cols, MARGIN, top, width, sum(heights))  # type: ignore[attr-defined]
        shape.name = f"table:{len(rows)}"
        table = shape.table
        for i, w in enumerate(widths):
            table.columns[i].width = Emu(w)
        # Each row's height set through python-pptx sums every row's again (quadratic in a long table):
        # set them on the rows' elements, then the frame's height once.
        for i, h in enumerate(heights):
            table.rows[i]._tr.h = Emu(h)
        table.notify_height_changed()
        for j, name in enumerate(section.columns):
            cell = table.cell(0, j)
            cell.fill.solid()
            cell.fill.fore_color.rgb = NAVY
            cell.margin_left = cell.margin_right = Inches(0.05)
            _write(cell.text_frame, name, header_size(section), bold=True, color=WHITE)
        for i, row in enumerate(rows, start=1):
            for j, value in enumerate(row):
                cell = table.cell(i, j)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                cell.margin_top = cell.margin_bottom = Inches(0.03)
                cell.margin_left = cell.margin_right = Inches(0.05)
                _write(cell.text_frame, value.text, TABLE_FONT)
                if value.sample:
                    run = cell.text_frame.paragraphs[-1].add_run()
                    _font(run, TABLE_FONT - 1, bold=True, color=RED)
                    run.text = (" " if value.text else "") + t("deck.sample_mark", self.lang)

    def chart(self, spec: ChartSpec, fig: go.Figure, png: bytes | None) -> None:
        """A native chart when PowerPoint has the figure's kind (native_charts.plan), else its picture;
        either way with alt text, the figure's sources and as-of date, and the sample mark."""
        title = chart_title(spec, fig, self.lang)
        slide = self._slide(title)
        meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
        source = str(meta.get("source", ""))
        prefix = t("fig.source", self.lang, text="")
        sources = [s.strip() for s in source.removeprefix(prefix).split(";") if s.strip()] or [
            t("src.store", self.lang)
        ]
        plan = native_charts.plan(fig)
        shape: object
        if plan is not None:
            frame = slide.shapes.add_chart(  # type: ignore[attr-defined]
                plan.xl_type,
                MARGIN,
                BODY_TOP,
                SLIDE_W - 2 * MARGIN,
                CHART_BOTTOM - BODY_TOP,
                native_charts.chart_data(plan),
            )
            native_charts.style_chart(frame.chart, plan, FONT)
            shape, kind = frame, plan.kind
            # the status line the figure carries inside (the sources are in the footer and the notes)
            status = _annotation(fig, "status")
            if status:
                tf = _textbox(slide, MARGIN, CHART_BOTTOM + Inches(0.05), SLIDE_W - 2 * MARGIN, Inches(0.4))
                _write(tf, status, 12, color=NAVY)
            self.native += 1
        else:
            assert png is not None, f"no picture rendered for {spec.name}"
            # the picture keeps the figure's aspect ratio, as large as the body allows, centred
            w_px = fig.layout.width or 1000
            h_px = fig.layout.height or 560
            height = BODY_BOTTOM - BODY_TOP
            width = int(height * w_px / h_px)
            if width > SLIDE_W - 2 * MARGIN:
                width = SLIDE_W - 2 * MARGIN
                height = int(width * h_px / w_px)
            left = int((SLIDE_W - width) / 2)
            shape = slide.shapes.add_picture(io.BytesIO(png), left, BODY_TOP, width, height)  # type: ignore[attr-defined]
            kind = "picture"
        shape.name = f"chart:{spec.name}"  # type: ignore[attr-defined]
        native_charts.set_alt_text(shape, native_charts.alt_text(fig, self.lang, title, kind))
        if meta.get("sample"):
            _sample_badge(slide, self.lang)
        _footer(slide, _documents(sources, self.titles), self.as_of, self.lang, len(self.prs.slides))
        extra = [t("deck.chart_notes", self.lang, name=spec.name)]
        if meta.get("sample"):
            extra.append(t("deck.sample_note", self.lang))
        _notes(slide, sources, self.as_of, self.version, self.lang, extra)
        self.charts += 1

    def save(self) -> bytes:
        buf = io.BytesIO()
        self.prs.save(buf)
        return buf.getvalue()


def _annotation(fig: go.Figure, name: str) -> str:
    """The text of the figure's annotation `name` (finish() names them), without markup."""
    for ann in fig.layout.annotations:
        if ann.name == name and ann.text:
            return re.sub(r"<[^>]+>", "", str(ann.text).replace("<br>", "")).strip()
    return ""


def chart_title(spec: ChartSpec, fig: go.Figure, lang: str) -> str:
    """The figure's own title (it names the fiscal year it was drawn for), without markup."""
    text = fig.layout.title.text if fig.layout.title else None
    if not text:
        return spec.title(lang)
    return re.sub(r"<[^>]+>", " ", str(text)).strip()


def build_figure(spec: ChartSpec, snap: Snapshot, lang: str, as_of: dt.date, fiscal_year: int) -> go.Figure:
    """The chart as the dashboard draws it; charts of one fiscal year are drawn for the deck's year."""
    params = {"fiscal_year": fiscal_year} if "fiscal_year" in spec.params else {}
    return build_chart(spec.name, snap, lang, as_of, **params)


def chart_plan(charts: Sequence[str] | None, sections: Sequence[str] | None = None) -> dict[str, list[str]]:
    """Section → chart names, in deck order, for the chosen sections (all by default); chart names no
    section lists go to the end ("more") when every section is chosen."""
    wanted = list(CHARTS) if charts is None else list(charts)
    for name in wanted:
        if name not in CHARTS:
            raise AppError("err.export.unknown_chart", name=name, known=", ".join(CHARTS))
    chosen = check_sections(sections)
    plan: dict[str, list[str]] = {}
    placed: set[str] = set()
    for section, names in SECTIONS.items():
        placed.update(names)
        if section in chosen:
            plan[section] = [n for n in names if n in wanted]
    plan["more"] = [n for n in wanted if n not in placed] if len(chosen) == len(SECTIONS) else []
    return plan


def check_sections(sections: Sequence[str] | None) -> list[str]:
    """The chosen section keys in deck order (all when None); an unknown key is an error naming the known."""
    if sections is None:
        return list(SECTIONS)
    wanted = [s.strip() for s in sections if s.strip()]
    for key in wanted:
        if key not in SECTIONS:
            raise AppError("err.export.unknown_section", name=key, known=", ".join(SECTIONS))
    if not wanted:
        raise AppError("err.export.no_section", known=", ".join(SECTIONS))
    return [key for key in SECTIONS if key in wanted]


def _tables(snap: Snapshot, lang: str, as_of: dt.date, fy: int) -> dict[str, Callable[[], list[Section]]]:
    return {
        "cover": list,
        "kpi": lambda: [briefing.kpi_section(snap, lang, as_of)],
        "pillars": lambda: [briefing.pillar_section(snap, lang, fy)],
        "milestones": lambda: [briefing.milestone_section(snap, lang, as_of)],
        "coop": lambda: [briefing.coop_section(snap, lang, as_of)],
        "delayed": lambda: [briefing.delayed_section(snap, lang, fy)],
        "missing": lambda: [briefing.missing_section(snap, lang, fy)],
        "more": list,
    }


def build_deck(
    snap: Snapshot,
    *,
    fiscal_year: int | None = None,
    lang: str = "ja",
    as_of: dt.date | None = None,
    charts: Sequence[str] | None = None,
    sections: Sequence[str] | None = None,
) -> Deck:
    """The whole deck as .pptx bytes: the chosen `sections` (keys of SECTIONS, all by default) in deck
    order; `charts` picks (and orders within sections) the chart slides."""
    as_of = as_of or dt.date.today()
    fy = fiscal_year if fiscal_year is not None else briefing.deck_fiscal_year(snap, as_of)
    plan = chart_plan(charts, sections)
    names = [n for section in plan.values() for n in section]
    figs = {n: build_figure(CHARTS[n], snap, lang, as_of, fy) for n in names}
    # Only charts PowerPoint cannot draw natively become pictures, all in one browser.
    pictured = [n for n in names if native_charts.plan(figs[n]) is None]
    pngs: dict[str, bytes] = {}
    if pictured:
        with ImageSession() as session:
            jobs = [ImageJob(figs[n], "png", n, scale=DECK_PNG_SCALE) for n in pictured]
            pngs = dict(zip(pictured, session.render(jobs), strict=True))
    tables = _tables(snap, lang, as_of, fy)

    b = _Builder(snap, lang, as_of, fy)
    for key, chart_names in plan.items():
        if key == "cover":
            b.cover()
        for section in tables[key]():
            b.table(section)
        for name in chart_names:
            b.chart(CHARTS[name], figs[name], pngs.get(name))
    return Deck(b.save(), len(b.prs.slides), b.charts, fy, snap.version, b.native)


# --- table geometry ----------------------------------------------------------------------------------


def column_widths(section: Section) -> list[int]:
    """Column widths in EMU: the section's relative widths over the body width."""
    width = int(SLIDE_W - 2 * MARGIN)
    total = sum(section.widths)
    return [int(width * w / total) for w in section.widths]


def header_size(section: Section) -> float:
    return TABLE_FONT - 2 if len(section.columns) > 7 else TABLE_FONT


def row_height(texts: Sequence[str], widths: Sequence[int], size: float) -> int:
    """A row's height (EMU) for its texts at `size` pt: the most lines any cell needs, counted by display
    width (a full-width character is one em), with a margin so that the estimate is not short."""
    lines = 1
    for text, width in zip(texts, widths, strict=True):
        usable_pt = width / 12700 - 7.2 - 2  # cell margins (0.05 in each side) and the border
        per_line = max(1.0, usable_pt / (size / 2) * 0.92)  # half-width units per line, 8 % slack
        n = sum(max(1, math.ceil(_width(part) / per_line)) for part in (text or " ").split("\n"))
        lines = max(lines, n)
    return max(MIN_ROW, int(Pt(size * 1.22 * lines + 6)))


def paginate(section: Section, height: int) -> list[list[list[Cell]]]:
    """The rows split into slides of at most `height` EMU (the header row repeated on each); every row
    on some slide, in order; a row taller than a slide gets a slide of its own."""
    widths = column_widths(section)
    header = row_height(section.columns, widths, header_size(section))
    pages: list[list[list[Cell]]] = [[]]
    used = header
    for row in section.rows:
        h = row_height([c.text for c in row], widths, TABLE_FONT)
        if pages[-1] and used + h > height:
            pages.append([])
            used = header
        pages[-1].append(row)
        used += h
    return pages
