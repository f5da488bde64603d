"""The secretariat maintains the structure: assign, retire, add, reword, merge, link, add a ministry; one
at a time and from a 構造変更 sheet; each effective from a fiscal year; never by anyone else."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from model import strategy
from model.auth import User, operator
from model.errors import AppError
from model.exports.followup_table import published_table
from model.followup import completeness, structure
from model.reporting.rounds import open_round
from model.reporting.template import followup_rows, issue_template
from model.store import Store
from model.structure import Edit
from model.structure_edits import StructureError, apply_edits, read_structure_upload, structure_template
from tests.conftest import submit_followup

SEC = operator()
ACTION = "2301-1-01"  # ユースケースづくり支援等 (seed 004 §6(1)①)


def _ids(store: Store, code: str, fy: int) -> list[str]:
    return [str(r[0]) for r in followup_rows(store.snapshot(), code, fy)]


def test_assigning_an_owner_puts_the_row_in_the_template_and_completeness(store: Store) -> None:
    """From FY2024 文 owns 2301-1-01: its FY2024 template and completeness hold it; FY2023's do not."""
    before = completeness(store.snapshot(), 2024).set_index("ministry_code").loc["MEXT", "owned"]
    apply_edits(store, SEC, [Edit("owners.set", ACTION, {"owners": ["文"]}, 2024, "事務局で担当を決定")])
    snap = store.snapshot()
    assert ACTION in _ids(store, "MEXT", 2024) and ACTION not in _ids(store, "MEXT", 2023)
    comp = completeness(snap, 2024).set_index("ministry_code")
    assert comp.loc["MEXT", "owned"] == before + 1 and ACTION in comp.loc["MEXT", "missing_ids"]
    row = structure(snap, 2024).set_index("action_id").loc[ACTION]
    assert (row["ministries_tag"], row["strategy_ja"]) == ("文", "量子未来産業創出戦略")
    # the template groups rows by strategy: the 2020 strategy's first, the 2023 one after
    rows = followup_rows(snap, "MEXT", 2024)
    assert [r[1] for r in rows][-1] == "量子未来産業創出戦略" and rows[0][1] == "量子技術イノベーション戦略"
    assert strategy.owned_action_ids(snap, "METI", 2024) & {ACTION} == set()


def test_retiring_removes_the_row_from_next_years_template_not_from_past_tables(store: Store) -> None:
    """2-1-01 retired from FY2026: gone from the FY2026 template, still in FY2020's and FY2025's."""
    submit_followup(store, "MOFA", 2025, [("2-1-01", "順調", "○協力を進めた。")])
    table_2020 = published_table(store.snapshot(), 2020)
    apply_edits(store, SEC, [Edit("action.retire", "2-1-01", {}, 2026, "統合により終了")])
    snap = store.snapshot()
    assert "2-1-01" not in _ids(store, "MOFA", 2026)
    assert "2-1-01" in _ids(store, "MOFA", 2025)
    assert published_table(snap, 2020).equals(table_2020)
    assert "2-1-01" in set(published_table(snap, 2025)["action_id"])
    assert "2-1-01" not in set(published_table(snap, 2026)["action_id"])
    history = snap.history("followup", action_id="2-1-01")
    assert len(history) == 2  # the seed's text and MOFA's FY2025 entry: nothing deleted


