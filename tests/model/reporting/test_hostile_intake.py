"""The intake rule for text (model/text.py): each hostile fixture is refused with a problem naming the cell,
in Japanese and English, or stored exactly as written (NFC); file names are stored as a display name and
the name as sent only as bytes. On SQLite and PostgreSQL."""

from __future__ import annotations

import io
import os
import re

import openpyxl
import pytest

from model.errors import AppError
from model.messages import CATALOGUE
from model.reporting.commit import submit_file, withdraw
from model.reporting.upload import cell_text, check_upload
from model.store import Store
from model.text import REFUSED, TEXT_LIMIT, display_file_name, file_name_bytes
from tests.model.reporting.conftest import SECRETARIAT, make_editor, snapshot
from tests.model.reporting.hostile import HOSTILE, NAMES, TEXTS, text_of


def fragment(msg_id: str, lang: str = "ja") -> str:
    """The longest literal piece of a message (the part without {placeholders})."""
    return max(re.split(r"\{[^}]*\}", CATALOGUE[msg_id][0 if lang == "ja" else 1]), key=len)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_each_hostile_text_is_refused_with_its_cell_or_stored_as_written(rstore: Store, name: str) -> None:
    """Markdown and HTML are data: stored as written. Control and bidirectional characters, a 100,000-
    character cell and a status outside the list are refused with sheet, row and column, and nothing is
    stored."""
    case = TEXTS[name]
    user = make_editor(rstore, "MOFA")
    data = (HOSTILE / case["file"]).read_bytes()
    before = snapshot(rstore)
    up, outcome = submit_file(rstore, data, case["file"], "MOFA", user)
    if case["expect"] == "stored":
        assert up.ok and outcome is not None, [str(p) for p in up.problems]
        entry = rstore.snapshot().followup(2021).set_index("action_id").loc[case["action_id"]]
        column = "progress_ja" if case["column"] == "進捗" else "next_ja"
        assert entry[column] == text_of(name)
        return
    assert outcome is None
    assert snapshot(rstore) == before
    assert [(p.sheet, p.row, p.column) for p in up.problems] == [(case["sheet"], case["row"], case["column"])]
    for lang in ("ja", "en"):
        checked = check_upload(rstore.snapshot(), data, case["file"], "MOFA", lang=lang)
        (problem,) = checked.problems
        assert fragment(case["expect"], lang) in problem.message
        # what the problem quotes back is on one line, short, and without the characters refused
        assert REFUSED.search(problem.message) is None and len(problem.message) < 400


def test_refusals_name_the_character_and_where_it_sits(sqlite_rstore: Store) -> None:
    """ESC at character 10 after the text before it; RIGHT-TO-LEFT OVERRIDE by name; the length with
    its limit."""
    snap = sqlite_rstore.snapshot()

    def message(name: str, lang: str = "ja") -> str:
        data = (HOSTILE / TEXTS[name]["file"]).read_bytes()
        (problem,) = check_upload(snap, data, "x.xlsx", "MOFA", lang=lang).problems
        return problem.message

    assert "10文字目（「○会議を開催した。」の直後）" in message("control-chars")
    assert "U+001B (ESC)" in message("control-chars")
    assert "U+202E (RIGHT-TO-LEFT OVERRIDE)" in message("bidi-override")
    assert f"100,000文字、上限{TEXT_LIMIT:,}文字" in message("long-cell")
    assert "100,000 characters; the limit is 4,000" in message("long-cell", "en")
    assert "「[順調](http://evil.invalid/status)」" in message("markdown-status")


def _with_cells(rows: dict[tuple[str, int, int], str]) -> bytes:
    """The valid fixture with cells (sheet, row, column) replaced."""
    wb = openpyxl.load_workbook(HOSTILE / "valid.xlsx")
    for (sheet, row, col), value in rows.items():
        wb[sheet].cell(row, col).value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_text_is_stored_in_nfc_and_kpi_notes_follow_the_same_rule(sqlite_rstore: Store) -> None:
    """An ESC in 備考 is refused there; a decomposed が is stored composed (full-width letters stay)."""
    kpi = {("KPI", 2, 6): "2025-03-31", ("KPI", 2, 7): "3", ("KPI", 2, 8): "備考_x001B_[2J"}
    assert openpyxl.load_workbook(HOSTILE / "valid.xlsx")["KPI"].cell(2, 1).value == "G-5-2"  # MOFA's goal
    up = check_upload(sqlite_rstore.snapshot(), _with_cells(kpi), "kpi.xlsx", "MOFA")
    assert [(p.sheet, p.row, p.column) for p in up.problems] == [("KPI", 2, "備考")]

    user = make_editor(sqlite_rstore, "MOFA")
    decomposed = "○か\u3099ＡＢＣを進めた。"  # か + combining dakuten
    data = _with_cells({("報告", 2, 6): decomposed})  # 進捗
    up, outcome = submit_file(sqlite_rstore, data, "nfc.xlsx", "MOFA", user)
    assert outcome is not None, [str(p) for p in up.problems]
    entry = sqlite_rstore.snapshot().followup(2021).set_index("action_id").loc["2-1-01"]
    assert entry["progress_ja"] == "○がＡＢＣを進めた。"


