"""Year over year: which actions were added, changed, unchanged or went silent between two fiscal years.

Two views: per action (`compare_years`: the texts of every entry of the year joined, so that a change by any
owner shows) and per ministry (`compare_entries`: each owner's entry of year B against its own entry of year
A — or, where year A has only the joint published text, against that — with the change of 状況).

"Gone silent" (途絶) means a year's collection is over and the entry did not come: while year B's round is
open, an entry not yet reported is "pending" (未報告・受付中), never 途絶.

The differences are HTML for a page, bullet by bullet; inside a changed bullet, word by word. Japanese has no
spaces: a "word" here is a 文節-like run (kanji with the kana that follow them, a katakana word, a run of
Latin letters and digits, a run of kana), so a change shows as the words it touched, not as scattered
characters. Every character of the texts is text (model.text.html_text).
"""

from __future__ import annotations

import difflib
import re

import pandas as pd

from model.followup import entries
from model.reporting.rounds import get_round
from model.store import JOINT, Snapshot, per_snapshot
from model.text import html_text

CHANGE_KINDS = ("added", "changed", "unchanged", "gone_silent", "pending")

COMPARE_COLUMNS = [
    "action_id",
    "order",
    "pillar_id",
    "area_id",
    "title_ja",
    "change",
    "progress_a",
    "progress_b",
    "next_a",
    "next_b",
    "ministries_a",
    "ministries_b",
]


def _per_action(df: pd.DataFrame) -> pd.DataFrame:
    """One row per action: texts of all its entries joined (ministry order), and who wrote them."""
    if df.empty:
        return pd.DataFrame(columns=["action_id", "progress", "next", "ministries"])
    df = df.sort_values(["order", "ministry_code"])

    def join(s: pd.Series) -> str:
        return "\n".join(str(v) for v in s if isinstance(v, str) and v)

    return (
        df.groupby("action_id", sort=False)
        .agg(
            progress=("progress_ja", join),
            next=("next_ja", join),
            ministries=("ministry_code", lambda s: ", ".join(s)),
        )
        .reset_index()
    )


@per_snapshot
def compare_years(snap: Snapshot, year_a: int, year_b: int) -> pd.DataFrame:
    """Every action with an entry in either year, classified added / changed / unchanged / gone_silent
    (from year_a to year_b), in the strategy's order."""
    ea, eb = entries(snap, year_a), entries(snap, year_b)
    a, b = _per_action(ea), _per_action(eb)
    merged = a.merge(b, on="action_id", how="outer", suffixes=("_a", "_b"))
    structure = pd.concat([ea, eb])[["action_id", "order", "pillar_id", "area_id", "title_ja"]]
    merged = merged.merge(structure.drop_duplicates("action_id"), on="action_id", how="left")

    silent = _silent_kind(snap, year_b)

    def kind(r: pd.Series) -> str:
        if pd.isna(r["ministries_a"]):
            return "added"
        if pd.isna(r["ministries_b"]):
            return silent
        same = (r["progress_a"], r["next_a"]) == (r["progress_b"], r["next_b"])
        return "unchanged" if same else "changed"

    merged["change"] = merged.apply(kind, axis=1) if len(merged) else pd.Series(dtype="str")
    out = merged.sort_values("order").reset_index(drop=True)
    return out.reindex(columns=COMPARE_COLUMNS)


def _silent_kind(snap: Snapshot, year_b: int) -> str:
    """What an entry missing from year B is: pending while B's round is open, else gone silent."""
    collecting = get_round(snap, year_b)
    return "pending" if collecting is not None and collecting.is_open else "gone_silent"


ENTRY_COLUMNS = [
    "action_id",
    "order",
    "pillar_id",
    "area_id",
    "title_ja",
    "ministry_code",
    "change",
    "baseline",  # own | joint | none: what year B's entry is compared with
    "status_a",
    "status_b",
    "status_changed",
    "progress_a",
    "progress_b",
    "next_a",
    "next_b",
]


