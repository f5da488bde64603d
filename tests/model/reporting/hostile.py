"""The hostile texts of tests/fixtures/hostile/ (cases.json, written by `python
tests/fixtures/make_upload_fixtures.py hostile`), and a store that holds them the way rows stored before
the intake rule do (the seed, old rows): written straight into the store, past every check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from model.store import ChangeSet, Store

HOSTILE = Path(__file__).resolve().parents[2] / "fixtures" / "hostile"
CASES: dict[str, list[dict[str, Any]]] = json.loads((HOSTILE / "cases.json").read_text(encoding="utf-8"))
TEXTS: dict[str, dict[str, Any]] = {c["name"]: c for c in CASES["texts"]}
NAMES: dict[str, dict[str, Any]] = {c["name"]: c for c in CASES["file_names"]}
STORED = sorted(n for n, c in TEXTS.items() if c["expect"] == "stored")  # kept as written at intake
REFUSED = sorted(n for n, c in TEXTS.items() if c["expect"] != "stored")
# Cell texts a ministry may type: every case but the status one (a status is checked against the list).
CELL_TEXTS = sorted(n for n, c in TEXTS.items() if c["column"] != "状況")
# A user name as an identity provider (or a careless secretariat) may give it.
HOSTILE_USER = "**mofa**<img src='http://evil.invalid/user.png'>[u](http://evil.invalid/user)\x1b[2J\u202e"
FY = 2021
# What must never reach a page as markup, a terminal or a file: the addresses the texts name.
EVIL = "evil.invalid"


def text_of(name: str) -> str:
    case = TEXTS[name]
    return str(case["text"]) * int(case.get("repeat", 1))


def store_before_the_rule(store: Store, names: list[str], *, user: str = HOSTILE_USER) -> int:
    """MOFA's FY2021 entries holding the texts of `names` (each in its own row and column, in the order
    given, three rows × two columns), 遅延 so that the deck lists them, uploaded by `user` under the
    bidirectional file name; and a KPI note. Returns the submission id."""
    rows = ["2-1-01", "2-2-01", "5-2-01"]
    entries: dict[str, dict[str, Any]] = {
        a: {"action_id": a, "fiscal_year": FY, "ministry_code": "MOFA", "status": "遅延",
            "progress_ja": "○報告。", "next_ja": "○継続。"}
        for a in rows
    }  # fmt: skip
    slots = [(a, col) for a in rows for col in ("progress_ja", "next_ja")]
    assert len(names) <= len(slots), "at most six texts at once"
    for name, (action_id, col) in zip(names, slots, strict=False):
        entries[action_id][col] = text_of(name)
    kpi = [
        {"goal_id": "G-5-2", "date": "2025-03-31", "obs_id": "U-MOFA-G-5-2-2025-03-31", "metric": "m",
         "date_precision": "day", "value": 3.0, "unit": "回", "sample": False, "source": "外務省報告",
         "note": text_of(names[0])}
    ]  # fmt: skip
    sent = str(NAMES["bidi-name"]["sent"])
    outcome = store.submit(
        ChangeSet("upload", user, "MOFA", FY, file_name=sent, followup=list(entries.values()), kpi=kpi)
    )
    assert outcome.submission_id is not None
    return outcome.submission_id


def legacy_account(store: Store, name: str, role: str, ministry_code: str | None = None) -> None:
    """An account as stores made before the text rule may hold it (or an identity provider may name it):
    written through the store's write door directly, past `add_user`'s check, which refuses such a name."""
    with store.transaction("setup", "user") as tx:
        tx.add_user(name, role, ministry_code, None)