def test_reword_add_merge_link_and_a_new_ministry_apply_from_their_year(store: Store) -> None:
    """A ministry added, an action added for it, another reworded, merged and linked, each from FY2026."""
    edits = [
        Edit(
            "ministries.add",
            "MHLW",
            {
                "tag": "厚",
                "name_ja": "厚生労働省",
                "name_en": "Ministry of Health, Labour and Welfare",
                "short_en": "MHLW",
            },
            None,
            "新たに参画",
        ),
        Edit(
            "action.add",
            "",
            {"area_id": "2301-1", "title_ja": "医療分野のユースケース", "owners": ["厚"]},
            2026,
            "追加",
        ),
        Edit("action.reword", ACTION, {"title_ja": "ユースケースづくり支援"}, 2026, "文言整理"),
        Edit("action.merge", "2301-1-02", {"into": ACTION}, 2026, "統合"),
        Edit("link.add", ACTION, {"related_id": "3-1-01", "relation": "related"}, None, "関連"),
    ]
    apply_edits(store, SEC, edits)
    snap = store.snapshot()
    now, then = structure(snap, 2026).set_index("action_id"), structure(snap, 2025).set_index("action_id")
    assert now.loc["2301-1-03", "ministries_tag"] == "厚" and "2301-1-03" not in then.index
    assert (now.loc[ACTION, "title_ja"], then.loc[ACTION, "title_ja"]) == (
        "ユースケースづくり支援",
        "ユースケースづくり支援等",
    )
    assert not now.loc["2301-1-02", "in_force"] and then.loc["2301-1-02", "in_force"]
    links = sorted(strategy.links(snap)[["action_id", "related_id", "relation"]].values.tolist())
    assert links == [[ACTION, "2301-1-02", "continues"], [ACTION, "3-1-01", "related"]]
    assert "MHLW" in strategy.registry(snap).codes
    assert _ids(store, "MHLW", 2026) == ["2301-1-03"]


def test_an_action_changes_only_from_a_year_it_exists_in(store: Store) -> None:
    """An action added from FY2026 cannot be reworded, retired or given owners from FY2024 (that year's
    structure would not hold it: building it failed and broke every page of FY2024); nothing is stored."""
    add = Edit(
        "action.add", "", {"area_id": "2301-1", "title_ja": "新しい取組", "owners": ["文"]}, 2026, "追加"
    )
    apply_edits(store, SEC, [add])
    version = store.version()
    for early in (
        Edit("action.reword", "2301-1-03", {"title_ja": "改めた名前"}, 2024, "文言整理"),
        Edit("action.retire", "2301-1-03", {}, 2024, "終了"),
        Edit("owners.set", "2301-1-03", {"owners": ["経"]}, 2024, "担当変更"),
        Edit("action.retire", "1-1-01", {}, 2019, "戦略の前"),
    ):
        with pytest.raises(StructureError) as err:
            apply_edits(store, SEC, [early])
        assert [p.column for p in err.value.problems] == ["適用年度"]
        assert "からのものです" in err.value.problems[0].message
    assert store.version() == version
    assert "2301-1-03" not in structure(store.snapshot(), 2024)["action_id"].tolist()


def test_an_upload_with_mistakes_lists_every_problem_and_changes_nothing(store: Store) -> None:
    """Four bad rows → four problems, each with its row and column; the store's version is unchanged."""
    wb = openpyxl.load_workbook(io.BytesIO(structure_template()))
    ws = wb["構造変更"]
    header = [c.value for c in ws[1]]

    def row(**cells: object) -> None:
        ws.append([cells.get(h) for h in header])

    row(操作="担当府省設定", 対象ID=ACTION, 適用年度=2026, 理由="決定", 担当府省="文")  # fine
    row(操作="担当府省設定", 対象ID="2301-9-99", 適用年度=2026, 理由="決定", 担当府省="文")  # no such action
    row(操作="廃止", 対象ID="1-1-01", 理由="終了")  # no fiscal year
    row(
        操作="担当府省設定", 対象ID="2301-1-02", 適用年度=2026, 理由="決定", 担当府省="厚"
    )  # unknown ministry
    row(操作="取組追加", 分野ID="2301-1", 適用年度=2026)  # no title, no reason
    buf = io.BytesIO()
    wb.save(buf)
    version = store.version()
    up = read_structure_upload(store.snapshot(), buf.getvalue(), "s.xlsx")
    where = sorted((p.row, p.column) for p in up.problems)
    assert where == [(3, "対象ID"), (4, "適用年度"), (5, "担当府省"), (6, "名称"), (6, "理由")]
    assert not up.ok and store.version() == version
    with pytest.raises(StructureError) as err:
        apply_edits(store, SEC, up.edits, rows=up.rows)
    assert len(err.value.problems) == 5 and store.version() == version


