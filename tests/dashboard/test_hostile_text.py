"""Text from users is data on every page (issue 16). The hostile texts of tests/fixtures/hostile/ are in the
store as rows from before the intake rule (so that they reach the pages), a secretariat user with a
hostile name is logged in, and on the upload page a hostile file is checked. On every page, no element that
reads Markdown holds any of it as markup (the address every payload names never appears as such: it is
only ever character references), and each text the page shows is still there, as text.

AppTest sees what the server sends; tests/browser/test_hostile_browser.py checks what Chromium makes of it.
"""

from __future__ import annotations

import html
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from model.auth import operator
from model.reporting.assessments import assess
from model.reporting.rounds import open_round
from model.store import Store
from model.text import REFUSED, WORD_JOINER, reveal
from tests.dashboard.apptest import APP, AS_OF
from tests.model.reporting.conftest import record_fixture_templates
from tests.model.reporting.hostile import (
    CELL_TEXTS,
    EVIL,
    FY,
    HOSTILE,
    HOSTILE_USER,
    TEXTS,
    legacy_account,
    store_before_the_rule,
    text_of,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SECRETARIAT = operator()
# What would be markup if it reached Markdown as written: the payloads' own syntax.
MARKUP = ("](", "![", "<b id", "<img", "<script", "**強調", "**mofa", ":red[", "\x1b", "\u202e", EVIL)
# page → the texts it shows (their start, as text)
SHOWS: dict[str, list[str]] = {
    "followup": CELL_TEXTS,
    "compare": CELL_TEXTS,
    "upload": ["markdown-status"],  # quoted back in the problem table
}
PAGES = ["overview", "kpi", "followup", "ministries", "compare", "milestones", "international", "exports"]
PAGES += ["upload", "rounds", "users", "login"]


@pytest.fixture
def hostile(seeded: Store) -> Store:
    """Every cell text as MOFA's FY2021 entries (uploaded by HOSTILE_USER, a secretariat account, under a
    bidirectional file name), and a hostile assessment comment."""
    open_round(seeded, FY, SECRETARIAT)
    record_fixture_templates(seeded)  # the committed fixtures' templates, issued by this store
    legacy_account(seeded, HOSTILE_USER, "secretariat")  # add_user refuses such a name now
    store_before_the_rule(seeded, CELL_TEXTS)
    assess(seeded, SECRETARIAT, action_id="2-1-01", fiscal_year=FY, ministry_code="MOFA", status="遅延",
           comment=text_of("markdown-image"))  # fmt: skip
    return seeded


def markdown_strings(at: AppTest) -> list[str]:
    """Every string the page hands to an element that reads Markdown: text elements, messages, captions
    (the sidebar's too), expander and tab labels, widget labels, st.table cells."""
    out: list[Any] = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "success",
        "warning",
        "error",
    ):
        out += [e.value for e in getattr(at, kind)]
    out += [e.label for kind in ("expander", "tabs") for e in getattr(at, kind)]
    for kind in ("selectbox", "multiselect", "radio", "text_input", "text_area", "button", "number_input"):
        out += [e.label for e in getattr(at, kind)]
    for table in at.table:
        frame = table.value
        out += [str(v) for v in frame.to_numpy().ravel()] + [str(v) for v in frame.index]
    return [str(s) for s in out]


def as_text(raw: str) -> str:
    """What a reader sees of a Markdown or HTML-block string, as text: references decoded, <br> as a
    line break, the word joiners that keep addresses from becoming links dropped."""
    return html.unescape(raw.replace("<br>", "\n")).replace(WORD_JOINER, "")


def run_page(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = "ja"
    at.session_state["as_of"] = AS_OF
    at.session_state["qf_user"] = {"name": HOSTILE_USER, "role": "secretariat", "ministry_code": None}
    at.switch_page(f"views/{page}.py").run()
    if page == "followup":  # the year, and one entry's versions (who wrote them)
        at.selectbox(key="fu_fy").set_value(FY).run()
        at.selectbox(key="fu_history_pick").set_value(f"2-1-01|{FY}|MOFA").run()
    if page == "upload":  # a hostile status, quoted back; the template is stale, naming the user
        at.selectbox(key="up_ministry").set_value("MOFA").run()
        data = (HOSTILE / TEXTS["markdown-status"]["file"]).read_bytes()
        at.file_uploader(key="up_file_0").upload("x.xlsx", data, XLSX).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("page", PAGES)
def test_no_page_renders_user_text_as_markup(hostile: Store, page: str) -> None:
    """No markup from the texts, the user name or the file name; each text the page shows, as text."""
    at = run_page(page)
    strings = markdown_strings(at)
    leaks = [(m, s[:120]) for s in strings for m in MARKUP if m in s]
    assert leaks == []
    seen = "\n".join(as_text(s) for s in strings)
    assert reveal(HOSTILE_USER) in seen  # the sidebar names who is logged in, as text
    for name in SHOWS.get(page, []):
        assert reveal(text_of(name)).split("\n")[0][:30] in seen, name
    if page in ("followup", "upload"):  # the tables of these pages: no control or bidi character
        cells = [str(v) for d in at.dataframe for v in d.value.to_numpy().ravel()]
        assert [c[:60] for c in cells if REFUSED.search(c)] == []
        assert any(reveal(HOSTILE_USER) == c for c in cells)  # the versions' or submissions' author


def test_upload_page_quotes_the_user_and_the_file_name_as_text(hostile: Store) -> None:
    """The stale-template problems name the hostile user; the history shows the file's display name."""
    at = run_page("upload")
    problems = [as_text(str(v)) for t in at.table for v in t.value.to_numpy().ravel()]
    assert any(reveal(HOSTILE_USER) in p for p in problems)
    history = next(d.value for d in at.dataframe if "ファイル" in d.value.columns)
    assert history["ファイル"].tolist()[0] == reveal(
        "請求書\u202efdp.xlsx"
    )  # stored as sent (before the rule), shown revealed
