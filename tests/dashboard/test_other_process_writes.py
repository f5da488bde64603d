"""A write made by another process (the CLI, another server) shows on a page's next run: every write
makes a new store version, and each run asks for the version before it reads anything."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from streamlit.testing.v1 import AppTest

from model.auth import User
from model.reporting.rounds import open_round
from model.store import Store
from tests.dashboard.apptest import READER
from tests.dashboard.sqlcount import SECRETARIAT, page_app, with_accounts

ROOT = Path(__file__).resolve().parents[2]
PRELUDE = """
import datetime as dt
from model.store import open_store, ChangeSet
from model.auth import operator, add_user, set_disabled
from model.reporting.assessments import assess
from model.reporting.commit import withdraw
from model.reporting.rounds import open_round, close_round
from model.goals import set_override
store = open_store()
sec = operator()
PASSWORD = "kibou-no-ryoushi-2030"
"""


def other_process(code: str) -> None:
    """Run `code` in a new Python process on the same database (QF_SQLITE_PATH is inherited)."""
    done = subprocess.run(
        [sys.executable, "-c", PRELUDE + textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def page_text(at: AppTest) -> str:
    """Everything a page shows as text: headings, markdown, captions, metrics, tables, messages."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "text")
    parts = [e.value for kind in kinds for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [d.value.to_csv() for d in at.dataframe]
    parts += [m.value for kind in ("info", "success", "warning", "error") for m in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def shows(at: AppTest, needle: str) -> bool:
    at.run()
    assert not at.exception
    return needle in page_text(at)


def test_each_kind_of_write_from_another_process_shows_on_the_next_run(seeded: Store) -> None:
    """Submission, assessment, override, user add/disable, withdrawal, round open/close: each seen at once."""
    with_accounts(seeded)
    open_round(seeded, 2021, User("secretariat", "secretariat"))
    followup = page_app("followup", READER)  # staff: work in progress is theirs to see
    rounds = page_app("rounds", SECRETARIAT)
    kpi = page_app("kpi", READER)
    users = page_app("users", SECRETARIAT)
    text = "○別のプロセスから報告した。"

    assert not shows(followup, text)
    followup.selectbox(key="fu_fy").set_value(2021)  # the year being collected, still empty
    assert not shows(followup, text)
    other_process(f"""
        rows = [dict(action_id="1-1-01", fiscal_year=2021, ministry_code="MEXT", status="順調",
                     progress_ja="{text}", next_ja="○続ける。")]
        store.submit(ChangeSet("upload", "mext-user", "MEXT", 2021, followup=rows))
    """)
    assert shows(followup, text)

    assert not shows(rounds, "別プロセスの評価")
    other_process("""
        assess(store, sec, action_id="1-1-01", fiscal_year=2021, ministry_code="MEXT", status="遅延",
               comment="別プロセスの評価")
    """)
    assert shows(rounds, "別プロセスの評価")

    assert not shows(kpi, "別プロセスの判断")
    other_process('set_override(store, sec, "H-USERS", "limited", "別プロセスの判断")')
    assert shows(kpi, "別プロセスの判断")

    assert not shows(users, "editor-elsewhere")
    other_process(
        'add_user(store, "editor-elsewhere", "editor", password=PASSWORD, ministry_code="MOFA", by=sec)'
    )
    assert shows(users, "editor-elsewhere")
    as_editor = page_app("upload", {"name": "editor-elsewhere", "role": "editor", "ministry_code": "MOFA"})
    as_editor.run()
    assert as_editor.session_state["qf_user"]["name"] == "editor-elsewhere"
    other_process('set_disabled(store, "editor-elsewhere", True, by=sec)')
    as_editor.run()
    assert "qf_user" not in as_editor.session_state  # the disabled account's session ends on its next run

    other_process("""
        last = store.snapshot().submissions().iloc[-1]
        withdraw(store, int(last["id"]), sec)
    """)
    assert not shows(followup, text)

    assert not shows(rounds, "2030")
    other_process("open_round(store, 2030, sec)")
    assert shows(rounds, "2030")
    other_process("close_round(store, 2030, sec)")
    rounds.run()
    table = next(d.value for d in rounds.dataframe if "2030" in d.value.iloc[:, 0].astype(str).tolist())
    row = table[table.iloc[:, 0].astype(str) == "2030"].iloc[0]
    assert row.iloc[1] == "締切済み"
