"""One fixture file per failure mode: each is rejected with its message and changes nothing."""

from __future__ import annotations

import re

import pytest

from model.messages import CATALOGUE
from model.reporting.commit import commit_upload, submit_file
from model.reporting.files import Limits
from model.reporting.rounds import close_round
from model.reporting.upload import check_upload
from model.store import Store
from tests.model.reporting.conftest import FY, PROBLEMS, SECRETARIAT, make_editor, snapshot

# file → the message id its problem must carry
CASES = {
    "empty-template.xlsx": "up.nothing",
    "unknown-action-id.xlsx": "up.row.unknown_id",
    "not-co-owned.xlsx": "up.row.not_owned",
    "wrong-fiscal-year.xlsx": "up.round.missing",
    "wrong-round.xlsx": "up.round.wrong_round",
    "other-ministry.xlsx": "up.meta.other_ministry",
    "old-template-version.xlsx": "up.meta.template_version",
    "tampered-template-id.xlsx": "lim.tpl.unknown",
    "template-without-id.xlsx": "lim.tpl.no_id",  # its `_meta` says base version 2,000,000,000
    "bad-status.xlsx": "up.row.bad_status",
    "missing-progress.xlsx": "up.row.required",
    "missing-next.xlsx": "up.row.required_next",
    "duplicate-rows.xlsx": "up.row.duplicate",
    "formula.xlsx": "up.row.formula",
    "missing-column.xlsx": "up.col.missing",
    "missing-sheet.xlsx": "up.sheet.missing",
    "no-metadata.xlsx": "up.meta.missing",
    "kpi-not-a-number.xlsx": "up.kpi.bad_value",
    "kpi-bad-date.xlsx": "up.kpi.bad_date",
    "password-protected.xlsx": "up.file.password",
    "macro-enabled.xlsm": "up.file.macro",
    "macro-inside.xlsx": "up.file.macro",
    "corrupt.xlsx": "up.file.corrupt",
    "zip-bomb.xlsx": "up.file.bomb",
    "too-many-rows.xlsx": "up.file.too_many_rows",
    "cell-far-away.xlsx": "up.file.too_far",
    "cell-far-away.xls": "up.file.too_far",
    "repeated-rows.ods": "up.file.too_many_rows",
    "not-a-spreadsheet.txt": "up.file.extension",
    "pdf-renamed.xlsx": "up.file.not_spreadsheet",
}


def fragment(msg_id: str) -> str:
    """The longest literal piece of a Japanese message (the part without {placeholders})."""
    return max(re.split(r"\{[^}]*\}", CATALOGUE[msg_id][0]), key=len)


def test_every_failure_mode_has_a_fixture_file() -> None:
    """At least 15 modes, and every file in the folder is either a case or the valid setup file."""
    names = {p.name for p in PROBLEMS.iterdir()}
    assert len(CASES) >= 15
    assert names - set(CASES) == {"valid.xlsx", "closed-round.xlsx", "stale-template.xlsx"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_problem_file_is_rejected_with_its_message(rstore: Store, name: str) -> None:
    """Validation lists the problem in Japanese and submitting stores nothing (SQLite and PostgreSQL)."""
    store = rstore
    user = make_editor(store, "MOFA")
    before = snapshot(store)
    data = (PROBLEMS / name).read_bytes()
    up = check_upload(store.snapshot(), data, name, "外")
    assert not up.ok
    assert any(fragment(CASES[name]) in p.message for p in up.problems), [str(p) for p in up.problems]
    _, outcome = submit_file(store, data, name, "MOFA", user)
    assert outcome is None
    assert snapshot(store) == before


def test_valid_fixture_is_accepted(sqlite_rstore: Store) -> None:
    """The setup file itself is valid: the failures above come from what each file changed."""
    up = check_upload(sqlite_rstore.snapshot(), (PROBLEMS / "valid.xlsx").read_bytes(), "valid.xlsx", "MOFA")
    assert up.ok, [str(p) for p in up.problems]
    assert up.preview is not None and up.preview.counts()["added"] == 3


def test_closed_round_takes_no_submission(rstore: Store) -> None:
    """After the secretariat closes the round the same valid file is refused."""
    user = make_editor(rstore, "MOFA")
    close_round(rstore, FY, SECRETARIAT)
    before = snapshot(rstore)
    up, outcome = submit_file(rstore, (PROBLEMS / "closed-round.xlsx").read_bytes(), "c.xlsx", "MOFA", user)
    assert outcome is None
    assert any(fragment("up.round.closed") in p.message for p in up.problems)
    assert snapshot(rstore) == before


def test_stale_template_is_refused_with_the_rows_named(rstore: Store) -> None:
    """A template made before another submission changed its rows lists those rows; nothing is overwritten."""
    user = make_editor(rstore, "MOFA")
    _, first = submit_file(rstore, (PROBLEMS / "valid.xlsx").read_bytes(), "valid.xlsx", "MOFA", user)
    assert first is not None and first.added == 3
    before = snapshot(rstore)
    up, outcome = submit_file(rstore, (PROBLEMS / "stale-template.xlsx").read_bytes(), "s.xlsx", "MOFA", user)
    assert outcome is None
    stale = [p for p in up.problems if fragment("up.row.stale") in p.message]
    assert [(p.row, p.message.split("」")[0].split("「")[1]) for p in stale] == [
        (2, "2-1-01"),
        (3, "2-2-01"),
        (4, "5-2-01"),
    ]
    assert snapshot(rstore) == before
    assert set(rstore.snapshot().followup(FY)["progress_ja"]) == {
        "二国間の量子協力覚書を2件締結した。",
        "安全保障貿易管理の説明会を実施した。",
        "招へいプログラムを開始した。",
    }


def test_stale_check_runs_again_at_commit(sqlite_rstore: Store) -> None:
    """A preview taken before another upload landed cannot be committed over it."""
    store = sqlite_rstore
    user = make_editor(store, "MOFA")
    stale = check_upload(store.snapshot(), (PROBLEMS / "stale-template.xlsx").read_bytes(), "s.xlsx", "MOFA")
    assert stale.ok
    _, first = submit_file(store, (PROBLEMS / "valid.xlsx").read_bytes(), "valid.xlsx", "MOFA", user)
    assert first is not None
    with pytest.raises(Exception, match="rejected") as err:
        commit_upload(store, stale, user)
    assert len(getattr(err.value, "problems", [])) == 3


def test_oversized_file_is_refused_before_parsing(sqlite_rstore: Store) -> None:
    """The byte limit is checked first (a small limit stands in for a large file)."""
    data = (PROBLEMS / "valid.xlsx").read_bytes()
    up = check_upload(sqlite_rstore.snapshot(), data, "valid.xlsx", "MOFA", limits=Limits(max_bytes=1000))
    assert [fragment("up.file.too_big") in p.message for p in up.problems] == [True]


def test_problems_in_english_when_asked(sqlite_rstore: Store) -> None:
    """--lang en renders the same problems in English."""
    up = check_upload(
        sqlite_rstore.snapshot(), (PROBLEMS / "bad-status.xlsx").read_bytes(), "b.xlsx", "MOFA", lang="en"
    )
    assert up.problems[0].message.startswith("Status “おおむね順調” is not allowed")
