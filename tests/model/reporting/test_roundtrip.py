"""Template → filled with openpyxl → upload → preview → commit → visible in the store and the round."""

from __future__ import annotations

import io

import openpyxl

from model.reporting.commit import commit_upload
from model.reporting.rounds import round_progress
from model.reporting.template import issue_template
from model.reporting.upload import check_upload
from model.store import Store
from tests.model.reporting.conftest import FY, SECRETARIAT, fill, make_editor, snapshot, template_ids


def test_template_holds_the_ministrys_rows_and_metadata(rstore: Store) -> None:
    """MOFA's template: its three rows, last year's text, the dropdown, locked ids, hidden metadata."""
    data = issue_template(rstore, SECRETARIAT, "外", FY)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["記入方法", "報告", "KPI", "_meta"]
    ws = wb["報告"]
    header = [c.value for c in ws[1]]
    # the columns to fill sit right of the action's title; last year's text follows
    fill = ["進捗", "次年度以降の取組", "状況"]
    previous = ["前年度の進捗", "前年度の次年度以降の取組"]
    assert header == ["取組ID", "戦略", "柱", "分野", "取組", *fill, "事務局コメント", *previous]
    assert template_ids(data) == ["2-1-01", "2-2-01", "5-2-01"]
    assert str(ws.cell(2, header.index("前年度の進捗") + 1).value).startswith("○")
    assert ws.protection.sheet and ws.cell(2, 1).protection.locked
    assert not ws.cell(2, header.index("進捗") + 1).protection.locked
    rules = ws.data_validations.dataValidation
    assert rules[0].formula1 == '"完了,順調,一部遅延,遅延,未着手"'
    # The file carries only the issue id; what the upload is judged by is the store's record of it.
    meta = {r[0]: r[1] for r in wb["_meta"].iter_rows(values_only=True)}
    assert wb["_meta"].sheet_state == "hidden"
    assert list(meta) == ["template_id"] and len(str(meta["template_id"])) == 24
    issued = rstore.snapshot().issued_template(str(meta["template_id"]))
    assert issued is not None
    made_from = rstore.version() - 1  # the version the file shows; recording the issue made the next one
    assert {k: issued[k] for k in ("ministry_code", "fiscal_year", "round_id", "base_version")} == {
        "ministry_code": "MOFA",
        "fiscal_year": FY,
        "round_id": 1,
        "base_version": made_from,
    }
    assert issued["template_version"] == "2" and issued["user_name"] == SECRETARIAT.name
    assert wb["記入方法"]["A1"].value.startswith("2021年度")


def test_round_trip_preview_then_commit(rstore: Store) -> None:
    """The preview counts what the commit then stores; the round shows the rows as arrived."""
    user = make_editor(rstore, "MOFA")
    blank = issue_template(rstore, SECRETARIAT, "MOFA", FY)
    data = fill(
        blank,
        {
            "2-1-01": ("協力覚書を締結した。", "拡大する。", "順調"),
            "5-2-01": ("開始した。", "継続する。", "遅延"),
        },
        kpi=[["G-5-2", "令和7年3月31日", "３"]],
    )
    before = snapshot(rstore)
    up = check_upload(rstore.snapshot(), data, "mofa.xlsx", "MOFA")
    assert up.ok, [str(p) for p in up.problems]
    assert up.preview is not None
    assert up.preview.counts() == {"added": 3, "changed": 0, "unchanged": 0}
    assert snapshot(rstore) == before  # a preview stores nothing
    outcome = commit_upload(rstore, up, user)
    assert (outcome.added, outcome.changed) == (3, 0)
    entries = rstore.snapshot().followup(FY).set_index("action_id")
    assert entries.loc["5-2-01", "status"] == "遅延"
    assert entries.loc["2-1-01", "user_name"] == "editor-mofa"
    obs = rstore.snapshot().kpi_observations()
    row = obs[(obs["goal_id"] == "G-5-2") & (obs["date"].astype(str) == "2025-03-31")]
    assert row["value"].tolist() == [3.0]
    sub = rstore.snapshot().submissions().iloc[-1]
    assert (sub["file_name"], sub["n_added"], sub["sha256"]) == ("mofa.xlsx", 3, up.sha256)
    assert rstore.submission_file(int(sub["id"])) == data
    progress = round_progress(rstore.snapshot(), FY).set_index("ministry_code")
    assert (progress.loc["MOFA", "arrived"], progress.loc["MOFA", "missing"]) == (2, ["2-2-01"])


