"""Printing a reading command's kept output (model/store/_kept.py), or running it and keeping what it prints.

A command opts in with `set_defaults(keep=predicate)`: the predicate says whether this invocation only
reads (`kpi` does, `kpi override` does not). `--recompute` derives the output again and keeps the new one.
The output is kept only when the command succeeded and read exactly one store version (`snapshot_from`
notes it), so what is printed later at that version is what was printed at it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from zoneinfo import ZoneInfo

from model.commands._common import store_from
from model.store import output_key

_NOT_OPTIONS = {"run", "keep", "read_versions", "database_url", "recompute"}


def keeps(args: argparse.Namespace) -> bool:
    keep = getattr(args, "keep", None)
    return bool(keep is not None and keep(args))


def run_kept(args: argparse.Namespace) -> int:
    store = store_from(args)
    command = {k: v for k, v in sorted(vars(args).items()) if k not in _NOT_OPTIONS}
    today = dt.date.today()
    tokyo = dt.datetime.now(ZoneInfo("Asia/Tokyo")).date()
    key = output_key(command, store.url, today, tokyo)
    kept = None if args.recompute else store.kept_output(key)
    if kept is not None:
        sys.stdout.write(kept[0])
        sys.stderr.write(kept[1])
        return 0
    out, err = io.StringIO(), io.StringIO()
    args.read_versions = []
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = int(args.run(args))
    finally:
        sys.stdout.write(out.getvalue())
        sys.stderr.write(err.getvalue())
    if code == 0 and len(set(args.read_versions)) == 1:
        store.keep_output(key, args.read_versions[0], out.getvalue(), err.getvalue())
    return code
