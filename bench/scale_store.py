"""A large store built through the product's own paths, deterministically (bench/bench_scale.py, tests).

Structure: the secretariat's structure upload (a 構造変更 sheet with one 取組追加 row per action, read and
checked by `read_structure_upload`, recorded by `apply_edits`), then yearly revisions (rewording, retiring,
adding) through `apply_edits`. Follow-up: for every fiscal year a round is opened and every ministry fills
its template (`issue_template`) and submits it (`check_upload` + `commit_upload`, as the upload page does).
`via="changes"` stores the same rows through the store's write door directly (`Store.submit`, what a commit
does after its checks) — quick enough for a test module.

    build(store, years=10, ministries=7, actions=2000)
"""

from __future__ import annotations

import io
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from model.auth import User  # noqa: E402
from model.followup import FU_STATUSES  # noqa: E402
from model.reporting import layout as L  # noqa: E402
from model.reporting.commit import commit_upload  # noqa: E402
from model.reporting.rounds import close_round, open_round  # noqa: E402
from model.reporting.template import issue_template  # noqa: E402
from model.reporting.upload import check_upload  # noqa: E402
from model.store import ChangeSet, Store  # noqa: E402
from model.strategy import owned_action_ids, registry  # noqa: E402
from model.structure import Edit  # noqa: E402
from model.structure_edits import COLUMNS, SHEET, apply_edits, read_structure_upload  # noqa: E402

SECRETARIAT = User("bench-secretariat", "secretariat")
FIRST_FY = 2021
# How often each ministry co-owns an action (the seed's tags name 科技、総、文、経 on most rows): the busiest
# ministry reports on ~88 % of the actions, as in the issue (1,764 of ~2,000 rows).
SHARE = {"MEXT": 0.88, "METI": 0.55, "MIC": 0.4, "CSTI": 0.35, "CAS": 0.1, "IPHQ": 0.08, "MOFA": 0.08}
TOPICS = [
    "量子コンピュータ",
    "量子暗号通信",
    "量子センシング",
    "量子マテリアル",
    "量子ソフトウェア",
    "量子人材育成",
    "国際連携",
    "量子生命科学",
    "テストベッド整備",
    "スタートアップ支援",
    "知財・標準化",
    "量子AI",
]
VERBS = ["研究開発を推進", "実証を実施", "拠点を整備", "人材を育成", "国際共同研究を推進", "社会実装を支援"]


@dataclass
class Built:
    store: Store
    years: list[int]
    actions: int  # actions added (besides the seed's)
    entries: int  # follow-up rows submitted
    seconds: dict[str, float]


def _areas(store: Store) -> list[str]:
    """Areas of the strategies in force by the first year (the 2023 strategy's from 2023)."""
    snap = store.snapshot()
    areas = snap.table("areas").merge(snap.table("pillars"), on="pillar_id")
    return [str(a) for a in areas["area_id"]]