@per_snapshot
def compare_entries(snap: Snapshot, year_a: int, year_b: int) -> pd.DataFrame:
    """Per action × ministry: year B's entry against the same ministry's entry of year A (or, where year A
    has only the joint published text for the action, against that text), with the change of 状況."""
    ea, eb = entries(snap, year_a), entries(snap, year_b)
    silent = _silent_kind(snap, year_b)
    meta = pd.concat([ea, eb]).drop_duplicates("action_id").set_index("action_id")
    order = {str(a): float(o) for a, o in zip(meta.index, meta["order"], strict=True)}
    # The action's columns by id, read column-wise once (a row lookup per entry was most of the page).
    about_cols = ("order", "pillar_id", "area_id", "title_ja")
    about = dict(zip(meta.index, zip(*(meta[c].tolist() for c in about_cols), strict=True), strict=True))
    used = ["action_id", "ministry_code", "progress_ja", "next_ja", "status"]  # not an entry's every column
    own_a = {(str(r["action_id"]), str(r["ministry_code"])): r for r in ea[used].to_dict("records")}
    own_b = {(str(r["action_id"]), str(r["ministry_code"])): r for r in eb[used].to_dict("records")}
    keys = sorted(
        {k for k in (*own_a, *own_b) if k[1] != JOINT}
        | {k for k in own_a if k[1] == JOINT and not any(o[0] == k[0] for o in own_b)}
        | {k for k in own_b if k[1] == JOINT},
        key=lambda k: (order[k[0]], k[1]),
    )
    rows = []
    for action_id, code in keys:
        a, b = own_a.get((action_id, code)), own_b.get((action_id, code))
        baseline = "own" if a is not None else "none"
        if a is None and b is not None and (action_id, JOINT) in own_a:
            a, baseline = own_a[(action_id, JOINT)], "joint"
        if a is None:
            change = "added"
        elif b is None:
            change = silent
        else:
            same = (_text(a["progress_ja"]), _text(a["next_ja"])) == (
                _text(b["progress_ja"]),
                _text(b["next_ja"]),
            )
            change = "unchanged" if same else "changed"
        status_a = _text(a["status"]) if a is not None else ""
        status_b = _text(b["status"]) if b is not None else ""
        at, pillar_id, area_id, title = about[action_id]
        rows.append(
            {
                "action_id": action_id,
                "order": at,
                "pillar_id": pillar_id,
                "area_id": area_id,
                "title_ja": title,
                "ministry_code": code,
                "change": change,
                "baseline": baseline,
                "status_a": status_a or None,
                "status_b": status_b or None,
                "status_changed": a is not None and b is not None and status_a != status_b,
                "progress_a": None if a is None else _text(a["progress_ja"]),
                "progress_b": None if b is None else _text(b["progress_ja"]),
                "next_a": None if a is None else _text(a["next_ja"]),
                "next_b": None if b is None else _text(b["next_ja"]),
            }
        )
    return pd.DataFrame(rows, columns=ENTRY_COLUMNS)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def change_counts(table: pd.DataFrame) -> dict[str, int]:
    return {k: int((table["change"] == k).sum()) for k in CHANGE_KINDS}


# 文節-like words: kanji (with 々〆ヶ) and the hiragana after them; katakana words; Latin letters, digits and
# the marks inside numbers; hiragana runs; anything else one character at a time.
_WORD = re.compile(
    r"[\u4e00-\u9fff\u3400-\u4dbf々〆ヶ]+[\u3041-\u309f]*"
    r"|[\u30a0-\u30ffー]+"
    r"|[A-Za-z0-9Ａ-Ｚａ-ｚ０-９.,．，%％]+"
    r"|[\u3041-\u309f]+"
    r"|\s+"
    r"|.",
    re.DOTALL,
)


def words(text: str) -> list[str]:
    """`text` cut into words as this module compares them ("".join(words(t)) == t)."""
    return _WORD.findall(text)


def _word_diff(a: str, b: str) -> str:
    wa, wb = words(a), words(b)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html_text("".join(wa[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{html_text(''.join(wa[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{html_text(''.join(wb[j1:j2]))}</ins>")
    return "".join(out)


def diff_html(old: str | None, new: str | None, *, rewrite_below: float = 0.5) -> str:
    """Differences as HTML: removed text in <del>, added text in <ins>, one line per bullet.

    Lines (bullets) are matched first; a changed line is compared word by word when it kept at least
    `rewrite_below` of its text, else shown as rewritten (old line out, new line in) — a word diff of two
    unrelated sentences is noise."""
    a, b = (old or "").split("\n"), (new or "").split("\n")
    if not old:
        a = []
    if not new:
        b = []
    lines: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            lines += [html_text(x) for x in a[i1:i2]]
        elif op == "delete":
            lines += [f"<del>{html_text(x)}</del>" for x in a[i1:i2]]
        elif op == "insert":
            lines += [f"<ins>{html_text(x)}</ins>" for x in b[j1:j2]]
        else:
            olds, news = a[i1:i2], b[j1:j2]
            for k in range(max(len(olds), len(news))):
                x = olds[k] if k < len(olds) else None
                y = news[k] if k < len(news) else None
                if x is None:
                    lines.append(f"<ins>{html_text(str(y))}</ins>")
                elif y is None:
                    lines.append(f"<del>{html_text(x)}</del>")
                elif similarity(x, y) >= rewrite_below:
                    lines.append(_word_diff(x, y))
                else:
                    lines.append(f"<del>{html_text(x)}</del><br><ins>{html_text(y)}</ins>")
    return "<br>".join(lines)


def similarity(old: str | None, new: str | None) -> float:
    """Share of the text kept (0–1), for sorting the most changed actions first."""
    return difflib.SequenceMatcher(None, old or "", new or "", autojunk=False).ratio()
