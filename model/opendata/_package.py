"""The Data Package: a Table Schema per table (types, titles and definitions ja + en, keys) and the
package descriptor (licence, sources, created, the store version). Frictionless Data Package v1 profile
`tabular-data-package`; every CSV is UTF-8 with a BOM (declared `utf-8-sig`), CRLF line ends, one header
row; every JSON file is UTF-8 (no BOM, as RFC 8259 asks), an array of one object per row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from model.messages import CATALOGUE, t
from model.opendata._tables import Table
from model.reporting.publication import is_provisional, year_state
from model.schemas import TABLES
from model.store import Snapshot

LICENCE_URL = "https://www.digital.go.jp/resources/open_data/"
CSV_ENCODING = "utf-8-sig"
LINE_TERMINATOR = "\r\n"

DEFINED: tuple[str, ...] = tuple(k.removeprefix("od.title.") for k in CATALOGUE if k.startswith("od.title."))
"""Every table and field with a definition: `od.title.<key>` and `od.desc.<key>` in the catalogue, key
`<table>.<field>`, a field name shared by several tables (`action_id`), or a table name."""


@dataclass(frozen=True)
class Definition:
    title_ja: str
    title_en: str
    description_ja: str
    description_en: str


def definition(table: str, field: str | None = None) -> Definition | None:
    """The 項目定義 of a field (or of a table when `field` is None): the table's own, else the shared one.
    A 和暦 field `<x>_wareki` is defined from its date field `<x>`."""
    if field is not None and field.endswith("_wareki"):
        base = definition(table, field.removesuffix("_wareki"))
        if base is None:
            return None
        return Definition(
            t("od.wareki.title", "ja", title=base.title_ja),
            t("od.wareki.title", "en", title=base.title_en),
            t("od.wareki.desc", "ja", field=field.removesuffix("_wareki")),
            t("od.wareki.desc", "en", field=field.removesuffix("_wareki")),
        )
    keys = [table] if field is None else [f"{table}.{field}", field]
    for key in keys:
        if key in DEFINED:
            title, desc = f"od.title.{key}", f"od.desc.{key}"
            return Definition(t(title, "ja"), t(title, "en"), t(desc, "ja"), t(desc, "en"))
    return None


def _schema_annotation(table: str, field: str) -> str | None:
    schema = TABLES.get(table)
    annotation = None if schema is None else schema.__annotations__.get(field)
    return None if annotation is None else str(annotation).lower()


def field_type(table: str, field: str, values: pd.Series) -> str:
    """The Table Schema type: from the values' Python types (dates, timestamps), model/schemas.py's
    annotation, or the column's dtype."""
    if field.endswith("_wareki"):
        return "string"
    present = [v for v in values.tolist() if v is not None and not (isinstance(v, float) and pd.isna(v))]
    if present and all(isinstance(v, dt.datetime | pd.Timestamp) for v in present):
        return "datetime"
    if present and all(isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in present):
        return "date"
    annotation = _schema_annotation(table, field)
    if annotation is not None:
        for word, kind in (("bool", "boolean"), ("int", "integer"), ("float", "number")):
            if word in annotation:
                return kind
        return "string"
    if pd.api.types.is_bool_dtype(values) or (present and all(isinstance(v, bool) for v in present)):
        return "boolean"
    if pd.api.types.is_integer_dtype(values) or (present and all(isinstance(v, int) for v in present)):
        return "integer"
    if pd.api.types.is_float_dtype(values) or (present and all(isinstance(v, float | int) for v in present)):
        return "number"
    return "string"


def field_types(table: Table) -> dict[str, str]:
    return {str(c): field_type(table.name, str(c), table.frame[c]) for c in table.frame.columns}