def test_line_breaks_of_every_kind_become_newlines() -> None:
    """CRLF (Windows) and CR (old Mac, some .ods) are line breaks, not refused characters."""
    assert cell_text("一行目\r\n二行目\r三行目") == "一行目\n二行目\n三行目"


@pytest.mark.parametrize("name", sorted(NAMES))
def test_file_names_are_stored_as_a_display_name_and_the_original_as_bytes(
    sqlite_rstore: Store, name: str
) -> None:
    """No folder, control or bidirectional character, at most 100 characters with the extension; the
    name as sent is in the submission record as bytes, and nowhere as text."""
    case = NAMES[name]
    user = make_editor(sqlite_rstore, "MOFA")
    up, outcome = submit_file(
        sqlite_rstore, (HOSTILE / case["file"]).read_bytes(), case["sent"], "MOFA", user
    )
    assert outcome is not None, [str(p) for p in up.problems]
    sub = sqlite_rstore.snapshot().submissions().set_index("id").loc[outcome.submission_id]
    assert sub["file_name"] == case["shown"]
    assert bytes(sub["file_name_raw"]) == str(case["sent"]).encode()
    assert len(sub["file_name"]) <= 100 and REFUSED.search(sub["file_name"]) is None


def test_a_command_line_name_that_is_not_utf8_is_kept_byte_for_byte(rstore: Store) -> None:
    """A path's name in another encoding (Latin-1, with an ESC) is shown with U+FFFD and stored as the
    very bytes the file system gave (SQLite BLOB, PostgreSQL BYTEA)."""
    raw = "résumé".encode("latin-1") + b"\x1b.xlsx"
    sent = os.fsdecode(raw)  # how Python hands a command-line path to the program
    shown = "r\ufffdsum\ufffd.xlsx"
    assert display_file_name(sent) == shown and file_name_bytes(sent) == raw
    user = make_editor(rstore, "MOFA")
    _, outcome = submit_file(rstore, (HOSTILE / "valid.xlsx").read_bytes(), sent, "MOFA", user)
    assert outcome is not None
    sub = rstore.snapshot().submissions().set_index("id").loc[outcome.submission_id]
    assert (sub["file_name"], bytes(sub["file_name_raw"])) == (shown, raw)


def test_a_file_name_cannot_pass_the_extension_check_by_a_trick() -> None:
    """The checks read the display name: a NUL or a folder does not change which extension counts."""
    assert display_file_name("evil.xlsx\x00.exe") == "evil.xlsx.exe"
    assert display_file_name("..\\..\\windows\\evil.xlsm") == "evil.xlsm"
    assert display_file_name("../..") == "upload" and display_file_name(".xlsx") == "upload.xlsx"


def test_a_withdrawal_reason_follows_the_rule(sqlite_rstore: Store) -> None:
    """A reason with ESC is refused (nothing withdrawn); a decomposed one is stored composed."""
    user = make_editor(sqlite_rstore, "MOFA")
    _, outcome = submit_file(sqlite_rstore, (HOSTILE / "valid.xlsx").read_bytes(), "v.xlsx", "MOFA", user)
    assert outcome is not None and outcome.submission_id is not None
    before = snapshot(sqlite_rstore)
    with pytest.raises(AppError) as refused:
        withdraw(sqlite_rstore, outcome.submission_id, SECRETARIAT, note="誤り\x1b[2J")
    assert "U+001B (ESC)" in refused.value.render("ja")
    assert snapshot(sqlite_rstore) == before
    withdraw(sqlite_rstore, outcome.submission_id, SECRETARIAT, note="か\u3099")
    assert sqlite_rstore.snapshot().submissions().iloc[-1]["note"] == "が"
