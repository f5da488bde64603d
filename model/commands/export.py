"""export deck | followup | chart: the briefing deck, the follow-up table as published, single charts."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from model.calendar_ja import format_fy, parse_date, parse_fiscal_year
from model.commands._common import snapshot_from
from model.errors import AppError
from model.messages import t

FOLLOWUP_SUFFIXES = (".xlsx", ".csv")
DECK_SUFFIXES = (".pptx", ".pdf")


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="briefing exports: deck, published follow-up table, charts",
        description="Write the briefing deck (PowerPoint/PDF), the follow-up table as published "
        "(Excel/CSV) or a single chart (PNG/SVG/PDF).",
    )
    kinds = p.add_subparsers(dest="export_kind", required=True, metavar="KIND")

    d = kinds.add_parser(
        "deck",
        help="16:9 briefing deck (.pptx; .pdf through LibreOffice)",
        description="Cover, headline KPIs, status per pillar, milestones, international cooperation, "
        "follow-up highlights and every chart; each slide with its sources and as-of date. An --out "
        "ending in .pdf writes the PDF (needs LibreOffice); --pdf writes both.",
    )
    d.add_argument("--fiscal-year", help="follow-up year, e.g. 2025 or 令和7年度 (default: the newest)")
    d.add_argument("--as-of", help="as-of date of the KPI and milestone status (default today)")
    d.add_argument("--chart", action="append", dest="charts", help="only this chart (repeatable)")
    d.add_argument(
        "--sections",
        metavar="A,B,…",
        help="only these slides, comma-separated, in deck order: "
        + ", ".join(_deck_sections())
        + " (default: all)",
    )
    d.add_argument("--pdf", action="store_true", help="also write a PDF next to the .pptx")
    d.add_argument("--out", required=True, help="output file (.pptx or .pdf)")
    _common(d)
    d.set_defaults(run=run_deck)

    f = kinds.add_parser(
        "followup",
        help="the follow-up table as published (.xlsx print-ready, or .csv UTF-8 with BOM)",
        description="取組 / 進捗 / 次年度以降の取組, grouped by pillar and sub-area with the ＜目標＞ line "
        "and the ministries in 【…】.",
    )
    f.add_argument("--fiscal-year", required=True, help="e.g. 2020 or 令和2年度")
    f.add_argument("--out", required=True, help="output file (.xlsx or .csv)")
    _common(f)
    f.set_defaults(run=run_followup)

    c = kinds.add_parser(
        "chart",
        help="one chart as PNG, SVG or PDF (--list names them)",
        description="A chart of the dashboard with its title, legend, source line and as-of date.",
    )
    c.add_argument("name", nargs="?", help="chart name (see --list)")
    c.add_argument("--list", action="store_true", help="list the chart names and titles")
    c.add_argument("--format", choices=["png", "svg", "pdf"], help="default: from --out's suffix")
    c.add_argument("--as-of", help="as-of date (default today)")
    c.add_argument("--fiscal-year", help="for charts of one follow-up year (default: as on the dashboard)")
    c.add_argument("--out", help="output file")
    _common(c)
    c.set_defaults(run=run_chart)


def _deck_sections() -> list[str]:
    from model.exports.deck import SECTIONS

    return list(SECTIONS)


def _common(parser: argparse.ArgumentParser) -> None:
    """--lang and --database-url also after the kind (`export deck --lang en`), as on every command."""
    parser.add_argument("--lang", choices=["ja", "en"], default=argparse.SUPPRESS, help="language (ja)")
    parser.add_argument("--database-url", default=argparse.SUPPRESS, help="database URL")


def _out(path: str, allowed: tuple[str, ...]) -> Path:
    out = Path(path)
    if out.suffix.lower() not in allowed:
        raise AppError("err.export.bad_suffix", path=path, known=", ".join(allowed))
    return out


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        raise AppError("err.export.cannot_write", path=str(path), detail=exc.strerror or str(exc)) from exc


def _as_of(args: argparse.Namespace) -> dt.date:
    return parse_date(args.as_of) if getattr(args, "as_of", None) else dt.date.today()


def run_deck(args: argparse.Namespace) -> int:
    from model.exports.deck import build_deck
    from model.exports.pdf import convert_to_pdf

    out = _out(args.out, DECK_SUFFIXES)
    snap = snapshot_from(args)
    fy = parse_fiscal_year(args.fiscal_year) if args.fiscal_year else None
    sections = args.sections.split(",") if args.sections is not None else None
    deck = build_deck(
        snap, fiscal_year=fy, lang=args.lang, as_of=_as_of(args), charts=args.charts, sections=sections
    )
    detail = t("cli.export.deck_detail", args.lang, slides=deck.slides, charts=deck.charts)
    if out.suffix.lower() == ".pdf":
        _write(out, convert_to_pdf(deck.data, ".pptx"))
        print(t("cli.export.written", args.lang, path=out, detail=detail, version=snap.version))
        return 0
    _write(out, deck.data)
    print(t("cli.export.written", args.lang, path=out, detail=detail, version=snap.version))
    if args.pdf:
        pdf = out.with_suffix(".pdf")
        _write(pdf, convert_to_pdf(deck.data, ".pptx"))
        print(t("cli.export.written", args.lang, path=pdf, detail=detail, version=snap.version))
    return 0


def run_followup(args: argparse.Namespace) -> int:
    from model.exports.followup_table import published_table, to_csv, to_xlsx

    out = _out(args.out, FOLLOWUP_SUFFIXES)
    snap = snapshot_from(args)
    fy = parse_fiscal_year(args.fiscal_year)
    data = to_xlsx(snap, fy) if out.suffix.lower() == ".xlsx" else to_csv(snap, fy)
    _write(out, data)
    actions = int((published_table(snap, fy)["kind"] == "action").sum())
    detail = t("cli.export.followup_detail", args.lang, fy=format_fy(fy, args.lang), actions=actions)
    print(t("cli.export.written", args.lang, path=out, detail=detail, version=snap.version))
    return 0


def run_chart(args: argparse.Namespace) -> int:
    from model.exports.deck import build_figure
    from model.exports.images import check_format, render_image
    from model.figures import CHARTS, build_chart

    if args.list:
        width = max(len(n) for n in CHARTS)
        for name, spec in CHARTS.items():
            print(f"{name:<{width}}  {spec.title(args.lang)}")
        return 0
    if not args.name:
        raise AppError("err.export.chart_name_missing")
    if args.name not in CHARTS:
        raise AppError("err.export.unknown_chart", name=args.name, known=", ".join(CHARTS))
    if not args.out:
        raise AppError("err.export.out_missing")
    out = Path(args.out)
    fmt = check_format(args.format or out.suffix or "png")
    snap = snapshot_from(args)
    if args.fiscal_year:
        fy = parse_fiscal_year(args.fiscal_year)
        fig = build_figure(CHARTS[args.name], snap, args.lang, _as_of(args), fy)
    else:
        fig = build_chart(args.name, snap, args.lang, _as_of(args))
    data = render_image(fig, fmt, name=args.name)
    _write(out, data)
    detail = t("cli.export.chart_detail", args.lang, fmt=fmt.upper(), size=f"{len(data):,}")
    print(t("cli.export.written", args.lang, path=out, detail=detail, version=snap.version))
    return 0
