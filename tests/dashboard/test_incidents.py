"""An unexpected error shows readers a short message and an incident number; the details go to the log."""

from __future__ import annotations

import html
import logging
from pathlib import Path

import pytest

from tests.dashboard.sqlcount import page_app


def test_an_unexpected_error_shows_an_incident_number_and_logs_the_details(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A store file that is not a database: no traceback on the page, the number on the page is the
    number in the log, and the log has the exception."""
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    monkeypatch.delenv("QF_RAISE_ERRORS")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("QF_SQLITE_PATH", str(broken))
    caplog.set_level(logging.ERROR, logger="quantum_followup")
    at = page_app("overview", None)
    at.run()
    assert not at.exception
    shown = html.unescape(at.error[0].value)
    assert shown.startswith("予期しないエラーが発生しました。") and "問い合わせ番号" in shown
    record = next(r for r in caplog.records if r.name == "quantum_followup")
    incident = record.getMessage().split()[1].rstrip(":")
    assert incident in shown and len(incident) == 8
    assert record.exc_info is not None and "not a database" in str(record.exc_info[1])