def _structure_sheet(rows: list[dict[str, object]]) -> bytes:
    """A filled 構造変更 sheet, as the secretariat would upload it."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet(SHEET)
    names = list(COLUMNS)
    ws.append(names)
    for r in rows:
        ws.append([r.get(COLUMNS[n]) for n in names])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _text(rng: random.Random, i: int, fy: int, ministry: str) -> tuple[str, str]:
    topic, verb = rng.choice(TOPICS), rng.choice(VERBS)
    progress = (
        f"○{fy}年度は{topic}について{verb}した（{ministry}・第{i}号）。"
        f"\n○{rng.choice(TOPICS)}との連携を進め、成果を公表した。"
    )
    return progress, f"○引き続き{topic}の{verb}する。"


def _filled(template: bytes, fill: Callable[[str], tuple[str, str, str]]) -> bytes:
    """The template with 進捗, 次年度以降の取組 and 状況 filled on every row; the other sheets as they were
    (read back as values and written again, as a ministry's spreadsheet program saves them)."""
    book = pd.read_excel(io.BytesIO(template), engine="calamine", sheet_name=None, header=None, dtype=object)
    wb = openpyxl.Workbook(write_only=True)
    for name, frame in book.items():
        ws = wb.create_sheet(name)
        rows = frame.astype(object).where(frame.notna(), None).values.tolist()
        if name == L.FOLLOWUP_SHEET and rows:
            head = [str(h) for h in rows[0]]
            at = {c: head.index(c) for c in (L.COL_ID, L.COL_PROGRESS, L.COL_NEXT, L.COL_STATUS)}
            for row in rows[1:]:
                progress, nxt, status = fill(str(row[at[L.COL_ID]]))
                row[at[L.COL_PROGRESS]], row[at[L.COL_NEXT]], row[at[L.COL_STATUS]] = progress, nxt, status
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def build(
    store: Store,
    years: int = 10,
    ministries: int = 7,
    actions: int = 2000,
    *,
    via: str = "files",
    first_fy: int = FIRST_FY,
    seed: int = 12,
    log: Callable[[str], None] = lambda _: None,
) -> Built:
    """Seed `store`, add `actions` actions, revise them yearly and submit every ministry's follow-up for
    `years` fiscal years from `first_fy`. Deterministic for a given `seed`."""
    rng = random.Random(seed)
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    store.init()
    codes = [c for c in SHARE if c in registry(store.snapshot()).codes][:ministries]
    tags = {m.code: m.tag for m in registry(store.snapshot())}
    areas = _areas(store)
    fys = list(range(first_fy, first_fy + years))
    rows: list[dict[str, object]] = []
    for i in range(actions):
        area = areas[i % len(areas)]
        owners = [c for c in codes if rng.random() < SHARE[c]] or [codes[i % len(codes)]]
        rows.append(
            {
                "op": "取組追加",
                "target": f"{area}-{50 + i // 1000}-s{i:05d}",
                "from_fy": max(first_fy, 2023) if area.startswith("23") else first_fy,
                "reason": "ベンチマーク用の構造",
                "area_id": area,
                "title_ja": f"{rng.choice(TOPICS)}の{rng.choice(VERBS)}する取組（{i:05d}）",
                "owners": "、".join(tags[c] for c in owners),
            }
        )
    up = read_structure_upload(store.snapshot(), _structure_sheet(rows), "構造変更.xlsx")
    assert up.ok, [str(p) for p in up.problems[:5]]
    apply_edits(store, SECRETARIAT, up.edits, rows=up.rows)
    seconds["structure upload"] = time.perf_counter() - t0
    log(f"structure: {actions} actions in {seconds['structure upload']:.1f} s")
    # (action, the fiscal year it is in force from): a revision names a year the action exists in
    ids = [(str(r["target"]), int(str(r["from_fy"]))) for r in rows]
    retired: set[str] = set()
    entries = 0
    t1 = time.perf_counter()
    for n, fy in enumerate(fys):
        if n:  # the yearly revision: ~1 % reworded, ~0.5 % retired, ~1 % added
            live = [a for a, since in ids if since <= fy and a not in retired and rng.random() < 0.025]
            edits = [
                Edit(
                    "action.reword",
                    a,
                    {"title_ja": f"改訂：{rng.choice(TOPICS)}の取組（{a}）"},
                    fy,
                    "年次改訂",
                )
                for a in live[: len(live) * 2 // 5]
            ]
            edits += [Edit("action.retire", a, {}, fy, "年次改訂") for a in live[len(live) * 2 // 5 :][:5]]
            retired.update(e.target for e in edits if e.op == "action.retire")
            for k in range(max(1, actions // 100)):
                area = areas[(k + n) % len(areas)]
                new, since = f"{area}-{60 + n}-y{k:04d}", max(fy, 2023) if area.startswith("23") else fy
                title = f"{fy}年度新規：{rng.choice(TOPICS)}の取組"
                edits.append(Edit("action.add", new, {"area_id": area, "title_ja": title}, since, "年次改訂"))
                edits.append(Edit("owners.set", new, {"owners": rng.sample(codes, 1)}, since, "年次改訂"))
                ids.append((new, since))
            apply_edits(store, SECRETARIAT, edits)
        open_round(store, fy, SECRETARIAT)
        for code in codes:
            user = User(f"bench-{code.lower()}", "editor", code)
            texts: dict[str, tuple[str, str, str]] = {}

            def fill(
                action_id: str, code: str = code, fy: int = fy, texts: dict = texts
            ) -> tuple[str, str, str]:  # type: ignore[type-arg]
                progress, nxt = _text(rng, len(texts), fy, code)
                texts[action_id] = (progress, nxt, rng.choice(FU_STATUSES))
                return texts[action_id]

            if via == "files":
                data = _filled(issue_template(store, user, code, fy), fill)
                checked = check_upload(store.snapshot(), data, f"followup_{fy}_{code}.xlsx", code, user=user)
                assert checked.ok, [str(p) for p in checked.problems[:5]]
                commit_upload(store, checked, user)
                entries += len(checked.followup)
            else:
                owned = sorted(owned_action_ids(store.snapshot(), code, fy))
                followup = []
                for a in owned:
                    progress, nxt, status = fill(a)
                    followup.append(
                        {
                            "action_id": a,
                            "fiscal_year": fy,
                            "ministry_code": code,
                            "status": status,
                            "progress_ja": progress,
                            "next_ja": nxt,
                        }
                    )
                store.submit(ChangeSet("upload", user.name, code, fy, followup=followup))
                entries += len(followup)
        if fy != fys[-1]:
            close_round(store, fy, SECRETARIAT)
        log(f"FY{fy}: {entries} entries so far, {time.perf_counter() - t1:.0f} s")
    seconds["follow-up submissions"] = time.perf_counter() - t1
    return Built(store, fys, len(ids), entries, seconds)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="build a large store (see the module's doc)")
    parser.add_argument("url")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--ministries", type=int, default=7)
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--via", choices=["files", "changes"], default="files")
    a = parser.parse_args()
    b = build(Store(a.url), a.years, a.ministries, a.actions, via=a.via, log=print)
    print(b.seconds, b.entries)
