"""The upload page when a file waits for its turn or exceeds the parse's memory cap (issue 15): a message
saying what happened and what to do, never a traceback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import ui
from model.reporting import _sheets
from model.reporting.files import LIMITS
from tests.dashboard.test_reporting_pages import PROBLEMS, XLSX, app, as_user
from tests.model.reporting.hostile_files import lying_zip

__all__ = ["app"]  # the fixture, shared with the reporting pages' tests
MB = 1024 * 1024


def problems_of(at: AppTest) -> list[str]:
    return [str(m) for m in at.table[0].value["問題と直し方"]]


@pytest.fixture
def small_cap() -> Iterator[None]:
    """The page's limits with a 1 MB parse cap (LIMITS is frozen: set and restored around the test)."""
    before = LIMITS.parse_memory
    object.__setattr__(LIMITS, "parse_memory", 1 * MB)
    yield
    object.__setattr__(LIMITS, "parse_memory", before)


def test_a_file_over_the_memory_cap_is_refused_with_what_to_do(app: AppTest, small_cap: None) -> None:
    """A 40 MB cell against a 1 MB cap: the problem table says the cap and what to fix."""
    at = as_user(app, "mofa1", "editor", "MOFA")
    at.switch_page("views/upload.py").run()
    data = lying_zip((PROBLEMS / "valid.xlsx").read_bytes(), "xl/worksheets/sheet2.xml", 40 * MB, 40 * MB)
    at.file_uploader(key="up_file_0").upload("big.xlsx", data, XLSX).run()
    assert not at.exception
    assert at.error[0].value.startswith("提出を受け付けませんでした（問題 1 件）")
    # the table's cells are written as text (ASCII marks as character references; st.table reads Markdown)
    assert problems_of(at)[0].startswith(
        "ファイルの読み取りに必要なメモリが上限（1&#46;0&#32;MB）を超えました。"
    )


def test_a_file_waits_for_its_turn_and_the_page_says_so(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both turns taken (two other uploads parsing): the page shows the waiting notice, and when no turn
    frees within the wait, says the server is busy and to upload again."""
    shown: list[str] = []
    real: Callable[[Any], Callable[[], None]] = ui.waiting_notice

    def notice(placeholder: Any) -> Callable[[], None]:
        def on_wait() -> None:
            real(placeholder)()
            shown.append("waiting")

        return on_wait

    monkeypatch.setattr(ui, "waiting_notice", notice)
    monkeypatch.setattr(_sheets, "WAIT_SECONDS", 0.5)
    at = as_user(app, "mofa1", "editor", "MOFA")
    at.switch_page("views/upload.py").run()
    for _ in range(_sheets.PARALLEL):
        assert _sheets._TURNS.acquire(timeout=10)
    try:
        at.file_uploader(key="up_file_0").upload(
            "valid.xlsx", (PROBLEMS / "valid.xlsx").read_bytes(), XLSX
        ).run()
    finally:
        for _ in range(_sheets.PARALLEL):
            _sheets._TURNS.release()
    assert not at.exception
    assert shown == ["waiting"]
    assert problems_of(at)[0].startswith("ほかのファイルの読み取りが混み合っているため")
