"""Where things are: the data directory and the database URL (env `DATABASE_URL`, else a SQLite file)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOALS_FILE = "goals.csv"
PROGRESS_FILE = "progress.xlsx"


def data_dir() -> Path:
    return Path(os.environ.get("QF_DATA_DIR", ROOT / "data"))


def seed_files(directory: Path | None = None) -> tuple[Path, Path]:
    base = directory or data_dir()
    return base / GOALS_FILE, base / PROGRESS_FILE


def seed_digest(directory: Path | None = None) -> str | None:
    """sha256 of the seed's two files together (what a store records as its seed), None when one is
    missing. Read without parsing them: `Store.init` compares it with the store's before it loads the seed
    (pandera's validation of data/ is most of a dashboard's start otherwise)."""
    goals_path, progress_path = seed_files(directory)
    if not (goals_path.is_file() and progress_path.is_file()):
        return None
    return hashlib.sha256(goals_path.read_bytes() + b"\0" + progress_path.read_bytes()).hexdigest()


def database_url() -> str:
    """`DATABASE_URL` when set; otherwise the embedded default, a SQLite file under var/."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    path = Path(os.environ.get("QF_SQLITE_PATH", ROOT / "var" / "quantum_followup.sqlite3"))
    return f"sqlite:///{path}"
