"""The upload page on a full disk (a real one: tests/diskfull.py): the commit is refused with a message
naming the full disk, nothing is stored, and the pages go on reading."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.dashboard.test_reporting_pages import APP, PROBLEMS, XLSX, as_user, reporting_store
from tests.diskfull import fill, small_disk


def test_a_commit_on_a_full_disk_is_refused_by_name_and_pages_still_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with small_disk(8) as disk:
        store = reporting_store(disk / "app.sqlite3", monkeypatch)
        version = store.version()

        at = as_user(AppTest.from_file(APP, default_timeout=120), "mofa1", "editor", "MOFA")
        at.switch_page("views/upload.py").run()
        at.file_uploader(key="up_file_0").upload("valid.xlsx", (PROBLEMS / "valid.xlsx").read_bytes(), XLSX)
        at.run()
        assert at.button(key="commit")  # checked: the preview and its commit button
        filler = fill(disk)
        at.button(key="commit").click().run()
        assert not at.exception
        errors = [e.value for e in at.error]
        assert any("空き容量がありません" in e for e in errors), errors
        assert not any("接続できません" in e for e in errors)
        assert store.version() == version
        # reading goes on: the history on this page, and the follow-up page
        assert any(h.value == "提出履歴" for h in at.header)
        at.switch_page("views/followup.py").run()
        assert not at.exception and at.title
        # space again: the checked file commits
        filler.unlink()
        at.switch_page("views/upload.py").run()
        at.file_uploader(key="up_file_0").upload("valid.xlsx", (PROBLEMS / "valid.xlsx").read_bytes(), XLSX)
        at.run().button(key="commit").click().run()
        assert not at.exception
        assert any("提出#" in s.value for s in at.success)
        assert store.version() > version
        store.engine.dispose()


def test_a_dashboard_started_on_a_full_disk_still_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server (re)started while the disk is full, nobody else having the store open: its start-up
    `init` cannot write, and pages read all the same; the upload page names the full disk at the commit."""
    with small_disk(8) as disk:
        store = reporting_store(disk / "app.sqlite3", monkeypatch)
        store.engine.dispose()
        fill(disk)
        at = AppTest.from_file(APP, default_timeout=120).run()
        assert not at.exception and at.title[0].value.startswith("概要")
        at = as_user(AppTest.from_file(APP, default_timeout=120), "mofa1", "editor", "MOFA")
        at.switch_page("views/upload.py").run()
        assert not at.exception
        at.file_uploader(key="up_file_0").upload("valid.xlsx", (PROBLEMS / "valid.xlsx").read_bytes(), XLSX)
        at.run().button(key="commit").click().run()
        assert not at.exception
        assert any("空き容量がありません" in e.value for e in at.error)