def test_second_upload_previews_changes_before_and_after(sqlite_rstore: Store) -> None:
    """Re-uploading from a fresh template shows changed rows with their old and new text."""
    store = sqlite_rstore
    user = make_editor(store, "MOFA")
    rows = {"2-1-01": ("旧", "次", "順調"), "2-2-01": ("同じ", "次", "順調")}
    first = fill(issue_template(store, SECRETARIAT, "MOFA", FY), rows)
    commit_upload(store, check_upload(store.snapshot(), first, "a.xlsx", "MOFA"), user)
    rows2 = {**rows, "2-1-01": ("新", "次", "完了")}
    second = fill(issue_template(store, SECRETARIAT, "MOFA", FY), rows2)
    up = check_upload(store.snapshot(), second, "b.xlsx", "MOFA")
    assert up.preview is not None
    fu = up.preview.followup.set_index("action_id")
    assert fu.loc[
        "2-1-01", ["change", "progress_ja_before", "progress_ja_after", "status_after"]
    ].tolist() == [
        "changed",
        "旧",
        "新",
        "完了",
    ]
    assert fu.loc["2-2-01", "change"] == "unchanged"
    outcome = commit_upload(store, up, user)
    assert (outcome.added, outcome.changed, outcome.unchanged) == (0, 1, 1)


def test_real_spreadsheet_habits_are_tolerated(sqlite_rstore: Store) -> None:
    """Full-width ids and digits, trailing spaces, ―, moved columns, blank rows, a title row, 令和 dates."""
    store = sqlite_rstore
    wb = openpyxl.load_workbook(io.BytesIO(issue_template(store, SECRETARIAT, "MOFA", FY)))
    ws = wb["報告"]
    ws.insert_rows(1)
    ws.cell(1, 1).value = "外務省　報告"  # a title row above the header
    header = [c.value for c in ws[2]]
    # move 状況 to the front of the fill columns: headers match, order does not matter
    i_prog, i_stat = header.index("進捗") + 1, header.index("状況") + 1
    for r in range(2, ws.max_row + 1):
        a, b = ws.cell(r, i_prog).value, ws.cell(r, i_stat).value
        ws.cell(r, i_prog).value, ws.cell(r, i_stat).value = b, a
    ws.insert_rows(4)  # a blank row between data rows
    ws.cell(3, 1).value = "２－１－０１ "  # full-width id with a trailing space
    ws.cell(3, i_stat).value = "協力覚書を２件締結した。　"  # now the 進捗 column
    ws.cell(3, i_prog).value = "順調 "  # now the 状況 column
    ws.cell(3, header.index("次年度以降の取組") + 1).value = "拡大する。"
    ws.cell(5, i_stat).value = "説明会を実施した。"
    ws.cell(5, i_prog).value = "完了"
    ws.cell(5, header.index("次年度以降の取組") + 1).value = "－"
    k = wb["KPI"]
    kh = [c.value for c in k[1]]
    k.cell(2, kh.index("時点") + 1).value = "令和6年度"
    k.cell(2, kh.index("値") + 1).value = "１，２００"
    out = io.BytesIO()
    wb.save(out)
    up = check_upload(store.snapshot(), out.getvalue(), "tolerant.xlsx", "MOFA")
    assert up.ok, [str(p) for p in up.problems]
    assert up.followup == [
        {
            "action_id": "2-1-01",
            "fiscal_year": FY,
            "ministry_code": "MOFA",
            "progress_ja": "協力覚書を２件締結した。",
            "next_ja": "拡大する。",
            "status": "順調",
        },
        {
            "action_id": "2-2-01",
            "fiscal_year": FY,
            "ministry_code": "MOFA",
            "progress_ja": "説明会を実施した。",
            "next_ja": None,
            "status": "完了",
        },
    ]
    assert [(r["goal_id"], r["date"], r["date_precision"], r["value"]) for r in up.kpi] == [
        ("G-5-2", "2024-04-01", "fy", 1200.0)
    ]


def test_every_problem_is_listed_not_only_the_first(sqlite_rstore: Store) -> None:
    """Three rows with three different problems give three located problems."""
    data = fill(
        issue_template(sqlite_rstore, SECRETARIAT, "MOFA", FY),
        {"2-1-01": ("a", "b", "多分"), "2-2-01": (None, "b", "順調"), "5-2-01": ("a", None, "遅延")},
    )
    up = check_upload(sqlite_rstore.snapshot(), data, "x.xlsx", "MOFA")
    assert [(p.sheet, p.row, p.column) for p in up.problems] == [
        ("報告", 2, "状況"),
        ("報告", 3, "進捗"),
        ("報告", 4, "次年度以降の取組"),
    ]
