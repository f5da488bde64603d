"""Year over year: which actions were added, changed, unchanged or went silent between two fiscal years,
with the text differences marked character by character (Japanese has no spaces to split words on).
The differences are HTML for a page; every character of the texts in it is text (model.text.html_text).

An action's text for a year is its 進捗 and 次年度以降 of every entry of that year (the joint published text
and each ministry's own), in ministry order, so that a change by any owner shows.
"""

from __future__ import annotations

import difflib

import pandas as pd

from model.followup import entries
from model.store import Snapshot, per_snapshot
from model.text import html_text

CHANGE_KINDS = ("added", "changed", "unchanged", "gone_silent")

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

    def kind(r: pd.Series) -> str:
        if pd.isna(r["ministries_a"]):
            return "added"
        if pd.isna(r["ministries_b"]):
            return "gone_silent"
        same = (r["progress_a"], r["next_a"]) == (r["progress_b"], r["next_b"])
        return "unchanged" if same else "changed"

    merged["change"] = merged.apply(kind, axis=1) if len(merged) else pd.Series(dtype="str")
    out = merged.sort_values("order").reset_index(drop=True)
    return out.reindex(columns=COMPARE_COLUMNS)


def change_counts(table: pd.DataFrame) -> dict[str, int]:
    return {k: int((table["change"] == k).sum()) for k in CHANGE_KINDS}


def _char_diff(a: str, b: str) -> str:
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html_text(a[i1:i2]))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{html_text(a[i1:i2])}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{html_text(b[j1:j2])}</ins>")
    return "".join(out)


def diff_html(old: str | None, new: str | None, *, rewrite_below: float = 0.5) -> str:
    """Differences as HTML: removed text in <del>, added text in <ins>, one line per bullet.

    Lines (bullets) are matched first; a changed line is compared character by character when it
    kept at least `rewrite_below` of its text, else shown as rewritten (old line out, new line in) —
    a character diff of two unrelated sentences is noise."""
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
                    lines.append(_char_diff(x, y))
                else:
                    lines.append(f"<del>{html_text(x)}</del><br><ins>{html_text(y)}</ins>")
    return "<br>".join(lines)


def similarity(old: str | None, new: str | None) -> float:
    """Share of the text kept (0–1), for sorting the most changed actions first."""
    return difflib.SequenceMatcher(None, old or "", new or "", autojunk=False).ratio()