def table_schema(table: Table, suffix: str = "") -> dict[str, Any]:
    """The Table Schema of a table; `suffix` names the twin resources (the JSON files) keys refer to."""
    fields = []
    for name, kind in field_types(table).items():
        d = definition(table.name, name)
        field: dict[str, Any] = {"name": name, "type": kind}
        if d is not None:
            field |= {
                "title": d.title_ja,
                "description": d.description_ja,
                "title_en": d.title_en,
                "description_en": d.description_en,
            }
        if name in table.primary_key:
            field["constraints"] = {"required": True}
        fields.append(field)
    schema: dict[str, Any] = {
        "fields": fields,
        "primaryKey": list(table.primary_key),
        "missingValues": [""],
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(cols),
                "reference": {
                    "resource": "" if ref == table.name else ref + suffix,
                    "fields": list(ref_cols),
                },
            }
            for cols, ref, ref_cols in table.foreign_keys
        ]
    return schema


def definitions_table(tables: list[Table]) -> Table:
    """The 項目定義 as a table of its own: one row per field of every table (this one included)."""
    cols = ["resource", "field", "type", "title_ja", "title_en", "description_ja", "description_en"]
    rows: list[dict[str, Any]] = []

    def add(table: str, types: dict[str, str]) -> None:
        for name, kind in types.items():
            d = definition(table, name)
            rows.append({"resource": table, "field": name, "type": kind} | ({} if d is None else d.__dict__))

    for tb in tables:
        add(tb.name, field_types(tb))
    add("definitions", {c: "string" for c in cols})
    return Table("definitions", pd.DataFrame(rows, columns=cols), ("resource", "field"))


def descriptor(
    snap: Snapshot, tables: list[Table], fiscal_year: int, as_of: dt.date, created: dt.datetime
) -> dict[str, Any]:
    """datapackage.json: a CSV resource and a JSON resource per table."""
    resources = []
    for tb in tables:
        d = definition(tb.name)
        about = {} if d is None else {"title": d.title_ja, "description": d.description_ja}
        about |= {} if d is None else {"title_en": d.title_en, "description_en": d.description_en}
        resources.append(
            {
                "name": tb.name,
                "path": f"{tb.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": CSV_ENCODING,
                "dialect": {"delimiter": ",", "lineTerminator": LINE_TERMINATOR, "header": True},
                **about,
                "schema": table_schema(tb),
            }
        )
    for tb in tables:
        resources.append(
            {
                "name": f"{tb.name}_json",
                "path": f"{tb.name}.json",
                "profile": "tabular-data-resource",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "description": t("od.json_twin", "ja", name=f"{tb.name}.csv"),
                "description_en": t("od.json_twin", "en", name=f"{tb.name}.csv"),
                "schema": table_schema(tb, "_json"),
            }
        )
    sources = snap.table("sources")
    # A year not published (or changed since) is marked in the package, as on every page, slide and sheet.
    provisional = is_provisional(snap, fiscal_year)
    mark_ja, mark_en = (
        (f"【{t('pub.mark', 'ja')}】", f"[{t('pub.mark', 'en')}] ") if provisional else ("", "")
    )
    return {
        "profile": "tabular-data-package",
        "name": f"quantum-strategy-followup-fy{fiscal_year}",
        "title": mark_ja + t("od.package.title", "ja", fy=f"{fiscal_year}年度"),
        "title_en": mark_en + t("od.package.title", "en", fy=f"FY{fiscal_year}"),
        "provisional": provisional,
        "publication_state": year_state(snap, fiscal_year),
        "description": t("od.package.desc", "ja"),
        "description_en": t("od.package.desc", "en"),
        "fiscal_year": fiscal_year,
        "as_of": as_of.isoformat(),
        "store_version": snap.version,
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "licenses": [
            {"path": LICENCE_URL, "title": t("od.licence", "ja"), "title_en": t("od.licence", "en")}
        ],
        "sources": [
            {"title": f"{r.title_ja} / {r.title_en}（{r.issuer}、{r.date}）"}
            for r in sources.itertuples(index=False)
        ],
        "resources": resources,
    }
