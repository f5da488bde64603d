"""A parse child does not run the parent's main script again (the `streamlit` console script, a bench
script): multiprocessing would, and that imported Streamlit in every parse child (0.6 s an upload)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = """
import sys
sys.path.insert(0, {root!r})
with open({marker!r}, "a") as f:
    f.write("ran\\n")  # once for the script itself; once more for every child that runs it again

from model.reporting import _sheets
import io
import openpyxl

if __name__ == "__main__":
    wb = openpyxl.Workbook()
    wb.active.append(["a", 1])
    out = io.BytesIO()
    wb.save(out)
    data = out.getvalue()
    for _ in range(3):
        parsed = _sheets.parse(
            data, "xlsx", False, max_rows=100, max_columns=20, memory=256 << 20, seconds=30
        )
        assert parsed.error is None, parsed.error
        print(sorted(parsed.sheets))
"""


def test_a_parse_child_does_not_run_the_main_script_again(tmp_path: Path) -> None:
    marker = tmp_path / "marker.txt"
    script = tmp_path / "script.py"
    script.write_text(SCRIPT.format(root=str(ROOT), marker=str(marker)), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.count("[") == 3  # three parses, each with its sheets
    assert marker.read_text(encoding="utf-8").splitlines() == ["ran"]
