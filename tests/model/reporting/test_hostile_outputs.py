"""Every writer writes whatever the store holds (issue 16). With each hostile text stored the way rows from
before the intake rule are (the seed, old rows), the published table (.xlsx, .csv), the next template and
the deck build, hold the text revealed (ESC as "\\x1b"), and hold no character the rule refuses; the
command line prints none to a terminal, and its --json keeps the data exact."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
import python_calamine as pc
from pptx import Presentation

from model.cli import main
from model.exports.deck import build_deck
from model.exports.followup_table import to_csv, to_xlsx
from model.exports.safe import XLSX_CELL_LIMIT
from model.reporting.rounds import open_round
from model.reporting.template import issue_template
from model.store import ChangeSet, Store, open_store
from model.text import REFUSED, reveal
from tests.model.reporting.conftest import SECRETARIAT, record_fixture_templates
from tests.model.reporting.hostile import (
    CELL_TEXTS,
    FY,
    HOSTILE,
    HOSTILE_USER,
    NAMES,
    TEXTS,
    legacy_account,
    store_before_the_rule,
    text_of,
)

ROOT = Path(__file__).resolve().parents[3]
# For the command line: 2-1-01 progress ESC…, next RLO…; 2-2-01 HTML, image; 5-2-01 link (no long text).
CLI_TEXTS = ["control-chars", "bidi-override", "html-tag", "markdown-image", "markdown-link"]


def xlsx_texts(data: bytes) -> list[str]:
    """Every text cell of every sheet, as calamine reads it (it decodes _xHHHH_, as Excel does)."""
    book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [
        v
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for v in row
        if isinstance(v, str)
    ]


def deck_texts(data: bytes) -> list[str]:
    """Every text of the deck: text frames, table cells, speaker notes."""
    out: list[str] = []
    for slide in Presentation(io.BytesIO(data)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
            if shape.has_table:
                out += [cell.text for row in shape.table.rows for cell in row.cells]
        out.append(slide.notes_slide.notes_text_frame.text)
    return out


def refused_in(texts: list[str]) -> list[str]:
    return [repr(s[:80]) for s in texts if REFUSED.search(s)]


@pytest.mark.parametrize("name", CELL_TEXTS)
def test_every_writer_builds_after_the_text_is_stored(sqlite_store: Store, name: str) -> None:
    """The published table (.xlsx, .csv), the FY2022 template (last year's text) and the deck."""
    store_before_the_rule(sqlite_store, [name])
    open_round(sqlite_store, FY + 1, SECRETARIAT)
    snap = sqlite_store.snapshot()
    shown = reveal(text_of(name))[:16]  # the start of the text as every writer shows it

    table = xlsx_texts(to_xlsx(snap, FY))
    assert refused_in(table) == [] and max(map(len, table)) <= XLSX_CELL_LIMIT
    assert any(shown in cell for cell in table)

    rows = list(csv.reader(io.StringIO(to_csv(snap, FY).decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert refused_in(cells) == [] and any(reveal(text_of(name)) in cell for cell in cells)

    template = issue_template(sqlite_store, SECRETARIAT, "MOFA", FY + 1, snap)
    assert refused_in(xlsx_texts(template)) == []
    sheet = openpyxl.load_workbook(io.BytesIO(template))["報告"]
    header = [c.value for c in sheet[1]]
    previous = sheet.cell(2, header.index("前年度の進捗") + 1).value  # 2-1-01
    assert str(previous).startswith(shown)

    deck = build_deck(snap, fiscal_year=FY, as_of=dt.date(2026, 3, 31), charts=[])
    texts = deck_texts(deck.data)
    assert refused_in(texts) == []
    assert any(shown[:12] in t for t in texts)  # the delayed rows list it (cut to 80 characters)


def test_text_that_reads_like_an_ooxml_escape_stays_literal(sqlite_store: Store) -> None:
    """Stored "_x001B_" (seven characters) is not written so that Excel would decode it into an ESC."""
    rows = [{"action_id": "2-1-01", "fiscal_year": FY, "ministry_code": "MOFA", "status": "順調",
             "progress_ja": "○記号_x001B_を含む。", "next_ja": "○続ける。"}]  # fmt: skip
    sqlite_store.submit(ChangeSet("upload", "u", "MOFA", FY, followup=rows))
    assert any("○記号_x001B_を含む。" in cell for cell in xlsx_texts(to_xlsx(sqlite_store.snapshot(), FY)))


@pytest.fixture
def cli_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The store the command line opens (a temp SQLite file) with the FY2021 round open."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("QF_SQLITE_PATH", str(tmp_path / "cli.sqlite3"))
    monkeypatch.setenv("QF_PASSWORD", "correct horse battery")
    store = open_store()
    store.init()
    open_round(store, FY, SECRETARIAT)
    record_fixture_templates(store)
    yield store
    store.engine.dispose()


def test_the_command_line_prints_no_control_or_bidi_character(
    cli_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """history (all, one row, --json), user list, validate and submit of hostile files and names."""

    def run(*args: str) -> tuple[int, str]:
        capsys.readouterr()
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out + out.err

    hostile_path = tmp_path / str(NAMES["ansi-name"]["sent"]).replace("報告", "報告\u202e")
    hostile_path.write_bytes((HOSTILE / "valid.xlsx").read_bytes())
    outputs: dict[str, tuple[int, str]] = {
        "user add refused": run("user", "add", HOSTILE_USER, "--role", "editor", "--ministry", "MOFA"),
    }
    legacy_account(cli_store, HOSTILE_USER, "editor", "MOFA")  # as a store made before the rule holds it
    outputs["submit"] = run("submit", str(hostile_path), "--ministry", "MOFA", "--user", HOSTILE_USER)
    store_before_the_rule(cli_store, CLI_TEXTS)  # rows as old stores hold them, by the same user
    outputs |= {
        "validate": run("validate", str(HOSTILE / TEXTS["control-chars"]["file"]), "--ministry", "MOFA"),
        "validate status": run(
            "validate", str(HOSTILE / TEXTS["markdown-status"]["file"]), "--ministry", "外"
        ),
        "history": run("history"),
        "history row": run("history", "--action", "2-1-01"),
        "user list": run("user", "list"),
        "history json": run("history", "--json"),
        "row json": run("history", "--action", "2-1-01", "--json"),
    }
    refused = ("validate", "user add refused")
    assert [k for k, (code, _) in outputs.items() if code != (1 if k.startswith(refused) else 0)] == []
    assert "U+001B (ESC)" in outputs["user add refused"][1]  # the character is named, not printed
    for what, (_, text) in outputs.items():
        assert REFUSED.search(text) is None and "\r" not in text, (what, text[:300])
    assert "\\x1b[2J" in outputs["history row"][1]  # revealed, not obeyed
    assert "[31m報告[0m.xlsx" in outputs["history"][1]  # the display name of the submitted file
    # --json keeps the stored data exact: the escapes decode to the very characters stored
    versions = json.loads(outputs["row json"][1])
    assert versions[-1]["progress_ja"] == text_of("control-chars")
    assert versions[-1]["next_ja"] == text_of("bidi-override")
    assert {r["user_name"] for r in json.loads(outputs["history json"][1])} == {HOSTILE_USER}


def test_history_in_a_terminal_is_bytes_without_controls(cli_store: Store, tmp_path: Path) -> None:
    """What `python -m model history` writes, byte for byte, as a terminal receives it."""
    store_before_the_rule(cli_store, CLI_TEXTS)
    env = {"QF_SQLITE_PATH": str(tmp_path / "cli.sqlite3"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "model", "history", "--action", "2-1-01"],
        capture_output=True,
        env=env,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")
    assert REFUSED.search(text) is None and b"\x1b" not in done.stdout and "\u202e" not in text
    assert "\\x1b[2J" in text and "\\u202e" in text  # the ESC text and the user's RLO, revealed
