"""`python -m model`: init, status, kpi, --help; errors are one line and a non-zero exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, db: Path | None = None, url: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    env.pop("DATABASE_URL", None)
    if url:
        env["DATABASE_URL"] = url
    if db:
        env["QF_SQLITE_PATH"] = str(db)
    return subprocess.run(
        [sys.executable, "-m", "model", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "cli.sqlite3"
    assert run("init", db=path).returncode == 0
    return path


def test_status_json_reports_the_strategy_and_ministry_counts(db: Path) -> None:
    """Three strategies: 2020 unchanged (18 tagged actions in 14 sub-areas, 23 reportable rows, per-ministry
    counts as tagged); 2023: 5 areas and 29 actions, none with owners; the 2022 vision: its 3 targets."""
    out = run("status", "--json", db=db)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    s = report["strategies"]
    assert list(s) == ["innovation-2020", "vision-2022", "industry-2023"]
    counts = (
        "areas",
        "sub_areas",
        "actions",
        "tagged_actions",
        "sub_rows",
        "reportable_rows",
        "without_owners",
    )
    assert [s["innovation-2020"][k] for k in counts] == [5, 14, 18, 18, 7, 23, 0]
    assert [s["industry-2023"][k] for k in counts] == [5, 11, 29, 0, 0, 29, 29]
    assert s["industry-2023"]["with_owners"] == 0 and s["industry-2023"]["reportable_rows_per_ministry"] == {}
    assert s["vision-2022"]["goals"] == 3 and s["vision-2022"]["actions"] == 0
    per = s["innovation-2020"]["reportable_rows_per_ministry"]
    assert per == {"CAS": 3, "CSTI": 20, "IPHQ": 2, "METI": 23, "MEXT": 23, "MIC": 23, "MOFA": 3}
    tagged = {code: m["tagged_actions"] for code, m in report["ministries"].items()}
    assert tagged == {"MIC": 18, "MEXT": 18, "METI": 18, "CSTI": 15, "MOFA": 3, "CAS": 3, "IPHQ": 2}
    assert report["ministries"]["MEXT"]["tag"] == "文"
    assert report["fiscal_years"]["2020"]["entries"] == 23
    assert report["kpi_observations"]["sample"] == 12


def test_init_twice_reports_unchanged(db: Path) -> None:
    """Idempotent from the command line too."""
    out = run("--lang", "en", "init", db=db)
    assert out.returncode == 0 and "nothing changed" in out.stdout


def test_kpi_json_has_status_and_projection(db: Path) -> None:
    """The sample users series is assessed with a status, a projected year and the sample flag."""
    out = run("kpi", "--json", "--as-of", "2026-03-31", db=db)
    rows = {r["goal_id"]: r for r in json.loads(out.stdout)}
    users = rows["H-USERS"]
    assert users["sample"] is True
    assert users["status"] in {"on_track", "moderate", "limited", "deteriorating"}
    assert isinstance(users["projected_year"], int)
    assert rows["G-3-1"]["status"] == "achieved"


def test_kpi_table_text_in_english(db: Path) -> None:
    """--lang after the command works and switches every label."""
    out = run("kpi", "--lang", "en", db=db)
    assert out.returncode == 0
    assert "Sample" in out.stdout and "サンプル" not in out.stdout


@pytest.mark.parametrize("command", ["init", "status", "kpi"])
def test_every_command_has_help(command: str) -> None:
    """--help describes each command."""
    out = run(command, "--help")
    assert out.returncode == 0 and "usage: python -m model " + command in out.stdout


@pytest.mark.parametrize(
    ("args", "url", "needle"),
    [
        (("status",), "nonsense://", "DATABASE_URL"),
        (("status",), "postgresql+psycopg://postgres@127.0.0.1:1/none", "接続できません"),
        (("kpi", "--as-of", "来月"), None, "来月"),
    ],
)
def test_errors_are_one_line_without_traceback(
    tmp_path: Path, args: tuple[str, ...], url: str | None, needle: str
) -> None:
    """A bad URL, an unreachable server, a bad date: one line on stderr, exit 1, no traceback."""
    out = run(*args, db=tmp_path / "x.sqlite3", url=url)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert needle in out.stderr


def test_status_before_init_asks_for_init(tmp_path: Path) -> None:
    """An empty database is not an error trace: it says to run init."""
    out = run("status", db=tmp_path / "empty.sqlite3")
    assert out.returncode == 1 and "python -m model init" in out.stderr


def test_each_command_module_registers_what_the_registry_says() -> None:
    """`python -m model status` imports only model.commands.core: the registry must name every command
    each module registers, or a command would be missing from its own parser."""
    import argparse

    from model.cli import build_parser
    from model.commands import COMMANDS, modules_for

    for name, commands in COMMANDS.items():
        for command in commands:
            parser = build_parser(["--lang", "en", command, "--help"][:3])
            sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
            assert sorted(sub.choices) == sorted(commands), name
            assert [m.__name__ for m in modules_for(["--lang", "en", command])] == [f"model.commands.{name}"]
    everything = build_parser()
    sub = next(a for a in everything._actions if isinstance(a, argparse._SubParsersAction))
    assert sorted(sub.choices) == sorted(c for cs in COMMANDS.values() for c in cs)


def test_status_imports_neither_mail_nor_spreadsheet_libraries(db: Path) -> None:
    """The small commands stay small: `status` loads no module of the reminders, the exports or pandera."""
    code = (
        "import sys, runpy; sys.argv = ['model', 'status', '--json', '--recompute']\n"
        "try:\n    runpy.run_module('model', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "heavy = {'pandera', 'openpyxl', 'plotly', 'smtplib', 'pptx'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith('model.exports')),"
        " file=sys.stderr)\n"
        "import gc\nprint(gc.get_threshold(), file=sys.stderr)"
    )
    env = {**os.environ, "QF_SQLITE_PATH": str(db)}
    env.pop("DATABASE_URL", None)
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )
    assert json.loads(proc.stdout)["store_version"] >= 1
    *_, modules, thresholds = proc.stderr.strip().splitlines()
    assert modules == "[]"
    assert thresholds == "(50000, 20, 100)"  # model/runtime.py: the CLI tunes the collector


MODULES_AFTER = (
    "import sys, runpy; sys.argv = ['model', *sys.argv[1:]]\n"
    "try:\n    runpy.run_module('model', run_name='__main__')\nexcept SystemExit:\n    pass\n"
    "print('pandas imported' if 'pandas' in sys.modules else 'no pandas', file=sys.stderr)"
)


def run_reporting_modules(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QF_SQLITE_PATH": str(db)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-c", MODULES_AFTER, *args], capture_output=True, text=True, cwd=ROOT, env=env,
        timeout=120, check=False,
    )  # fmt: skip


def test_status_and_kpi_print_the_kept_output_until_the_store_changes(tmp_path: Path) -> None:
    """The second `status` / `kpi` at a store version prints the first one's output, read from the store
    without importing pandas; a write makes them derive it again; --recompute always derives it."""
    import sqlite3

    db = tmp_path / "kept.sqlite3"
    assert run("init", db=db).returncode == 0
    for command in (("status", "--json"), ("status",), ("kpi", "--json", "--as-of", "2026-03-31")):
        first = run_reporting_modules(*command, db=db)
        again = run_reporting_modules(*command, db=db)
        assert first.returncode == again.returncode == 0
        assert first.stderr.strip().endswith("pandas imported")
        assert again.stderr.strip().endswith("no pandas"), command
        assert again.stdout == first.stdout and len(first.stdout) > 100
    with sqlite3.connect(db) as conn:  # the text printed is the kept one: change it where it is kept
        assert conn.execute("SELECT count(*) FROM kept_outputs").fetchone() == (3,)
        conn.execute("UPDATE kept_outputs SET stdout = 'kept text\n'")
    assert run("status", "--json", db=db).stdout == "kept text\n"
    recomputed = run("status", "--json", "--recompute", db=db).stdout
    before = json.loads(recomputed)

    done = run("kpi", "override", "G-3-1", "--status", "on_track", "--reason", "確認済み", db=db)
    assert done.returncode == 0, done.stderr
    after = run("status", "--json", db=db)
    report = json.loads(after.stdout)  # not the kept text: the store changed
    assert report["store_version"] == before["store_version"] + 1
    assert after.stdout == run("status", "--json", "--recompute", db=db).stdout
    kpi = {r["goal_id"]: r for r in json.loads(run("kpi", "--json", "--as-of", "2026-03-31", db=db).stdout)}
    assert kpi["G-3-1"]["status"] == "on_track"  # the override shows: not the output kept before it


def test_init_on_an_unchanged_seed_neither_reads_nor_validates_it(tmp_path: Path) -> None:
    """`init` (and every dashboard start) compares the data files' digest with the store's first: an
    unchanged seed is not parsed (pandera is not even imported); a changed one is loaded as before."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    db = tmp_path / "seeded.sqlite3"
    code = (
        "import sys, runpy; sys.argv = ['model', 'init']\n"
        "try:\n    runpy.run_module('model', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('pandera imported' if 'pandera' in sys.modules else 'no pandera', file=sys.stderr)"
    )
    env = {**os.environ, "QF_SQLITE_PATH": str(db), "QF_DATA_DIR": str(data)}
    env.pop("DATABASE_URL", None)

    def init() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
        )

    first, again = init(), init()
    assert first.stderr.strip().endswith("pandera imported") and again.stderr.strip().endswith("no pandera")
    assert first.stdout != again.stdout  # created, then unchanged
    with (data / "goals.csv").open("a", encoding="utf-8") as f:
        f.write("\n")  # the same goals, another file: a new seed submission
    changed = init()
    assert changed.returncode == 0 and changed.stderr.strip().endswith("pandera imported")
    assert changed.stdout not in (first.stdout, again.stdout)
