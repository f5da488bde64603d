"""`python -m model export deck|followup|chart`: files written, clear one-line errors."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation

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
    path = tmp_path_factory.mktemp("cli-export") / "cli.sqlite3"
    assert run("init", db=path).returncode == 0
    return path


def test_chart_list_names_every_chart(db: Path) -> None:
    """--list prints one line per chart of the dashboard, name then title."""
    from model.figures import CHARTS

    out = run("export", "chart", "--list", db=db)
    assert out.returncode == 0, out.stderr
    names = [line.split()[0] for line in out.stdout.splitlines()]
    assert names == list(CHARTS)


@pytest.mark.parametrize(("fmt", "suffix", "magic"), [("pdf", ".out", b"%PDF"), (None, ".svg", b"<svg")])
def test_chart_is_written_in_the_format_asked(
    db: Path, tmp_path: Path, fmt: str | None, suffix: str, magic: bytes
) -> None:
    """--format wins; without it the suffix of --out decides (PNG/SVG/PDF all tested in test_chart_images)."""
    out_file = tmp_path / f"chart{suffix}"
    extra = ["--format", fmt] if fmt else []
    out = run("export", "chart", "kpi-progress", *extra, "--out", str(out_file), db=db)
    assert out.returncode == 0, out.stderr
    assert out_file.read_bytes().startswith(magic)


def test_followup_xlsx_and_csv(db: Path, tmp_path: Path) -> None:
    """export followup writes the published table; the message counts the action rows."""
    xlsx, csv_file = tmp_path / "fu.xlsx", tmp_path / "fu.csv"
    out = run("export", "followup", "--fiscal-year", "令和2年度", "--out", str(xlsx), db=db)
    assert out.returncode == 0, out.stderr
    assert "取組 23 行" in out.stdout
    ws = openpyxl.load_workbook(io.BytesIO(xlsx.read_bytes())).worksheets[0]
    assert ws["A4"].value == "１．技術開発戦略"
    assert run("export", "followup", "--fiscal-year", "2020", "--out", str(csv_file), db=db).returncode == 0
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")


def test_deck_with_pdf(db: Path, tmp_path: Path) -> None:
    """export deck --sections … --pdf writes the chosen slides as .pptx and, through LibreOffice, the PDF."""
    out_file = tmp_path / "deck.pptx"
    out = run(
        "export",
        "deck",
        "--fiscal-year",
        "2020",
        "--chart",
        "kpi-progress",
        "--sections",
        "cover,kpi,missing",
        "--pdf",
        "--out",
        str(out_file),
        db=db,
    )
    assert out.returncode == 0, out.stderr
    titles = [s.shapes.title.text for s in Presentation(str(out_file)).slides]
    assert titles == [
        "量子戦略フォローアップ ブリーフィング資料",
        "2030年目標（ヘッドライン KPI）の状況",
        "数値目標の達成率",
        "未報告の取組（2020年度）",
    ]
    assert out_file.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["export", "followup", "--fiscal-year", "2020", "--out", "x.doc"], "拡張子は .xlsx, .csv"),
        (["export", "chart", "no-such-chart", "--out", "x.png"], "グラフ「no-such-chart」はありません"),
        (["export", "chart", "kpi-progress", "--format", "png"], "--out で指定してください"),
        (["export", "chart"], "グラフ名を指定してください"),
        (["export", "deck", "--chart", "nope", "--out", "x.pptx"], "グラフ「nope」はありません"),
        (["export", "deck", "--sections", "kpi,agenda", "--out", "x.pptx"], "区分「agenda」はありません"),
    ],
)
def test_mistakes_are_one_line_errors(db: Path, args: list[str], expected: str) -> None:
    """A wrong suffix or chart name exits 1 with one line saying what to fix, and writes nothing."""
    out = run(*args, db=db)
    assert out.returncode == 1
    assert expected in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert not (ROOT / "x.doc").exists() and not (ROOT / "x.pptx").exists()
