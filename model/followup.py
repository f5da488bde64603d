"""The follow-up table as the secretariat reviews it: entries placed in the strategy's structure
(pillar → sub-area → 取組), filters, full-text search, 再掲 links, per-ministry completeness, history.
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import pandas as pd

from model import strategy
from model.calendar_ja import fiscal_year_of
from model.store import JOINT, Snapshot, per_snapshot
from model.strategy import registry

FU_STATUSES = ("完了", "順調", "一部遅延", "遅延", "未着手")
NO_STATUS = "none"  # filter value and message suffix for an entry without status (未設定)
_REPEAT = re.compile(r"[（(]再掲[）)]")
_BULLET_START = ("○", "〇", "◯")

STRUCTURE_COLUMNS = [
    "action_id",
    "order",
    "strategy_id",
    "strategy_ja",
    "strategy_en",
    "pillar_id",
    "pillar_no",
    "pillar_ja",
    "pillar_en",
    "area_id",
    "area_no",
    "area_ja",
    "area_en",
    "area_goal_ja",
    "parent_id",
    "sub_label",
    "group_ja",
    "title_ja",
    "description_ja",
    "parent_title_ja",
    "ministries_tag",
    "owner_codes",
    "reportable",
    "in_force",
    "from_fy",
    "until_fy",
    "pillar_format",
    "area_format",
]
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _numbered(fmt: object, no: object, lang: str = "ja") -> str:
    if not isinstance(fmt, str) or not isinstance(no, numbers.Real) or no != no:
        return ""
    n = int(float(no))
    if n <= 0:
        return ""
    if lang == "en":  # English text numbers with ASCII: 1. / (1)
        return (
            fmt.replace("{no_fw}．", "{no}. ")
            .replace("（{no_fw}）", "({no}) ")
            .format(no=n, circled=f"({n}) ")
        )
    circled = _CIRCLED[n - 1] if n <= len(_CIRCLED) else f"({n})"
    return fmt.format(no=n, no_fw=str(n).translate(_FULLWIDTH), circled=circled)


def pillar_label(row: dict[Any, Any], lang: str = "ja") -> str:
    """The area numbered as its document prints it: 「１．技術開発戦略」, 「(1)量子コンピュータ…」."""
    name = row["pillar_en"] if lang == "en" else row["pillar_ja"]
    return f"{_numbered(row['pillar_format'], row['pillar_no'], lang)}{name}"


def area_label(row: dict[Any, Any], lang: str = "ja") -> str:
    """The sub-area as printed: 「（１）主要技術領域」, 「①ユーザ産業の創出と振興」; "" when there is none."""
    number = _numbered(row["area_format"], row["area_no"], lang)
    if not number:
        return ""
    name = row["area_en"] if lang == "en" else row["area_ja"]
    return f"{number}{name}"


@per_snapshot
def structure(snap: Snapshot, fiscal_year: int | None = None) -> pd.DataFrame:
    """Every action known in `fiscal_year` (None: now) with its strategy, area, sub-area, ＜目標＞, wording
    and owners of that year; `ministries_tag` is the owners' 【…】 text (None: 担当府省未設定)."""
    actions = strategy.actions(snap, fiscal_year)
    areas = snap.table("areas").rename(
        columns={"no": "area_no", "name_ja": "area_ja", "name_en": "area_en", "goal_ja": "area_goal_ja"}
    )
    pillars = snap.table("pillars").rename(
        columns={"no": "pillar_no", "name_ja": "pillar_ja", "name_en": "pillar_en"}
    )
    strategies = snap.table("strategies").rename(
        columns={"title_ja": "strategy_ja", "title_en": "strategy_en"}
    )
    titles = dict(zip(actions["action_id"], actions["title_ja"], strict=True))
    out = actions.drop(columns=["pillar_id", "strategy_id"])
    out["parent_title_ja"] = [titles.get(p) if isinstance(p, str) else None for p in out["parent_id"]]
    tags: dict[tuple[str, ...], str | None] = {}
    for codes in out["owner_codes"]:
        if codes not in tags:
            tags[codes] = strategy.owner_tag(snap, codes)
    out["ministries_tag"] = [tags[c] for c in out["owner_codes"]]
    out = out.merge(
        areas[["area_id", "pillar_id", "area_no", "area_ja", "area_en", "area_goal_ja"]], on="area_id"
    )
    out = out.merge(
        pillars[["pillar_id", "strategy_id", "pillar_no", "pillar_ja", "pillar_en"]], on="pillar_id"
    )
    numbering = ["pillar_format", "area_format"]
    out = out.merge(strategies[["strategy_id", "strategy_ja", "strategy_en", *numbering]], on="strategy_id")
    out["reportable"] = out["reportable"].astype(bool)
    out["in_force"] = out["in_force"].astype(bool)
    return out.sort_values("order")[STRUCTURE_COLUMNS].reset_index(drop=True)


