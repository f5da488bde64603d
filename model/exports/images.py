"""Charts as PNG, SVG or PDF through kaleido 1.x, with ONE Chromium per batch.

Starting Chromium costs ~3 s; rendering a figure once it runs ~0.4 s. `render_images` therefore opens one
browser (a `kaleido.Kaleido` with `n` tabs), renders every job of the batch in it and closes it; a deck or
a set of charts is one batch. The browser runs in a thread of its own with its own event loop, so the
caller may be a Streamlit script thread, the command line or a test.

The figures are the dashboard's own (model.figures); `prepare` only makes sure the export names a font
that covers Japanese (IPAexGothic, installed with fonts-ipaexfont-gothic) and leaves room at the bottom for
the source line the figure carries.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from queue import Queue
from typing import Any

import plotly.graph_objects as go

from model.errors import AppError

FORMATS: dict[str, str] = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
FONT_FAMILY = "IPAexGothic, 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif"
WIDTH = 1280  # for a figure that sets no size of its own
HEIGHT = 720
PNG_SCALE = 2.0  # sharp on a projector and in print
TIMEOUT_S = 90.0

_launches = 0
_launch_lock = threading.Lock()


def browser_launches() -> int:
    """How many browsers this process has started for exports (the benchmark and the tests read it)."""
    return _launches


@dataclass(frozen=True)
class ImageJob:
    fig: go.Figure
    fmt: str = "png"
    name: str = "chart"  # for error messages
    width: int | None = None  # None: the figure's own layout size, else WIDTH × HEIGHT
    height: int | None = None
    scale: float | None = None  # None: PNG_SCALE for png, 1 otherwise


def check_format(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise AppError("err.export.bad_format", fmt=fmt, known=", ".join(FORMATS))
    return fmt


def prepare(fig: go.Figure) -> go.Figure:
    """A copy of `fig` ready for a static export: a Japanese-capable font, a white page."""
    out = go.Figure(fig)
    family = out.layout.font.family if out.layout.font else None
    if not family or "IPAex" not in str(family):
        out.update_layout(font_family=f"{family}, {FONT_FAMILY}" if family else FONT_FAMILY)
    if out.layout.paper_bgcolor is None:
        out.update_layout(paper_bgcolor="white")
    return out


def _opts(job: ImageJob) -> dict[str, Any]:
    fmt = check_format(job.fmt)
    scale = job.scale if job.scale is not None else (PNG_SCALE if fmt == "png" else 1.0)
    width = job.width or job.fig.layout.width or WIDTH
    height = job.height or job.fig.layout.height or HEIGHT
    return {"format": fmt, "width": int(width), "height": int(height), "scale": scale}


async def _one(k: Any, job: ImageJob) -> bytes:
    try:
        data = await k.calc_fig(prepare(job.fig), opts=_opts(job))
    except AppError:
        raise
    except Exception as exc:
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise AppError("err.export.render_failed", name=job.name, detail=detail) from exc
    return bytes(data)


def _app_error(exc: BaseException, name: str) -> BaseException:
    """What the caller sees: an AppError (a missing browser says how to install one)."""
    if isinstance(exc, AppError):
        return exc
    if type(exc).__name__ == "ChromeNotFoundError":
        # kaleido's own advice (download a Chrome) does not apply here: the message says what does
        return AppError("err.export.no_browser")
    detail = " ".join(str(exc).split())[:200] or type(exc).__name__
    return AppError("err.export.render_failed", name=name, detail=detail)


_Request = tuple[list[ImageJob], "Queue[list[bytes] | BaseException]"]


class ImageSession:
    """One Chromium for a batch, started in the background as soon as the session opens, so that the
    caller builds its figures (and a deck its tables) while the browser starts (~3 s).

        with ImageSession() as images:
            figs = ...            # the browser starts meanwhile
            pngs = images.render([ImageJob(f, "png") for f in figs])
    """

    def __init__(self, tabs: int = 1) -> None:
        self._requests: Queue[_Request | None] = Queue()
        self._thread = threading.Thread(target=self._run, args=(max(1, tabs),), name="kaleido", daemon=True)
        self._thread.start()

    def _run(self, tabs: int) -> None:
        try:
            asyncio.run(self._serve(tabs))
        except BaseException as exc:  # the browser did not start or died: answer every request with it
            while (request := self._requests.get()) is not None:
                request[1].put(exc)

    async def _serve(self, tabs: int) -> None:
        import kaleido  # deferred: importing it is not free and most commands never draw

        global _launches
        with _launch_lock:
            _launches += 1
        async with kaleido.Kaleido(n=tabs, timeout=TIMEOUT_S, mathjax=False) as k:
            while (request := await asyncio.to_thread(self._requests.get)) is not None:
                jobs, reply = request
                try:
                    # tabs take the jobs from kaleido's queue; gather keeps the results in job order
                    reply.put(list(await asyncio.gather(*(_one(k, j) for j in jobs))))
                except BaseException as exc:  # handed to the caller's thread, raised there
                    reply.put(exc)

    def render(self, jobs: Sequence[ImageJob]) -> list[bytes]:
        """Render every job in this session's browser; the bytes come back in job order."""
        if not jobs:
            return []
        for job in jobs:
            check_format(job.fmt)
        reply: Queue[list[bytes] | BaseException] = Queue(maxsize=1)
        self._requests.put((list(jobs), reply))
        out = reply.get()
        if isinstance(out, BaseException):
            raise _app_error(out, jobs[0].name) from out
        return out

    def close(self) -> None:
        if self._thread.is_alive():
            self._requests.put(None)
            self._thread.join(timeout=TIMEOUT_S)

    def __enter__(self) -> ImageSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def render_images(jobs: Sequence[ImageJob], *, tabs: int = 1) -> list[bytes]:
    """Render every job with one browser; the bytes come back in job order.

    One tab is the fastest on a 2-core machine (12 deck charts: 1 tab 7.6 s, 2 tabs 8.6 s, 3 tabs 9.4 s).
    """
    if not jobs:
        return []
    for job in jobs:
        check_format(job.fmt)  # refused before any browser starts
    with ImageSession(min(tabs, len(jobs))) as session:
        return session.render(jobs)


def render_image(fig: go.Figure, fmt: str = "png", *, name: str = "chart", **size: Any) -> bytes:
    """One figure in one format (one browser): a download button or `export chart`."""
    return render_images([ImageJob(fig, fmt, name, **size)], tabs=1)[0]
