"""Charts export as PNG, SVG and PDF with Japanese text, one Chromium per batch."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

import plotly.graph_objects as go
import pytest

from model.errors import AppError
from model.exports import images
from model.exports.images import ImageJob, render_images

TITLE = "量子技術の利用者（サンプル）"


def _figure() -> go.Figure:
    return go.Figure(
        go.Bar(x=["量子計測", "量子通信", "量子コンピュータ"], y=[1, 2, 3], name="実績"),
        layout={"title": {"text": TITLE}, "showlegend": True},
    )


def test_a_font_covering_japanese_is_installed() -> None:
    """fontconfig knows a Japanese face (IPAexGothic from fonts-ipaexfont-gothic), else boxes are drawn."""
    assert shutil.which("fc-list") is not None
    out = subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True, check=True)
    assert "IPAexGothic" in out.stdout


def test_png_svg_and_pdf_of_a_japanese_chart_in_one_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Three formats from one batch: one browser opened, PNG/SVG/PDF signatures, the font named/embedded."""
    import kaleido

    opened: list[int] = []
    real_open = kaleido.Kaleido.open

    async def counting_open(self: Any) -> None:
        opened.append(1)
        await real_open(self)

    monkeypatch.setattr(kaleido.Kaleido, "open", counting_open)
    before = images.browser_launches()
    png, svg, pdf = render_images([ImageJob(_figure(), fmt) for fmt in ("png", "svg", "pdf")])
    assert opened == [1]
    assert images.browser_launches() == before + 1
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000
    text = svg.decode("utf-8")
    assert text.startswith("<svg") and TITLE in text and "IPAexGothic" in text
    assert pdf.startswith(b"%PDF") and b"IPAexGothic" in pdf  # the Japanese font is embedded


def test_prepare_names_the_japanese_font_and_keeps_the_figure() -> None:
    """A figure without a font gets IPAexGothic; the original figure is left as it was."""
    fig = _figure()
    ready = images.prepare(fig)
    assert "IPAexGothic" in ready.layout.font.family
    assert fig.layout.font.family is None
    assert ready.layout.title.text == TITLE


def test_unknown_format_is_an_app_error() -> None:
    """A format other than png/svg/pdf is refused before any browser starts."""
    before = images.browser_launches()
    with pytest.raises(AppError) as err:
        render_images([ImageJob(_figure(), "gif")])
    assert err.value.msg_id == "err.export.bad_format"
    assert images.browser_launches() == before


def test_missing_browser_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no Chromium to be found the user reads how to install it, not a traceback."""
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    monkeypatch.setattr(shutil, "which", lambda *_a, **_k: None)
    with pytest.raises(AppError) as err:
        images.render_image(_figure(), "png")
    assert err.value.msg_id == "err.export.no_browser"
    assert "apt-get install chromium" in err.value.render("ja")


def test_a_session_serves_several_batches_with_one_browser() -> None:
    """ImageSession keeps its browser between batches (the deck renders while it builds its tables)."""
    before = images.browser_launches()
    with images.ImageSession() as session:
        first = session.render([ImageJob(_figure(), "svg")])
        second = session.render([ImageJob(_figure(), "png", scale=1), ImageJob(_figure(), "svg")])
    assert images.browser_launches() == before + 1
    assert first[0].startswith(b"<svg") and second[0].startswith(b"\x89PNG") and second[1].startswith(b"<svg")
    assert TITLE.encode() in first[0] and TITLE.encode() in second[1]