def test_a_good_upload_previews_then_commits_in_one_version(store: Store) -> None:
    """Two rows: a ministry added on the first is assigned on the second."""
    wb = openpyxl.load_workbook(io.BytesIO(structure_template()))
    ws = wb["構造変更"]
    header = [c.value for c in ws[1]]
    for cells in (
        {"操作": "府省追加", "対象ID": "MHLW", "理由": "参画", "タグ": "厚", "府省名": "厚生労働省",
         "府省名（英）": "Ministry of Health, Labour and Welfare", "英略称": "MHLW"},
        {"操作": "担当府省設定", "対象ID": ACTION, "適用年度": "2026年度", "理由": "決定",
         "担当府省": "厚、文"},
    ):  # fmt: skip
        ws.append([cells.get(h) for h in header])
    buf = io.BytesIO()
    wb.save(buf)
    up = read_structure_upload(store.snapshot(), buf.getvalue(), "s.xlsx")
    assert up.ok, up.problems
    assert up.edits[1].values == {"owners": ["MEXT", "MHLW"]}  # names resolved, in the registry's order
    version = apply_edits(store, SEC, up.edits, rows=up.rows)
    assert store.version() == version
    assert set(strategy.owners(store.snapshot(), 2026).query("action_id == @ACTION")["ministry_code"]) == {
        "MEXT",
        "MHLW",
    }


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_only_the_secretariat_changes_the_structure(store: Store, role: str) -> None:
    """An editor or viewer is refused by the model; nothing is stored."""
    version = store.version()
    user = User("x", role, "MEXT" if role == "editor" else None)
    with pytest.raises(AppError) as err:
        apply_edits(store, user, [Edit("owners.set", ACTION, {"owners": ["文"]}, 2026, "r")])
    assert err.value.msg_id == "err.auth.secretariat_only" and store.version() == version


def test_the_cli_refuses_a_non_secretariat_user_and_accepts_the_secretariat(sqlite_store: Store) -> None:
    """`structure assign --user` as an editor exits 1 with one line; as the operator it is recorded."""
    from model.auth import add_user

    add_user(sqlite_store, "mext1", "editor", password="kibou-no-ryoushi-2030", ministry_code="MEXT", by=SEC)
    url = sqlite_store.engine.url.render_as_string(hide_password=False)
    base = [sys.executable, "-m", "model", "--database-url", url, "structure", "assign", ACTION]
    args = [*base, "--ministry", "文", "--from-fy", "2026", "--reason", "決定"]
    refused = subprocess.run([*args, "--user", "mext1"], capture_output=True, text=True, cwd=Path.cwd())
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "事務局" in refused.stderr + refused.stdout
    ok = subprocess.run(args, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    listed = subprocess.run(
        [
            sys.executable,
            "-m",
            "model",
            "--database-url",
            url,
            "structure",
            "list",
            "--strategy",
            "industry-2023",
        ],
        capture_output=True,
        text=True,
    )
    assert f"{ACTION:<12}文" in listed.stdout and "担当府省未設定" in listed.stdout


def test_a_template_of_a_round_holds_an_assigned_2023_row(store: Store) -> None:
    """The .xlsx a ministry downloads shows the assigned 2023 action under its strategy."""
    apply_edits(store, SEC, [Edit("owners.set", ACTION, {"owners": ["経"]}, 2026, "決定")])
    open_round(store, 2026, SEC)
    ws = openpyxl.load_workbook(io.BytesIO(issue_template(store, SEC, "経", 2026)))["報告"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    mine = next(r for r in rows if r[0] == ACTION)
    assert mine[1:3] == ["量子未来産業創出戦略", "(1)量子コンピュータ（ソフトウェア、利用環境整備等）"]
