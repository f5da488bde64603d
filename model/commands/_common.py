"""Helpers shared by the sub-commands: opening the store, printing JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

from model.store import Store, open_store
from model.text import json_safe

if TYPE_CHECKING:  # pandas is not imported on the path that prints a kept output (model.commands._kept)
    import pandas as pd

    from model.store import Snapshot


def store_from(args: argparse.Namespace) -> Store:
    return open_store(args.database_url)


def snapshot_from(args: argparse.Namespace, *, followup: bool = True) -> Snapshot:
    """The store's state for a reading command: one snapshot, everything it prints is of that version
    (`followup=False` for a command that prints no follow-up entry: they are most of a large store).
    The version read is noted on `args.read_versions` when the command's output may be kept."""
    snap = store_from(args).snapshot(followup=followup)
    read = getattr(args, "read_versions", None)
    if read is not None:
        read.append(snap.version)
    return snap


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):  # datetime and pandas' Timestamp are dates too
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def emit_json(payload: Any) -> None:
    """JSON on stdout: exact data, with every character a terminal would obey as a \\u escape."""
    sys.stdout.write(json_safe(json.dumps(payload, ensure_ascii=False, indent=2, default=_json_default)))
    sys.stdout.write("\n")


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as JSON-ready dicts (NaN/NA → None)."""
    clean = df.astype(object).where(df.notna(), None)
    return [{str(k): v for k, v in r.items()} for r in clean.to_dict("records")]
