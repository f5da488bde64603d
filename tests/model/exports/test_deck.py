"""The briefing deck: 16:9, the slides in order, a native chart or a picture per chart, sources in notes,
Japanese fonts."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pptx.util import Inches

from model.errors import AppError
from model.exports import images, pdf
from model.exports.briefing import delayed_rows, missing_rows
from model.exports.deck import build_deck
from model.store import Store
from tests.conftest import submit_followup
from tests.dashboard.sqlcount import counting
from tests.model.exports.conftest import FY

AS_OF = dt.date(2026, 3, 31)
CHARTS = ["headline-users", "followup-status-pillar", "milestones-timeline"]  # native, native, picture


@pytest.fixture(scope="module")
def deck(shared_reported_store: Store) -> tuple[bytes, int]:
    """The FY2025 deck with three charts, and how many browsers building it started."""
    before = images.browser_launches()
    built = build_deck(shared_reported_store.snapshot(), fiscal_year=FY, as_of=AS_OF, charts=CHARTS)
    return built.data, images.browser_launches() - before


def _slides(data: bytes) -> list:
    return list(Presentation(io.BytesIO(data)).slides)


def test_deck_is_16_9_with_the_slides_in_order(deck: tuple[bytes, int]) -> None:
    """Cover, KPI table + chart, pillar table + chart, milestones (continued) + timeline, cooperation,
    delays, not reported."""
    prs = Presentation(io.BytesIO(deck[0]))
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles == [
        "量子戦略フォローアップ ブリーフィング資料",
        "2030年目標（ヘッドライン KPI）の状況",
        "国内の量子技術の利用者：実績・必要経路・見通し",
        "柱別の状況（2025年度）",
        "柱別の取組の状況（2025年度）",
        "マイルストーン",
        "マイルストーン（続き）",
        "マイルストーンの時系列",
        "国際協力",
        "フォローアップの要注意事項：遅延（2025年度）",
        "未報告の取組（2025年度）",
    ]


def test_one_browser_for_the_whole_deck(deck: tuple[bytes, int]) -> None:
    """All chart pictures of a deck come from one Chromium (native charts need none)."""
    assert deck[1] == 1


def test_native_charts_and_only_the_timeline_as_a_picture_and_every_slide_notes_with_sources(
    deck: tuple[bytes, int],
) -> None:
    """Bar and line charts are chart objects, the milestone timeline a picture; each slide's notes start
    with its sources and name the as-of date."""
    slides = _slides(deck[0])
    pictures = {
        i: [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        for i, slide in enumerate(slides)
    }
    charts = {i: [s for s in slide.shapes if s.has_chart] for i, slide in enumerate(slides)}
    assert [i for i, p in pictures.items() if p] == [7]
    assert [i for i, c in charts.items() if c] == [2, 4]
    assert charts[2][0].name == "chart:headline-users"
    assert pictures[7][0].name == "chart:milestones-timeline"
    for slide in slides:
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.startswith("出典：\n・")
        assert "基準日：2026年3月31日" in notes
    pillar_notes = slides[3].notes_slide.notes_text_frame.text
    assert "各府省のフォローアップ登録データ（2025年度）" in pillar_notes
    kpi_notes = slides[1].notes_slide.notes_text_frame.text
    assert "量子未来産業創出戦略" in kpi_notes and "サンプル値（公式統計ではない）" in kpi_notes


def test_every_slide_footer_names_sources_and_date(deck: tuple[bytes, int]) -> None:
    """A footer line on each slide: 出典：… ｜ 2026年3月31日時点."""
    for slide in _slides(deck[0]):
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert any(x.startswith("出典：") and x.endswith("2026年3月31日時点") for x in texts)


def test_sample_values_carry_the_mark_on_the_slide(deck: tuple[bytes, int]) -> None:
    """The KPI table and the headline chart show サンプル; the milestones slide does not."""
    slides = _slides(deck[0])

    def marks(slide: object) -> list[str]:
        return [s.name for s in slide.shapes if s.name == "sample-mark"]  # type: ignore[attr-defined]

    assert marks(slides[1]) and marks(slides[2])
    assert not marks(slides[5]) and not marks(slides[6])
    kpi_table = next(s.table for s in slides[1].shapes if s.has_table)
    assert kpi_table.cell(1, 6).text == "サンプル"


def test_every_run_names_the_japanese_font_for_east_asian_text(deck: tuple[bytes, int]) -> None:
    """a:latin, a:ea and a:cs are IPAexGothic on every run (PowerPoint otherwise picks a Latin face)."""
    runs = 0
    for slide in _slides(deck[0]):
        for r in slide._element.iter(qn("a:r")):
            rpr = r.find(qn("a:rPr"))
            assert rpr is not None
            assert rpr.find(qn("a:ea")).get("typeface") == "IPAexGothic"
            assert rpr.find(qn("a:latin")).get("typeface") == "IPAexGothic"
            runs += 1
    assert runs > 100


def test_every_table_is_as_high_as_its_rows(deck: tuple[bytes, int]) -> None:
    """Row heights are set on the rows and the frame made as high as their sum (the deck sets them without
    python-pptx's per-row resummation, quadratic in a long table)."""
    tables = varied = 0
    for slide in _slides(deck[0]):
        for shape in slide.shapes:
            if shape.has_table:
                heights = [row.height for row in shape.table.rows]
                assert all(h > 0 for h in heights) and shape.height == sum(heights)
                tables += 1
                varied += len(set(heights)) > 1  # each row as high as its text, not an even split
    assert tables >= 5 and varied >= 3


def test_highlights_list_delayed_and_not_yet_reported_rows(
    shared_reported_store: Store, deck: tuple[bytes, int]
) -> None:
    """METI's 遅延 row appears on the delays slide; ministries owing rows appear on the next one."""
    reported_store = shared_reported_store
    delayed = delayed_rows(reported_store.snapshot(), FY)
    assert list(zip(delayed["action_id"], delayed["ministry_code"], strict=True)) == [("1-1-01", "METI")]
    missing = missing_rows(reported_store.snapshot(), FY)
    assert ("1-1-01", "MEXT") not in set(zip(missing["action_id"], missing["ministry_code"], strict=True))
    assert ("1-1-01", "MIC") in set(zip(missing["action_id"], missing["ministry_code"], strict=True))
    slides = {s.shapes.title.text: s for s in _slides(deck[0])}
    delays = next(
        s.table for s in slides["フォローアップの要注意事項：遅延（2025年度）"].shapes if s.has_table
    )
    assert [delays.cell(1, c).text for c in (1, 2)] == ["経済産業省", "遅延"]
    owed = next(s.table for s in slides["未報告の取組（2025年度）"].shapes if s.has_table)
    names = [owed.cell(r, 0).text for r in range(1, len(owed.rows))]
    assert "総務省" in names and "文部科学省" in names


def test_fy2020_highlights_say_nothing_is_missing(sqlite_store: Store) -> None:
    """The joint FY2020 text covers every owner: no delays, nothing unreported, said in words."""
    built = build_deck(sqlite_store.snapshot(), fiscal_year=2020, as_of=AS_OF, charts=[])
    slides = _slides(built.data)
    assert built.charts == 0 and len(slides) == 8  # the milestones take two slides
    texts = [s.text_frame.text for s in slides[-1].shapes if s.has_text_frame]
    assert "すべての府省が担当する取組を報告済みです。" in texts


def test_english_deck(sqlite_store: Store) -> None:
    """--lang en titles the slides in English."""
    built = build_deck(sqlite_store.snapshot(), fiscal_year=2020, lang="en", as_of=AS_OF, charts=[])
    titles = [s.shapes.title.text for s in _slides(built.data)]
    assert titles[1] == "Headline 2030 targets: status"


def test_deck_converts_to_pdf_with_libreoffice(deck: tuple[bytes, int]) -> None:
    """soffice turns the deck into a PDF with one page per slide."""
    out = pdf.convert_to_pdf(deck[0], ".pptx")
    assert out.startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", "-"], input=out, capture_output=True, check=True).stdout.decode()
    assert f"Pages:           {len(_slides(deck[0]))}" in info
    assert b"IPAexGothic" in out  # the font is embedded: Japanese drawn, not boxes


def test_missing_libreoffice_is_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without soffice the user is told the .pptx works and how to get a PDF."""
    monkeypatch.setattr(shutil, "which", lambda *_a, **_k: None)
    with pytest.raises(AppError) as err:
        pdf.convert_to_pdf(b"x", ".pptx")
    assert err.value.msg_id == "err.export.no_soffice"
    assert "libreoffice-impress" in err.value.render("ja")


def test_deck_is_built_from_one_snapshot_and_names_its_version(sqlite_store: Store) -> None:
    """Building the deck issues no SQL at all: everything comes from the snapshot it is given, whose
    version the cover's notes print."""
    snap = sqlite_store.snapshot()
    submit_followup(sqlite_store, "MEXT", 2021, [("1-1-01", "順調", "○後から届いた報告")])
    with counting() as counter:
        deck = build_deck(snap, fiscal_year=2021, lang="ja", as_of=AS_OF, charts=[])
    assert counter.statements == []
    notes = Presentation(io.BytesIO(deck.data)).slides[0].notes_slide.notes_text_frame.text
    assert f"データ版：{snap.version}" in notes
    assert deck.version == snap.version == sqlite_store.version() - 1
