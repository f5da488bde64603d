"""The reporting commands: exit codes, --json, and one line (never a traceback) for a hostile file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from model.store import Store
from tests.model.reporting.conftest import PROBLEMS, template_ids


def cli(tmp_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"QF_SQLITE_PATH": str(tmp_path / "cli.sqlite3"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "model", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
        cwd=Path(__file__).resolve().parents[3],
    )


@pytest.fixture
def cli_store(tmp_path: Path, seed: object) -> Path:
    assert cli(tmp_path, "init").returncode == 0
    assert cli(tmp_path, "round", "open", "--fiscal-year", "令和3年度").returncode == 0
    done = cli(
        tmp_path, "user", "add", "mofa1", "--role", "editor", "--ministry", "外", stdin="password123\n"
    )
    assert done.returncode == 0, done.stderr
    return tmp_path


def test_template_validate_submit_history_withdraw(cli_store: Path) -> None:
    """The whole cycle from the command line, with the seed tag or the code for the ministry."""
    tmp = cli_store
    out = tmp / "mofa.xlsx"
    assert (
        cli(tmp, "template", "--ministry", "外", "--fiscal-year", "2021", "--out", str(out)).returncode == 0
    )
    assert template_ids(out.read_bytes()) == ["2-1-01", "2-2-01", "5-2-01"]
    empty = cli(tmp, "validate", str(out), "--ministry", "MOFA", "--json")
    assert empty.returncode == 1
    assert json.loads(empty.stdout)["ok"] is False
    valid = PROBLEMS / "valid.xlsx"
    ok = cli(tmp, "validate", str(valid), "--ministry", "MOFA", "--json")
    assert (ok.returncode, json.loads(ok.stdout)) == (
        0,
        {"ok": True, "errors": [], "counts": {"added": 3, "changed": 0, "unchanged": 0}},
    )
    sub = cli(tmp, "submit", str(valid), "--ministry", "外", "--user", "mofa1", "--json")
    assert sub.returncode == 0, sub.stderr
    assert json.loads(sub.stdout)["submission_id"] == 2
    again = cli(
        tmp,
        "submit",
        str(PROBLEMS / "stale-template.xlsx"),
        "--ministry",
        "MOFA",
        "--user",
        "mofa1",
        "--json",
    )
    assert again.returncode == 1
    assert len(json.loads(again.stdout)["errors"]) == 3
    history = cli(tmp, "history", "--ministry", "外", "--json")
    assert [h["id"] for h in json.loads(history.stdout)] == [2]
    assert cli(tmp, "withdraw", "2").returncode == 0
    history = json.loads(cli(tmp, "history", "--json").stdout)
    assert [(h["id"], h["kind"], h["outcome"]) for h in history] == [
        (3, "withdrawal", "committed"),
        (2, "upload", "withdrawn"),
    ]
    versions = json.loads(cli(tmp, "history", "--action", "2-1-01", "--ministry", "外", "--json").stdout)
    assert [(v["submission_id"], v["deleted"]) for v in versions] == [(2, False), (3, True)]
    assert cli(tmp, "round", "close", "--fiscal-year", "2021").returncode == 0
    closed = cli(tmp, "submit", str(valid), "--ministry", "MOFA", "--user", "mofa1")
    assert closed.returncode == 1 and "締め切られています" in closed.stderr


@pytest.mark.parametrize(
    "name", ["zip-bomb.xlsx", "password-protected.xlsx", "corrupt.xlsx", "pdf-renamed.xlsx"]
)
def test_hostile_file_gives_errors_not_a_traceback(cli_store: Path, name: str) -> None:
    """Exit 1, the problem as JSON, no Python traceback."""
    done = cli(cli_store, "validate", str(PROBLEMS / name), "--ministry", "MOFA", "--json")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert len(json.loads(done.stdout)["errors"]) == 1


def test_missing_file_and_unknown_ministry_are_one_line_errors(cli_store: Path) -> None:
    """Mistyped arguments say what is wrong."""
    missing = cli(cli_store, "validate", "nope.xlsx", "--ministry", "MOFA")
    assert missing.returncode == 1 and missing.stderr.startswith("error: ")
    unknown = cli(cli_store, "validate", str(PROBLEMS / "valid.xlsx"), "--ministry", "財")
    assert unknown.returncode == 1 and "府省「財」は登録されていません" in unknown.stderr


def test_user_list_shows_roles(cli_store: Path, sqlite_store: Store) -> None:
    """`user list --json` shows the account without its hash."""
    listed = json.loads(cli(cli_store, "user", "list", "--json").stdout)
    assert [(u["name"], u["role"], u["ministry_code"]) for u in listed] == [("mofa1", "editor", "MOFA")]
    assert "password_hash" not in listed[0]
