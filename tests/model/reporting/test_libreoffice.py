"""The template re-saved by LibreOffice as .xlsx, .ods and .xls is accepted with identical stored values."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import pandas as pd
import pytest

from model.reporting.commit import submit_file
from model.reporting.rounds import open_round
from model.reporting.template import issue_template
from model.reporting.upload import check_upload
from model.seed import SeedData
from model.store import Store
from tests.fixtures.make_upload_fixtures import VALID_ID, edit, with_id
from tests.model.reporting.conftest import (
    FY,
    PROBLEMS,
    SECRETARIAT,
    fill,
    make_editor,
    record_fixture_templates,
)

ROWS = {
    "2-1-01": ("二国間協力覚書を２件締結した。\n続いて協議を行った。", "拡大する。", "順調"),
    "2-2-01": ("説明会を実施した。 ", "―", "完了"),
    "5-2-01": ("招へいを開始した（３名）。", "継続する。", "一部遅延"),
}


def convert(src: Path, fmt: str, out_dir: Path) -> Path:
    """soffice --convert-to with a private profile, so that parallel runs do not share one."""
    profile = out_dir / f"lo-profile-{uuid.uuid4().hex[:8]}"
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(out_dir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out_dir / f"{src.stem}.{fmt.split(':')[0]}"


def stored_after_submit(tmp_path: Path, seed: SeedData, data: bytes, name: str) -> pd.DataFrame:
    store = Store(f"sqlite:///{tmp_path / (name + '.sqlite3')}")
    store.init(seed)
    open_round(store, FY, SECRETARIAT)
    record_fixture_templates(store)  # each file carries the fixtures' id: the same template, issued here
    up, outcome = submit_file(store, data, name, "MOFA", make_editor(store, "MOFA"))
    assert outcome is not None, [str(p) for p in up.problems]
    fu = store.snapshot().followup(FY)[["action_id", "ministry_code", "progress_ja", "next_ja", "status"]]
    obs = store.snapshot().kpi_observations()
    kpi = obs[obs["obs_id"].str.startswith("U-")][["goal_id", "date", "value", "date_precision"]]
    store.engine.dispose()
    return pd.concat([fu.astype(str), kpi.astype(str)], axis=1)


@pytest.mark.parametrize("fmt", ["xlsx:Calc MS Excel 2007 XML", "ods", "xls:MS Excel 97"])
def test_libreoffice_resave_is_accepted_with_identical_values(
    sqlite_rstore: Store, seed: SeedData, tmp_path: Path, fmt: str
) -> None:
    """Same rows, same text, same KPI values as the file openpyxl wrote."""
    blank = edit(issue_template(sqlite_rstore, SECRETARIAT, "MOFA", FY), with_id(VALID_ID))
    original = fill(blank, ROWS, kpi=[["G-5-2", "2025-03-31", 4]])
    src = tmp_path / "mofa.xlsx"
    src.write_bytes(original)
    converted = convert(src, fmt, tmp_path / "converted")
    assert converted.exists()
    expected = stored_after_submit(tmp_path, seed, original, "original.xlsx")
    got = stored_after_submit(tmp_path, seed, converted.read_bytes(), converted.name)
    pd.testing.assert_frame_equal(got, expected)
    assert "二国間協力覚書を２件締結した。\n続いて協議を行った。" in set(got["progress_ja"])


def test_formula_survives_libreoffice_and_is_refused(sqlite_rstore: Store, tmp_path: Path) -> None:
    """A formula in a fill column, re-saved as .ods, is still found and refused."""
    src = tmp_path / "formula.xlsx"
    src.write_bytes((PROBLEMS / "formula.xlsx").read_bytes())
    ods = convert(src, "ods", tmp_path / "converted")
    up = check_upload(sqlite_rstore.snapshot(), ods.read_bytes(), ods.name, "MOFA")
    assert [(p.row, p.column) for p in up.problems if "数式" in p.message] == [(2, "進捗")]
