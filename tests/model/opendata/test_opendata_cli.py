"""`python -m model publish-data`: the folder written; bad arguments: one line, exit 1, nothing written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from model.errors import AppError
from model.opendata._write import write_directory

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QF_SQLITE_PATH": str(db)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "model", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-opendata") / "cli.sqlite3"
    assert run("init", db=path).returncode == 0
    return path


def test_publish_data_writes_the_bundle_and_names_the_version(db: Path, tmp_path: Path) -> None:
    """Every CSV with its JSON twin and datapackage.json; the line printed names the folder and version;
    a second run replaces the earlier bundle."""
    out = tmp_path / "open"
    result = run("publish-data", "--fiscal-year", "令和2年度", "--out", str(out), "--lang", "en", db=db)
    assert result.returncode == 0, result.stderr
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert result.stdout.strip().endswith(f"store version {package['store_version']})")
    csvs = sorted(p.stem for p in out.glob("*.csv"))
    assert csvs == sorted(p.stem for p in out.glob("*.json") if p.name != "datapackage.json")
    assert len(csvs) == 18 and package["fiscal_year"] == 2020
    (out / "followup_items.csv").unlink()
    again = run("publish-data", "--fiscal-year", "2020", "--out", str(out), db=db)
    assert again.returncode == 0, again.stderr
    assert (out / "followup_items.csv").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["open"]  # no temporary folder left beside it


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--fiscal-year", "2031"], "no follow-up for FY2031"),
        (["--fiscal-year", "二千年"], "二千年"),
        (["--fiscal-year", "2020", "--as-of", "2026-13-01"], "2026-13-01"),
    ],
)
def test_bad_arguments_give_one_line_and_write_nothing(
    db: Path, tmp_path: Path, args: list[str], needle: str
) -> None:
    """A year with no follow-up, an unreadable year or date: one line naming it, exit 1, no folder."""
    out = tmp_path / "open"
    result = run("publish-data", *args, "--out", str(out), "--lang", "en", db=db)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and needle in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_or_occupied_out_is_refused(db: Path, tmp_path: Path) -> None:
    """--out that is a file, lies under a file, or is a folder of other files: one line, nothing changed."""
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")
    occupied = tmp_path / "docs"
    occupied.mkdir()
    (occupied / "keep.txt").write_text("mine", encoding="utf-8")
    cases = [(a_file, "is a file"), (a_file / "open", "Cannot write"), (occupied, "not empty")]
    for out, needle in cases:
        result = run("publish-data", "--fiscal-year", "2020", "--out", str(out), "--lang", "en", db=db)
        assert result.returncode == 1, out
        assert len(result.stderr.strip().splitlines()) == 1 and needle in result.stderr, result.stderr
    assert a_file.read_text(encoding="utf-8") == "mine"
    assert [p.name for p in occupied.iterdir()] == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "notes.txt"]


def test_a_write_that_fails_midway_leaves_nothing_half_written(tmp_path: Path) -> None:
    """When the third file cannot be written, neither the folder nor a temporary one is left; an earlier
    bundle in the folder stays as it was."""
    files = {"a.csv": b"a", "datapackage.json": b"{}", "missing/b.csv": b"b"}
    out = tmp_path / "open"
    with pytest.raises(AppError, match="Nothing was written"):
        write_directory(files, out)
    assert list(tmp_path.iterdir()) == []
    write_directory({"datapackage.json": b"old"}, out)
    with pytest.raises(AppError):
        write_directory(files, out)
    assert [p.name for p in tmp_path.iterdir()] == ["open"]
    assert (out / "datapackage.json").read_bytes() == b"old"
