"""Where things are: the data directory and the database URL (env `DATABASE_URL`, else a SQLite file)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("QF_DATA_DIR", ROOT / "data"))


def database_url() -> str:
    """`DATABASE_URL` when set; otherwise the embedded default, a SQLite file under var/."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    path = Path(os.environ.get("QF_SQLITE_PATH", ROOT / "var" / "quantum_followup.sqlite3"))
    return f"sqlite:///{path}"
