"""受付番号 and the `remind` command: a receipt per submission, stable and unique, printed by `submit` and
`history`; `remind` lists, writes and (with --send, through a real SMTP server) e-mails."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from model.reporting.receipts import receipt_number, receipts
from model.store import Store, open_store
from tests.conftest import submit_followup
from tests.model.reporting.conftest import filled_for
from tests.model.reporting.test_cli_reporting import Run, run  # noqa: F401 — the fixture
from tests.smtp import smtp_server


def test_receipt_numbers_are_fiscal_year_and_id_unique_and_stable(store: Store) -> None:
    """Each submission's number is its fiscal year and id; a later write changes none of them."""
    submit_followup(store, "MOFA", 2021, [("2-1-01", "順調", "○協力を進めた。")])
    submit_followup(store, "MEXT", 2022, [("1-1-01", "順調", "○改訂した。")])
    subs = store.snapshot().submissions()
    numbers = receipts(subs).tolist()
    assert numbers[1:] == [receipt_number(2, 2021), receipt_number(3, 2022)] == ["2021-000002", "2022-000003"]
    assert numbers[0].endswith("-000001")  # the seed: the fiscal year of its date in Japan
    assert len(set(numbers)) == len(numbers)
    submit_followup(store, "MOFA", 2021, [("2-1-01", "順調", "○協力を更に進めた。")])
    assert receipts(store.snapshot().submissions()).tolist()[:3] == numbers


def test_submit_and_history_show_the_receipt_in_japan_time(
    run: Callable[..., Run],  # noqa: F811
    tmp_path: Path,
) -> None:
    """`submit` prints the receipt after the commit; `history` lists it, with the time in Japan."""
    store = open_store()
    data = filled_for(store, "外")
    store.engine.dispose()
    path = tmp_path / "mofa.xlsx"
    path.write_bytes(data)
    done = run("submit", str(path), "--ministry", "外", "--user", "mofa1")
    assert done.returncode == 0 and "受付番号 2021-000002" in done.stdout
    store = open_store()
    path.write_bytes(filled_for(store, "外", text="改訂"))  # a template of the new version
    store.engine.dispose()
    as_json = json.loads(run("submit", str(path), "--ministry", "外", "--user", "mofa1", "--json").stdout)
    assert as_json["receipt"] == "2021-000003"
    history = json.loads(run("history", "--json").stdout)
    assert [h["receipt"] for h in history] == ["2021-000003", "2021-000002"]
    text = run("history").stdout.splitlines()
    assert "2021-000002" in text[1]
    stamp = history[1]["created_at"]  # UTC as stored; the text shows the same instant in Japan time
    local = pd.Timestamp(stamp).tz_convert("Asia/Tokyo")
    assert f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}" in text[1]


def test_remind_command_lists_writes_sends_and_records(
    run: Callable[..., Run],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without --send nothing is sent; --out writes the list; --send e-mails through the server and
    --history shows what was recorded; a wrong address is refused with exit 1 and one line."""
    assert run("remind", "--contact", "外", "--email", "kokusai@mofa.example.go.jp").returncode == 0
    bad = run("remind", "--contact", "外", "--email", "kokusai")
    assert bad.returncode == 1 and "「kokusai」はメールアドレスとして読めません" in bad.stderr
    assert "Traceback" not in bad.stderr
    listed = json.loads(run("remind", "--fiscal-year", "2021", "--ministry", "外", "--json").stdout)
    (mofa,) = listed["reminders"]
    assert mofa["recipients"] == ["kokusai@mofa.example.go.jp"]
    assert [r["action_id"] for r in mofa["rows"]] == ["2-1-01", "2-2-01", "5-2-01"] and "sent" not in listed
    out = tmp_path / "remind.xlsx"
    assert run("remind", "--fiscal-year", "2021", "--out", str(out)).returncode == 0
    ws = openpyxl.load_workbook(out).active
    assert ws is not None and ws.max_row - 1 == 97  # every ministry's owed rows, one line each
    with smtp_server() as server:
        for key, value in server.env().items():
            monkeypatch.setenv(key, value)
        sent = run("remind", "--fiscal-year", "2021", "--ministry", "外", "--send", "--json")
    assert sent.returncode == 0, sent.stderr
    assert json.loads(sent.stdout)["sent"][0]["outcome"] == "sent"
    assert [m.rcpt_tos for m in server.received] == [["kokusai@mofa.example.go.jp"]]
    history = json.loads(run("remind", "--history", "--json").stdout)
    assert [(h["ministry_code"], h["outcome"], h["n_rows"]) for h in history] == [("MOFA", "sent", 3)]
