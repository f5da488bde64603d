"""The accessibility statement page (ウェブアクセシビリティ方針) shows the results the accessibility test
recorded (docs/accessibility/axe-results.json) and says clearly when that file cannot be read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard import statement
from model.messages import t
from tests.dashboard.sqlcount import page_app


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_statement_shows_the_committed_results(lang: str) -> None:
    """Every page tested appears with its serious/critical count and its moderate/minor rules; the tool's
    name, version and the test date are stated."""
    data = statement.load_results()
    pages = statement.per_page(data, lang)
    at = page_app("accessibility", None, lang)
    at.run()
    assert not at.exception
    assert at.title[0].value == t("a11y.page", lang)
    shown = at.table[0].value
    assert list(shown.index) == list(pages["title"])
    assert list(shown[t("a11y.col.serious", lang)]) == [str(n) for n in pages["serious"]]
    assert len(pages) >= 12 and pages["checks"].min() >= 4  # ja + en at two widths, at the least
    text = " ".join(m.value for m in at.markdown)
    assert data["tool"]["version"] in text and "axe-core" in text
    assert (at.success[0].value if not pages["serious"].sum() else at.error[0].value) in (
        t("a11y.results.verdict_ok", lang),
        t("a11y.results.verdict_ng", lang, n=int(pages["serious"].sum())),
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no file"),
        ("{not json", "not JSON"),
        (json.dumps({"format": 1, "date": "2026-11-24"}), "missing keys: tool, tags, checks"),
        (
            json.dumps({"format": 99, "date": "", "tool": {}, "tags": [], "checks": []}),
            "format 99, expected 1",
        ),
    ],
)
def test_a_bad_results_file_is_named(tmp_path: Path, content: str | None, problem: str) -> None:
    """A missing, broken or other-format results file raises a message that says what is wrong."""
    path = tmp_path / "axe-results.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(statement.ResultsError) as err:
        statement.load_results(path)
    assert str(err.value).startswith(problem)
