"""The open-data bundle on SQLite and PostgreSQL: a valid Frictionless Data Package whose keys resolve, with
the values of the snapshot it was built from, and the machine-readability rules on every file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from frictionless import validate

from model.opendata import LICENCE_URL, SEED_FILE, build_bundle, wareki, write_bundle
from model.store import JOINT, Store
from tests.conftest import submit_followup

FY = 2020
AS_OF = dt.date(2026, 3, 31)
MEXT_TEXT = "○一行目の進捗。\n=SUM(A1:A2) と書かれた行\n○三行目。"
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ERA = re.compile(r"^(令和|平成|昭和)(元|\d{1,2})年(度|\d{1,2}月(\d{1,2}日)?)?$")
DEFINITION_COLUMNS = ("title_ja", "title_en", "description_ja", "description_en")
PATH = re.compile(r"(?:[\w.-]+/)+[\w.-]+\.[A-Za-z]{1,4}\b|\b\d{3}_[0-9a-f]{16}\.txt")


def _publish(store: Store, out: Path) -> tuple[Path, Any]:
    submit_followup(store, "MEXT", FY, [("1-1-01", "順調", MEXT_TEXT)])
    snap = store.snapshot()
    write_bundle(build_bundle(snap, FY, as_of=AS_OF), out)
    return out, snap


@pytest.fixture
def published(store: Store, tmp_path: Path) -> tuple[Path, Any]:
    """A seeded store (SQLite, PostgreSQL) with one ministry upload for FY2020, published to a folder."""
    return _publish(store, tmp_path / "open")


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _package(out: Path) -> dict[str, Any]:
    package: dict[str, Any] = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    return package


def test_bundle_is_a_valid_data_package_whose_keys_resolve(published: tuple[Path, Any]) -> None:
    """frictionless validates every resource (types, primary and foreign keys) of the written folder."""
    out, _ = published
    report = validate(str(out / "datapackage.json"))
    errors = [(task.name, e.type, e.message) for task in report.tasks for e in task.errors]
    assert report.valid, errors[:10]
    package = _package(out)
    names = {r["name"] for r in package["resources"]}
    assert {"followup_entries", "followup_items", "kpi_observations", "kpi_calculations", "goals"} <= names
    assert {"milestones", "agreements", "agreement_areas", "pillars", "areas", "actions"} <= names
    assert {"definitions", "update_history", "sources", "ministries", "followup_items_json"} <= names
    assert len(report.tasks) == len(package["resources"]) == 2 * len(list(out.glob("*.csv")))
    with_fks = [r for r in package["resources"] if r["schema"].get("foreignKeys")]
    assert len(with_fks) >= 20  # CSV and JSON resources alike


def test_a_key_that_does_not_resolve_is_reported(sqlite_store: Store, tmp_path: Path) -> None:
    """The validation above checks foreign keys: a follow-up line naming an unknown ministry fails it."""
    out, _ = _publish(sqlite_store, tmp_path / "open")
    broken = tmp_path / "broken"
    shutil.copytree(out, broken)
    items = broken / "followup_items.csv"
    text = items.read_bytes().decode("utf-8-sig").replace(",MEXT,", ",NOPE,", 1)
    items.write_bytes(text.encode("utf-8-sig"))
    report = validate(str(broken / "datapackage.json"))
    assert not report.valid
    assert {(t.name, e.type) for t in report.tasks for e in t.errors} == {("followup_items", "foreign-key")}


def test_bundle_holds_the_snapshots_values(published: tuple[Path, Any]) -> None:
    """One entry per action × ministry, the text one line per row, samples marked, the store version named."""
    out, snap = published
    entries = _csv(out / "followup_entries.csv")
    assert len(entries) == len(snap.followup(FY)) == 24
    mext = [e for e in entries if e["ministry_code"] == "MEXT"]
    assert [(e["action_id"], e["status"], e["progress_lines"], e["fiscal_year_wareki"]) for e in mext] == [
        ("1-1-01", "順調", "3", "令和2年度")
    ]
    assert mext[0]["version"] == str(snap.version)
    items = [i for i in _csv(out / "followup_items.csv") if i["ministry_code"] == "MEXT"]
    assert [(i["column"], i["seq"], i["text_ja"]) for i in items] == [
        ("progress", "1", "○一行目の進捗。"),
        ("progress", "2", "'=SUM(A1:A2) と書かれた行"),  # a spreadsheet must not run it
        ("progress", "3", "○三行目。"),
        ("next", "1", "○引き続き推進する。"),
    ]
    json_items = json.loads((out / "followup_items.json").read_text(encoding="utf-8"))
    assert {i["text_ja"] for i in json_items if i["ministry_code"] == "MEXT"} >= {"=SUM(A1:A2) と書かれた行"}
    current = snap.followup(FY).to_dict("records")
    joint = {e["action_id"]: e["progress_ja"] for e in current if e["ministry_code"] == JOINT}
    lines = [i for i in json_items if i["action_id"] == "1-1-02-i" and i["column"] == "progress"]
    assert "\n".join(i["text_ja"] for i in lines) == joint["1-1-02-i"]

    obs = _csv(out / "kpi_observations.csv")
    samples = {o["obs_id"] for o in obs if o["sample"] == "true"}
    assert samples == {o for o in snap.kpi_observations()["obs_id"] if o.startswith("O-SAMPLE")}
    assert samples
    calc = {c["goal_id"]: c for c in _csv(out / "kpi_calculations.csv")}
    assert calc["H-PRODUCTION"]["sample"] == "true" and calc["H-PRODUCTION"]["as_of"] == "2026-03-31"
    assert calc["H-PRODUCTION"]["as_of_wareki"] == "令和8年3月31日"
    assert "override_by" not in calc["H-PRODUCTION"]  # account names are not published

    package = _package(out)
    assert package["store_version"] == snap.version
    assert package["fiscal_year"] == FY and package["as_of"] == "2026-03-31"
    history = _csv(out / "update_history.csv")
    assert [(h["version"], h["kind"], h["ministry_code"]) for h in history][-1] == (
        str(snap.version),
        "upload",
        "MEXT",
    )
    owners = {(o["action_id"], o["ministry_code"]) for o in _csv(out / "action_owners.csv")}
    assert {("1-1-01", "CSTI"), ("1-1-01", "MIC"), ("1-1-01", "MEXT"), ("1-1-01", "METI")} <= owners


def test_every_file_follows_the_machine_readability_rules(published: tuple[Path, Any]) -> None:
    """BOM + UTF-8 declared, one header row, no blank or merged-looking rows, one line per cell, ISO dates
    with a 和暦 column beside each, no file path anywhere, a definition for every field, licence, sources."""
    out, snap = published
    package = _package(out)
    problems: list[str] = []
    definitions = {(d["resource"], d["field"]): d for d in _csv(out / "definitions.csv")}
    for res in package["resources"]:
        path = out / res["path"]
        raw = path.read_bytes()
        fields = [f["name"] for f in res["schema"]["fields"]]
        where = res["path"]
        if res["format"] == "csv":
            if res["encoding"] != "utf-8-sig" or not raw.startswith(b"\xef\xbb\xbf"):
                problems.append(f"{where}: no BOM or encoding not declared utf-8-sig")
            text = raw.decode("utf-8-sig")
            if "\r\n" not in text or "\n" in text.replace("\r\n", ""):
                problems.append(f"{where}: line ends are not CRLF throughout")
            rows = list(csv.reader(io.StringIO(text, newline="")))
            if rows[0] != fields:
                problems.append(f"{where}: header {rows[0]} is not the schema's fields")
            for n, row in enumerate(rows[1:], 2):
                if len(row) != len(fields):
                    problems.append(f"{where}:{n}: {len(row)} cells")
                if row == fields:
                    problems.append(f"{where}:{n}: a second header row")
                if not any(cell.strip() for cell in row):
                    problems.append(f"{where}:{n}: a blank row")
                if any("\n" in cell or "\r" in cell for cell in row):
                    problems.append(f"{where}:{n}: a line break inside a cell")
                key_cells = [row[fields.index(k)] for k in res["schema"]["primaryKey"]]
                if not all(key_cells):
                    problems.append(f"{where}:{n}: an empty key cell (merged-looking row)")
            records = [dict(zip(fields, r, strict=True)) for r in rows[1:]]
        else:
            if res["encoding"] != "utf-8" or raw.startswith(b"\xef\xbb\xbf"):
                problems.append(f"{where}: JSON must be UTF-8 without a BOM")
            records = [{k: "" if v is None else str(v) for k, v in r.items()} for r in json.loads(raw)]
        for f in res["schema"]["fields"]:
            name = f["name"]
            if not all(f.get(k) for k in ("title", "description", "title_en", "description_en")):
                problems.append(f"{where}: field {name} has no definition in both languages")
            d = definitions.get((res["name"].removesuffix("_json"), name))
            if d is None or not all(d[k] for k in DEFINITION_COLUMNS):
                problems.append(f"definitions.csv: no definition of {res['name']}.{name}")
            if f["type"] == "date":
                if fields[fields.index(name) + 1] != f"{name}_wareki":
                    problems.append(f"{where}: date field {name} has no 和暦 column beside it")
                for r in records:
                    if r[name] and not ISO.match(r[name]):
                        problems.append(f"{where}: {name} = {r[name]!r} is not an ISO date")
                    era = r[f"{name}_wareki"]
                    if bool(r[name]) != bool(era) or (era and not ERA.match(era)):
                        problems.append(f"{where}: {name}_wareki = {era!r} for {r[name]!r}")
        for r in records:
            for k, v in r.items():
                if PATH.search(v):
                    problems.append(f"{where}: {k} holds a file path: {v!r}")
    assert problems == []
    assert not PATH.search(json.dumps(package["sources"], ensure_ascii=False))
    titles = [s["title"] for s in package["sources"]]
    assert titles[4].startswith("量子未来産業創出戦略 / Quantum Future Industry Creation Strategy")
    assert len(titles) == len(snap.table("sources"))
    assert package["licenses"][0]["path"] == LICENCE_URL
    assert "政府標準利用規約（第2.0版）" in package["licenses"][0]["title"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", package["created"])
    assert not SEED_FILE.search((out / "sources.csv").read_text(encoding="utf-8-sig"))


@pytest.mark.parametrize(
    ("day", "precision", "expected"),
    [
        (dt.date(2019, 4, 30), "day", "平成31年4月30日"),
        (dt.date(2019, 5, 1), "day", "令和元年5月1日"),
        (dt.date(2023, 3, 1), "month", "令和5年3月"),
        (dt.date(2027, 12, 31), "year", "令和9年"),
        (dt.date(2021, 3, 31), "fy", "令和2年度"),
        (dt.date(2021, 4, 1), "fy", "令和3年度"),
        (None, "day", None),
    ],
)
def test_wareki_follows_the_era_and_the_precision(day: dt.date | None, precision: str, expected: str) -> None:
    """The 和暦 beside a date: the era the day falls in, at the precision the data gives."""
    assert wareki(day, precision) == expected