def owners(snap: Snapshot, fiscal_year: int | None = None) -> pd.DataFrame:
    """action_id × ministry_code of every owning ministry (sub rows inherit the parent's tag)."""
    return strategy.owners(snap, fiscal_year)


@per_snapshot
def entries(snap: Snapshot, fiscal_year: int | None = None) -> pd.DataFrame:
    """Current follow-up entries in structure order, with pillar, sub-area and owners' tag."""
    fu = snap.followup(fiscal_year)
    merged = fu.merge(structure(snap, fiscal_year), on="action_id", how="left")
    merged["status_key"] = merged["status"].map(lambda s: s if isinstance(s, str) and s else NO_STATUS)
    return merged.sort_values(["fiscal_year", "order", "ministry_code"]).reset_index(drop=True)


@per_snapshot
def fiscal_years(snap: Snapshot) -> list[int]:
    """Fiscal years that have follow-up entries, newest first."""
    years = snap.followup()["fiscal_year"]
    return sorted({int(y) for y in years}, reverse=True)


def normalise(text: str) -> str:
    """For searching: NFKC (full-width → half-width), case-folded, all whitespace removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


@dataclass(frozen=True)
class Filters:
    strategy: str | None = None  # a strategy_id
    pillar: int | None = None
    area: str | None = None
    ministry: str | None = None  # a ministry code; JOINT entries match every owner
    fiscal_year: int | None = None
    status: str | None = None  # one of FU_STATUSES, or NO_STATUS
    query: str = ""


def _haystack(df: pd.DataFrame) -> pd.Series:
    return (
        df["title_ja"].fillna("")
        + "\n"
        + df["parent_title_ja"].fillna("")
        + "\n"
        + df["progress_ja"].fillna("")
        + "\n"
        + df["next_ja"].fillna("")
    ).map(normalise)


@per_snapshot
def search_text(snap: Snapshot, fiscal_year: int | None = None) -> pd.Series:
    """The searchable text of each of `entries(snap, fiscal_year)` (same index), normalised once per
    snapshot rather than on every search."""
    return _haystack(entries(snap, fiscal_year))


def filter_entries(
    df: pd.DataFrame, f: Filters, owner_map: pd.DataFrame | None = None, hay: pd.Series | None = None
) -> pd.DataFrame:
    """Entries matching every filter; the query's words (space-separated) must all occur somewhere in
    the 取組, 進捗 or 次年度以降 text (full-/half-width and case insensitive). `hay`: `search_text` of
    `df` when `df` is `entries(…)` as it is (saves normalising every row on each search)."""
    out = df
    if f.fiscal_year is not None:
        out = out[out["fiscal_year"] == f.fiscal_year]
    if f.strategy is not None:
        out = out[out["strategy_id"] == f.strategy]
    if f.pillar is not None:
        out = out[out["pillar_id"] == f.pillar]
    if f.area is not None:
        out = out[out["area_id"] == f.area]
    if f.ministry is not None:
        owned: set[str] = set()
        if owner_map is not None:
            owned = set(owner_map.loc[owner_map["ministry_code"] == f.ministry, "action_id"])
        joint_owned = (out["ministry_code"] == JOINT) & out["action_id"].isin(owned)
        out = out[(out["ministry_code"] == f.ministry) | joint_owned]
    if f.status is not None:
        out = out[out["status_key"] == f.status]
    words = [normalise(w) for w in f.query.split()]
    if words:
        text = _haystack(out) if hay is None else hay.loc[out.index]
        mask = pd.Series(True, index=out.index)
        for w in words:
            mask &= text.str.contains(w, regex=False)
        out = out[mask]
    return out.reset_index(drop=True)


def split_bullets(text: str | None) -> list[str]:
    """A 進捗 / 次年度 cell as its ○ bullets; lines without ○ continue the bullet before them."""
    if not text:
        return []
    items: list[str] = []
    for line in str(text).split("\n"):
        if not line.strip():
            continue
        if line.lstrip().startswith(_BULLET_START) or not items:
            items.append(line)
        else:
            items[-1] += "\n" + line
    return items


def is_repeat(bullet: str) -> bool:
    return bool(_REPEAT.search(bullet))


def _key(bullet: str) -> str:
    return normalise(_REPEAT.sub("", bullet)).lstrip("○〇◯")


def repeat_links(
    df: pd.DataFrame, bullets: pd.DataFrame | None = None
) -> dict[tuple[str, int, str, str, int], str]:
    """For every （再掲） bullet of the given entries: the action_id of the bullet it repeats.

    Key: (action_id, fiscal_year, ministry_code, column, bullet index). The transcribed `bullets` table
    (seed text) says which bullet each 再掲 repeats (`repeat_of`) — the authority, since a 再掲 is not
    always a verbatim copy. Other text is matched by content: the first non-repeat bullet of the same
    fiscal year, in structure order, with the same text or starting with it (a repeat may quote only
    the first sentence)."""
    links: dict[tuple[str, int, str, str, int], str] = {}
    df = df.sort_values(["fiscal_year", "order"])[
        ["action_id", "fiscal_year", "ministry_code", "progress_ja", "next_ja"]
    ]
    # Only cells that hold a （再掲） need their bullets read: most hold none.
    has = df["progress_ja"].str.contains(_REPEAT, na=False) | df["next_ja"].str.contains(_REPEAT, na=False)
    repeats: list[tuple[tuple[str, int, str, str, int], str, int]] = []  # (link key, bullet, index)
    for r in df[has].to_dict("records"):
        for column in ("progress_ja", "next_ja"):
            text = r[column]
            if not isinstance(text, str) or not _REPEAT.search(text):
                continue
            for i, b in enumerate(split_bullets(text)):
                if is_repeat(b):
                    key = (str(r["action_id"]), int(r["fiscal_year"]), str(r["ministry_code"]), column, i)
                    repeats.append((key, b, i))
    if not repeats:
        return links
    if bullets is not None and len(bullets):
        known = bullets[bullets["is_repeat"].astype(bool) & bullets["repeat_of"].notna()]
        by_text = {
            (str(b["action_id"]), int(b["fiscal_year"]), f"{b['column']}_ja", _key(str(b["text_ja"]))): str(
                b["repeat_of"]
            ).split("/")[0]
            for b in known.to_dict("records")
        }
        for key, b, _ in repeats:
            hit = by_text.get((key[0], key[1], key[3], _key(b)))
            if hit is not None:
                links[key] = hit
    unlinked = [(key, b) for key, b, _ in repeats if key not in links]
    years = {key[1] for key, _ in unlinked}
    originals: dict[tuple[int, str], str] = {}
    for r in df[df["fiscal_year"].isin(years)].to_dict("records"):
        for column in ("progress_ja", "next_ja"):
            for b in split_bullets(r[column]):
                if not is_repeat(b):
                    originals.setdefault((int(r["fiscal_year"]), _key(b)), str(r["action_id"]))
    for key, b in unlinked:
        fy, k = key[1], _key(b)
        found = originals.get((fy, k)) or next(
            (a for (y, text), a in originals.items() if y == fy and text.startswith(k)), None
        )
        if found is not None and found != key[0]:
            links[key] = found
    return links


@per_snapshot
def year_repeat_links(snap: Snapshot, fiscal_year: int | None) -> dict[tuple[str, int, str, str, int], str]:
    """`repeat_links` of every entry of the year (None: all years), once per snapshot."""
    return repeat_links(entries(snap, fiscal_year), snap.table("bullets"))


def entry_history(snap: Snapshot, action_id: str, fiscal_year: int, ministry_code: str) -> pd.DataFrame:
    """Every version of one entry, oldest first, with who submitted it and when."""
    return snap.history(
        "followup", action_id=action_id, fiscal_year=fiscal_year, ministry_code=ministry_code
    ).reset_index(drop=True)


@per_snapshot
def pillar_labels(snap: Snapshot, lang: str = "ja") -> dict[int, str]:
    """pillar_id → its label as the strategy prints it (「１．技術開発戦略」, 「(1)量子コンピュータ…」)."""
    pillars = snap.table("pillars").merge(snap.table("strategies"), on="strategy_id")
    pillars = pillars.rename(columns={"no": "pillar_no", "name_ja": "pillar_ja", "name_en": "pillar_en"})
    return {int(r["pillar_id"]): pillar_label(r, lang) for r in pillars.to_dict("records")}


@per_snapshot
def status_by_pillar(snap: Snapshot, fiscal_year: int) -> pd.DataFrame:
    """Entries of a fiscal year counted by pillar × status (columns FU_STATUSES + NO_STATUS)."""
    df = entries(snap, fiscal_year)
    st = structure(snap, fiscal_year)
    live = st[st["in_force"] & st["reportable"]]
    pillars = snap.table("pillars")
    pillars = pillars[pillars["pillar_id"].isin(set(live["pillar_id"]))]
    counts = df.groupby(["pillar_id", "status_key"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=pillars["pillar_id"], columns=[*FU_STATUSES, NO_STATUS], fill_value=0)
    counts = counts.fillna(0).astype(int)
    counts.index.name = "pillar_id"
    return counts


@per_snapshot
def completeness(snap: Snapshot, fiscal_year: int) -> pd.DataFrame:
    """Per ministry that co-owns reportable rows: how many it owns, how many are reported for the year,
    which are missing, and its last submission for that year.

    The one definition of "reported", used by every page, the deck and `python -m model status`: a
    reportable row a ministry co-owns is reported for a fiscal year when the store holds a current entry
    for that row and year written by that ministry, or the joint published text (ministry JOINT, seed
    002), which all of the row's owners wrote together. An entry counts with or without a status; a
    withdrawn entry does not count. Ministries that own no reportable row are not listed.
    """
    acts = strategy.actions(snap, fiscal_year)  # the structure's rows alone: no labels needed here
    acts = acts.sort_values("order")
    rep = set(acts.loc[acts["reportable"].astype(bool) & acts["in_force"].astype(bool), "action_id"])
    own = owners(snap, fiscal_year)
    fu = snap.followup(fiscal_year)
    joint = set(fu.loc[fu["ministry_code"] == JOINT, "action_id"])
    subs = snap.submissions()
    subs = subs[(subs["fiscal_year"] == fiscal_year) & (subs["kind"] != "seed")]
    last_by = subs.groupby("ministry_code")["created_at"].max().to_dict()
    order = {a: i for i, a in enumerate(acts["action_id"])}
    owned_by: dict[str, set[str]] = {}
    for a, m in zip(own["action_id"].tolist(), own["ministry_code"].tolist(), strict=True):
        if a in rep:
            owned_by.setdefault(m, set()).add(a)
    written_by: dict[str, set[str]] = {}
    for a, m in zip(fu["action_id"].tolist(), fu["ministry_code"].tolist(), strict=True):
        written_by.setdefault(m, set()).add(a)
    rows = []
    for m in registry(snap):
        mine = owned_by.get(m.code, set())
        if not mine:
            continue
        reported = mine & (written_by.get(m.code, set()) | joint)
        last = last_by.get(m.code)
        rows.append(
            {
                "ministry_code": m.code,
                "name_ja": m.name_ja,
                "name_en": m.name_en,
                "short_en": m.short_en,
                "tag": m.tag,
                "owned": len(mine),
                "reported": len(reported),
                "missing": len(mine - reported),
                "pct": 100.0 * len(reported) / len(mine),
                "last_submission": None if last is None or pd.isna(last) else last,
                "missing_ids": sorted(mine - reported, key=order.__getitem__),
            }
        )
    return pd.DataFrame(rows, columns=COMPLETENESS_COLUMNS)


COMPLETENESS_COLUMNS = [
    "ministry_code",
    "name_ja",
    "name_en",
    "short_en",
    "tag",
    "owned",
    "reported",
    "missing",
    "pct",
    "last_submission",
    "missing_ids",
]


@per_snapshot
def ministry_actions(snap: Snapshot, ministry_code: str, fiscal_year: int) -> pd.DataFrame:
    """The reportable rows a ministry co-owns, each with its entry for the year (own or joint) if any."""
    st = structure(snap, fiscal_year)
    own = owners(snap, fiscal_year)
    ids = set(own.loc[own["ministry_code"] == ministry_code, "action_id"])
    rows = st[st["reportable"] & st["in_force"] & st["action_id"].isin(ids)]
    fu = snap.followup(fiscal_year)
    fu = fu[fu["ministry_code"].isin([ministry_code, JOINT])]
    # the ministry's own entry wins over the joint text
    fu = fu.assign(_rank=(fu["ministry_code"] == JOINT).astype(int)).sort_values("_rank")
    fu = fu.drop_duplicates("action_id")
    cols = ["action_id", "ministry_code", "status", "user_name", "created_at", "progress_ja", "next_ja"]
    out = rows.merge(fu[cols], on="action_id", how="left")
    out["has_entry"] = out["ministry_code"].notna()
    out["status_key"] = out["status"].map(lambda s: s if isinstance(s, str) and s else NO_STATUS)
    return out.reset_index(drop=True)


def as_of_fiscal_year(snap: Snapshot, as_of: dt.date) -> int | None:
    """The newest fiscal year with entries that has started by `as_of` (None when there is none)."""
    start = fiscal_year_of(as_of)
    years = [y for y in fiscal_years(snap) if y <= start]
    return years[0] if years else None


# How a link reads from each end: A continues B → B is continued by A (model.structure.RELATIONS).
_INVERSE = {"continues": "continued_by", "part_of": "has_part", "related": "related"}


@per_snapshot
def relatives(snap: Snapshot, fiscal_year: int | None = None) -> dict[str, list[dict[str, object]]]:
    """action_id → its relatives in the crosswalk (both directions), each with its title, strategy and the
    number of follow-up entries it has for `fiscal_year` (all years when None)."""
    links = strategy.links(snap)
    if links.empty:
        return {}
    st = structure(snap, fiscal_year).set_index("action_id")
    fu = snap.followup(fiscal_year)
    counts = fu["action_id"].value_counts().to_dict()
    out: dict[str, list[dict[str, object]]] = {}
    for a, b, rel in zip(links["action_id"], links["related_id"], links["relation"], strict=True):
        for here, there, how in ((a, b, rel), (b, a, _INVERSE.get(rel, rel))):
            if there not in st.index:
                continue
            out.setdefault(str(here), []).append(
                {
                    "action_id": str(there),
                    "relation": how,
                    "title_ja": st.loc[there, "title_ja"],
                    "strategy_id": st.loc[there, "strategy_id"],
                    "entries": int(counts.get(there, 0)),
                }
            )
    return out
