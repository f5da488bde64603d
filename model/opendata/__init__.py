"""Open data: the follow-up of one fiscal year and everything it refers to, as a Frictionless Data Package.

`build_bundle(snap, fiscal_year)` makes every file from one snapshot (CSV + JSON per table, the 項目定義
table, the update history, `datapackage.json`); `write_bundle` writes them to a directory all at once, and
`Bundle.zip()` is the same files as one download. The rules followed are デジタル庁「行政データにおける機械
可読性に関するルール」: one record per row (縦持ち), no merged cells, one header row, 西暦 ISO dates with the
和暦 beside them, the encoding declared, a definition per field and an update history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from model.errors import AppError
from model.opendata._dates import wareki, wareki_fy
from model.opendata._package import (
    CSV_ENCODING,
    DEFINED,
    LICENCE_URL,
    definition,
    definitions_table,
    descriptor,
    field_types,
)
from model.opendata._tables import SEED_FILE, STRUCTURE, Table, build_tables
from model.opendata._write import MANIFEST, rows_of, to_csv, to_json, to_zip, write_directory
from model.store import Snapshot

__all__ = [
    "CSV_ENCODING",
    "DEFINED",
    "LICENCE_URL",
    "MANIFEST",
    "SEED_FILE",
    "STRUCTURE",
    "Bundle",
    "Table",
    "build_bundle",
    "bundle_zip",
    "definition",
    "wareki",
    "wareki_fy",
    "write_bundle",
]


@dataclass(frozen=True)
class Bundle:
    """The files of one publication (name → bytes) and what they were built from."""

    files: dict[str, bytes]
    tables: list[Table]
    fiscal_year: int
    version: int

    def zip(self) -> bytes:
        return to_zip(self.files)


def build_bundle(
    snap: Snapshot, fiscal_year: int, *, as_of: dt.date | None = None, created: dt.datetime | None = None
) -> Bundle:
    """Every file of the publication of `fiscal_year`, from `snap`. AppError when the store holds no
    follow-up entry of that year (there would be nothing to publish)."""
    if snap.followup(fiscal_year).empty:
        years = sorted({int(y) for y in snap.followup()["fiscal_year"]})
        raise AppError(
            "err.od.no_entries",
            fy=fiscal_year,
            known=", ".join(str(y) for y in years) or "—",
        )
    as_of = as_of or dt.date.today()
    created = created or dt.datetime.now(dt.UTC)
    tables = build_tables(snap, fiscal_year, as_of)
    tables.append(definitions_table(tables))
    files: dict[str, bytes] = {}
    for tb in tables:
        types = field_types(tb)
        rows = rows_of(tb.frame, types)
        files[f"{tb.name}.csv"] = to_csv(rows, list(types))
        files[f"{tb.name}.json"] = to_json(rows)
    files[MANIFEST] = to_json(descriptor(snap, tables, fiscal_year, as_of, created))
    return Bundle(files, tables, fiscal_year, snap.version)


def write_bundle(bundle: Bundle, out: Path) -> None:
    """The bundle's files in directory `out`, all or nothing (see `_write.write_directory`)."""
    write_directory(bundle.files, out)


def bundle_zip(snap: Snapshot, fiscal_year: int, as_of: dt.date) -> bytes:
    """The bundle as one zip (the export page's download): the same files the command writes."""
    return build_bundle(snap, fiscal_year, as_of=as_of).zip()
