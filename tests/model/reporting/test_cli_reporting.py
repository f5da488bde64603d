"""The reporting commands: exit codes, --json, and one line (never a traceback) for a hostile file."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from model.cli import main
from model.store import Store
from tests.model.reporting.conftest import PROBLEMS, record_fixture_templates, template_ids


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def cli(tmp_path: Path, *args: str) -> Run:
    """`python -m model …` in a child process: what a user runs, tracebacks included if any."""
    env = {"QF_SQLITE_PATH": str(tmp_path / "cli.sqlite3"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "model", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[3],
    )
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Run]:
    """The same commands in this process (model.cli.main), with the init, round and user done."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("QF_SQLITE_PATH", str(tmp_path / "cli.sqlite3"))
    monkeypatch.setenv("QF_PASSWORD", "kibou-no-ryoushi-2030")

    def call(*args: str) -> Run:
        capsys.readouterr()
        code = main(list(args))
        out = capsys.readouterr()
        return Run(code, out.out, out.err)

    assert call("init").returncode == 0
    assert call("round", "open", "--fiscal-year", "令和3年度").returncode == 0
    store = Store(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    record_fixture_templates(store)  # the committed fixtures' templates, as issued by this store
    store.engine.dispose()
    done = call("user", "add", "mofa1", "--role", "editor", "--ministry", "外")
    assert done.returncode == 0, done.stderr
    return call


def test_template_validate_submit_history_withdraw(run: Callable[..., Run], tmp_path: Path) -> None:
    """The whole cycle from the command line, with the seed tag or the code for the ministry."""
    out = tmp_path / "mofa.xlsx"
    assert run("template", "--ministry", "外", "--fiscal-year", "2021", "--out", str(out)).returncode == 0
    assert template_ids(out.read_bytes()) == ["2-1-01", "2-2-01", "5-2-01"]
    empty = run("validate", str(out), "--ministry", "MOFA", "--json")
    assert empty.returncode == 1
    assert json.loads(empty.stdout)["ok"] is False
    valid = PROBLEMS / "valid.xlsx"
    ok = run("validate", str(valid), "--ministry", "MOFA", "--json")
    assert (ok.returncode, json.loads(ok.stdout)) == (
        0,
        {"ok": True, "errors": [], "counts": {"added": 3, "changed": 0, "unchanged": 0}},
    )
    sub = run("submit", str(valid), "--ministry", "外", "--user", "mofa1", "--json")
    assert sub.returncode == 0, sub.stderr
    assert json.loads(sub.stdout)["submission_id"] == 2
    stale = PROBLEMS / "stale-template.xlsx"
    again = run("submit", str(stale), "--ministry", "MOFA", "--user", "mofa1", "--json")
    assert again.returncode == 1
    assert len(json.loads(again.stdout)["errors"]) == 3
    history = run("history", "--ministry", "外", "--json")
    assert [h["id"] for h in json.loads(history.stdout)] == [2]
    assert run("withdraw", "2").returncode == 0
    history = json.loads(run("history", "--json").stdout)
    assert [(h["id"], h["kind"], h["outcome"]) for h in history] == [
        (3, "withdrawal", "committed"),
        (2, "upload", "withdrawn"),
    ]
    versions = json.loads(run("history", "--action", "2-1-01", "--ministry", "外", "--json").stdout)
    assert [(v["submission_id"], v["deleted"]) for v in versions] == [(2, False), (3, True)]
    assert run("round", "close", "--fiscal-year", "2021").returncode == 0
    closed = run("submit", str(valid), "--ministry", "MOFA", "--user", "mofa1")
    assert closed.returncode == 1 and "締め切られています" in closed.stderr


@pytest.mark.parametrize(
    "name", ["zip-bomb.xlsx", "password-protected.xlsx", "corrupt.xlsx", "cell-far-away.xlsx"]
)
def test_hostile_file_gives_errors_not_a_traceback(tmp_path: Path, name: str) -> None:
    """Exit 1, the problem as JSON, no Python traceback (in a child process, as a user runs it)."""
    assert cli(tmp_path, "init").returncode == 0
    done = cli(tmp_path, "validate", str(PROBLEMS / name), "--ministry", "MOFA", "--json")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert len(json.loads(done.stdout)["errors"]) == 1


def test_missing_file_and_unknown_ministry_are_one_line_errors(run: Callable[..., Run]) -> None:
    """Mistyped arguments say what is wrong."""
    missing = run("validate", "nope.xlsx", "--ministry", "MOFA")
    assert missing.returncode == 1 and missing.stderr.startswith("error: ")
    unknown = run("validate", str(PROBLEMS / "valid.xlsx"), "--ministry", "財")
    assert unknown.returncode == 1 and "府省「財」は登録されていません" in unknown.stderr


def test_user_list_shows_roles(run: Callable[..., Run]) -> None:
    """`user list --json` shows the account without its hash."""
    listed = json.loads(run("user", "list", "--json").stdout)
    assert [(u["name"], u["role"], u["ministry_code"]) for u in listed] == [("mofa1", "editor", "MOFA")]
    assert "password_hash" not in listed[0]
