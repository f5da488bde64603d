"""The strategies' structure as it stands in a fiscal year: the seed as the documents printed it, plus every
edit the secretariat made since, each effective from a fiscal year.

The seed's reference tables (strategies, pillars, areas, actions, ministries, goals) are the documents; the
store keeps the secretariat's edits append-only (`structure_edits`), and this module alone gives them their
meaning. `state(snap, fy)` applies the edits effective by `fy` in order (fiscal year, then when made) —
`fy=None` applies them all: the structure as it stands now. Nothing is deleted: a retired action keeps its
rows and history and is simply not in force from its retirement year on; a reworded action keeps its old
wording for the years before.

Ownership is part of the structure: an action's owners are the ministries its 【…】 tag names (sub rows
ⅰ–ⅳ, ①–③ inherit their parent's), until an `owners.set` edit names others. Seed 004's actions name none:
they are "担当府省未設定" until the secretariat assigns them.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

import pandas as pd

from model.ministries import MinistryRegistry
from model.store import Snapshot, handed_out, per_snapshot

T = TypeVar("T")
P = ParamSpec("P")

# op → whether it is bound to a fiscal year (year-bound edits change the structure from that year on)
OPS: dict[str, bool] = {
    "action.add": True,
    "action.reword": True,
    "action.retire": True,
    "action.merge": True,
    "owners.set": True,
    "ministries.add": False,
    "goal.add": False,
    "link.add": False,
}
RELATIONS = ("continues", "part_of", "related")  # "A continues B": A carries B's work on (B is older)
ACTION_COLUMNS = [
    "action_id",
    "strategy_id",
    "pillar_id",
    "area_id",
    "parent_id",
    "sub_label",
    "group_ja",
    "title_ja",
    "description_ja",
    "reportable",
    "source",
    "owner_codes",  # tuple of ministry codes as the tag / edit orders them; () = 担当府省未設定
    "owners_set",  # True when an edit (not the seed's 【…】 tag) named the owners
    "from_fy",
    "until_fy",  # not in force from this fiscal year on (retired or merged); None: still in force
    "merged_into",
    "in_force",
    "order",
]
LINK_COLUMNS = ["action_id", "related_id", "relation", "source"]


@dataclass(frozen=True)
class Edit:
    """One change of the structure, as the secretariat makes it and the store keeps it."""

    op: str
    target: str
    values: dict[str, Any] = field(default_factory=dict)
    from_fy: int | None = None
    reason: str = ""

    def payload(self) -> str:
        return json.dumps(self.values, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Structure:
    """The structure in force for one fiscal year (or now): frames, each in the strategies' order."""

    fiscal_year: int | None
    actions: pd.DataFrame  # ACTION_COLUMNS; every action known by then, in force or not
    ministries: pd.DataFrame
    goals: pd.DataFrame
    links: pd.DataFrame  # LINK_COLUMNS

    @property
    def registry(self) -> MinistryRegistry:
        return MinistryRegistry.from_frame(self.ministries)

    def action(self, action_id: str) -> dict[str, Any] | None:
        rows = self.actions[self.actions["action_id"] == action_id]
        return None if rows.empty else {str(k): v for k, v in rows.iloc[0].to_dict().items()}


@per_snapshot
def stored_edits(snap: Snapshot) -> tuple[Edit, ...]:
    """The snapshot's edits, oldest first (read once a snapshot: every fiscal year's structure uses them)."""
    df = snap.structure_edits()
    from_fy = [None if pd.isna(v) else int(v) for v in df["from_fy"].astype(object)]
    columns = (df[c].astype(str) for c in ("op", "target", "payload", "reason"))
    return tuple(
        Edit(op=op, target=target, values=json.loads(payload), from_fy=fy, reason=reason)
        for op, target, payload, reason, fy in zip(*(c.tolist() for c in columns), from_fy, strict=True)
    )


class Builder:
    """Applies edits one by one to the seed's structure (also used to check an upload row against the
    rows before it)."""

    def __init__(self, tables: dict[str, pd.DataFrame]) -> None:
        self.strategies = tables["strategies"]
        from_fy = dict(zip(self.strategies["strategy_id"], self.strategies["from_fy"], strict=True))
        self.areas = tables["areas"]
        self.area_pillar = dict(zip(self.areas["area_id"], self.areas["pillar_id"], strict=True))
        self.pillar_strategy = {
            int(k): str(v)
            for k, v in zip(tables["pillars"]["pillar_id"], tables["pillars"]["strategy_id"], strict=True)
        }
        self.tables = tables
        self.ministries: list[dict[str, Any]] = _records(tables["ministries"])
        self.new_goals: list[dict[str, Any]] = []
        self.links: list[dict[str, Any]] = []
        reg = MinistryRegistry.from_frame(tables["ministries"])
        self.rows: dict[str, dict[str, Any]] = {}
        self._registry: tuple[int, MinistryRegistry] = (len(self.ministries), reg)
        for r in _records(tables["actions"]):
            pid = int(self.area_pillar[r["area_id"]])
            strategy_id = self.pillar_strategy[pid]
            tag = r.get("ministries_tag")
            owners = tuple(m.code for m in reg.parse_tags(str(tag))) if isinstance(tag, str) else None
            self.rows[str(r["action_id"])] = {
                **{k: (None if _missing(v) else v) for k, v in r.items() if k != "ministries_tag"},
                "strategy_id": strategy_id,
                "pillar_id": pid,
                "reportable": bool(r["reportable"]),
                "own": owners,  # None: inherits the parent's (sub rows) or has none
                "owners_set": False,
                "from_fy": int(from_fy[strategy_id]),
                "until_fy": None,
                "merged_into": None,
            }

    def copy(self) -> Builder:
        """A builder in the same state that edits can be applied to without changing this one (rows are
        changed in place by edits; the lists only grow; the seed tables are only read)."""
        new = Builder.__new__(Builder)
        new.__dict__.update(self.__dict__)
        new.rows = {k: dict(v) for k, v in self.rows.items()}
        new.ministries = list(self.ministries)
        new.new_goals = list(self.new_goals)
        new.links = list(self.links)
        return new

    def registry(self) -> MinistryRegistry:
        """The ministries known so far (made again only after a `ministries.add`)."""
        if self._registry[0] != len(self.ministries):
            reg = MinistryRegistry.from_frame(pd.DataFrame(self.ministries))
            self._registry = (len(self.ministries), reg)
        return self._registry[1]

    # --- applying -------------------------------------------------------------------------------------
    def apply(self, e: Edit) -> None:
        v = e.values
        if e.op == "action.add":
            area = str(v["area_id"])
            pid = int(self.area_pillar[area])
            self.rows[e.target] = {
                "action_id": e.target,
                "area_id": area,
                "parent_id": v.get("parent_id"),
                "sub_label": v.get("sub_label"),
                "group_ja": v.get("group_ja"),
                "title_ja": v["title_ja"],
                "description_ja": v.get("description_ja"),
                "reportable": bool(v.get("reportable", True)),
                "source": v.get("source") or f"事務局 ({e.reason})",
                "strategy_id": self.pillar_strategy[pid],
                "pillar_id": pid,
                "own": tuple(v.get("owners") or ()) or None,
                "owners_set": bool(v.get("owners")),
                "from_fy": e.from_fy,
                "until_fy": None,
                "merged_into": None,
            }
        elif e.op == "action.reword":
            row = self.rows[e.target]
            for key in ("title_ja", "description_ja"):
                if key in v:
                    row[key] = v[key]
        elif e.op in ("action.retire", "action.merge"):
            row = self.rows[e.target]
            row["until_fy"] = e.from_fy
            if e.op == "action.merge":
                row["merged_into"] = v["into"]
                self.links.append(
                    {
                        "action_id": v["into"],
                        "related_id": e.target,
                        "relation": "continues",
                        "source": "merge",
                    }
                )
        elif e.op == "owners.set":
            row = self.rows[e.target]
            row["own"] = tuple(v.get("owners") or ())
            row["owners_set"] = True
        elif e.op == "ministries.add":
            self.ministries.append({"code": e.target, **v})
        elif e.op == "goal.add":
            self.new_goals.append({"id": e.target, **v})
        elif e.op == "link.add":
            self.links.append({"action_id": e.target, **v})

    # --- reading --------------------------------------------------------------------------------------
    def goals(self) -> pd.DataFrame:
        seed = self.tables["goals"]
        if not self.new_goals:
            return seed
        added = pd.DataFrame(self.new_goals).reindex(columns=seed.columns)
        return pd.concat([seed, added.astype(seed.dtypes.to_dict(), errors="ignore")], ignore_index=True)

    def owners_of(self, action_id: str) -> tuple[str, ...]:
        row = self.rows[action_id]
        if row["own"] is not None:
            return tuple(row["own"])
        parent = row.get("parent_id")
        return self.owners_of(str(parent)) if isinstance(parent, str) and parent in self.rows else ()

    def frame(self, fiscal_year: int | None) -> pd.DataFrame:
        rows = list(self.rows.values())
        computed = ("owner_codes", "in_force", "order")
        columns = {k: [row.get(k) for row in rows] for k in ACTION_COLUMNS if k not in computed}
        # in the order the tag (or edit) names
        columns["owner_codes"] = [self.owners_of(action_id) for action_id in self.rows]
        if fiscal_year is None:
            columns["in_force"] = [row["until_fy"] is None for row in rows]
        else:
            columns["in_force"] = [
                row["from_fy"] <= fiscal_year and (row["until_fy"] is None or fiscal_year < row["until_fy"])
                for row in rows
            ]
        columns["order"] = list(range(len(rows)))
        return pd.DataFrame(columns, columns=ACTION_COLUMNS)


def applied(tables: dict[str, pd.DataFrame], edits: Iterable[Edit], fiscal_year: int | None) -> Builder:
    """A builder holding the seed with the edits effective by `fiscal_year` (None: all) applied in order:
    by the fiscal year they apply from, then in the order they were made."""
    builder = Builder(tables)
    chosen = [
        (e.from_fy or 0, i, e)
        for i, e in enumerate(edits)
        if fiscal_year is None or e.from_fy is None or e.from_fy <= fiscal_year
    ]
    for _, _, e in sorted(chosen, key=lambda x: (x[0], x[1])):
        builder.apply(e)
    return builder


def build(tables: dict[str, pd.DataFrame], edits: Iterable[Edit], fiscal_year: int | None) -> Structure:
    """The structure of `fiscal_year` (None: now) from the seed tables and the edits, in the order made."""
    return _structure(applied(tables, edits, fiscal_year), fiscal_year)


class Timeline:
    """The builders of a snapshot's fiscal years, each made from the one before it.

    The edits effective by a fiscal year, in the order `applied` takes them (by the year they apply from,
    then as made), are a prefix of the same order over all edits: a year's builder is the previous year's
    with the next edits applied. Builders stored here are never changed (a later year applies its edits to
    a copy), so each year costs its own edits and a copy instead of the seed and every edit again."""

    def __init__(self, tables: dict[str, pd.DataFrame], edits: Iterable[Edit]) -> None:
        self.tables = tables
        self.order = sorted(((e.from_fy or 0, i, e) for i, e in enumerate(edits)), key=lambda x: (x[0], x[1]))
        self.keys = [k for k, _, _ in self.order]
        self.builders: dict[int, Builder] = {}  # edits applied → builder
        self.structures: dict[int | None, Structure] = {}  # fiscal year → its structure
        self.memo: dict[Hashable, Any] = {}  # facts of the structure alone (`per_structure`)
        self.lock = threading.RLock()

    def derive(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()` once per timeline and key, handed out as `Snapshot.derive` hands out (frames as
        shallow copies, containers as new ones). Computed outside the lock: a fact asks for structures and
        other facts, which take it; two threads asking at once may both compute, the first result is kept."""
        with self.lock:
            if key in self.memo:
                return handed_out(cast(T, self.memo[key]))
        made = compute()
        with self.lock:
            value = cast(T, self.memo.setdefault(key, made))
        return handed_out(value)

    def structure(self, fiscal_year: int | None) -> Structure:
        with self.lock:
            if fiscal_year not in self.structures:
                self.structures[fiscal_year] = _structure(self.at(fiscal_year), fiscal_year)
            return self.structures[fiscal_year]

    def at(self, fiscal_year: int | None) -> Builder:
        n = len(self.order) if fiscal_year is None else bisect.bisect_right(self.keys, fiscal_year)
        with self.lock:
            if n not in self.builders:
                start = max((k for k in self.builders if k < n), default=None)
                builder = Builder(self.tables) if start is None else self.builders[start].copy()
                for _, _, e in self.order[start or 0 : n]:
                    builder.apply(e)
                self.builders[n] = builder
            return self.builders[n]


def _structure(builder: Builder, fiscal_year: int | None) -> Structure:
    actions = builder.frame(fiscal_year)
    return Structure(
        fiscal_year=fiscal_year,
        actions=actions,
        ministries=pd.DataFrame(builder.ministries),
        goals=builder.goals(),
        links=pd.DataFrame(builder.links, columns=LINK_COLUMNS),
    )


def seed_tables(snap: Snapshot) -> dict[str, pd.DataFrame]:
    names = ("strategies", "pillars", "areas", "actions", "ministries", "goals")
    return {name: snap.table(name) for name in names}


# Timelines by the content they are made from (the seed's tables and the edits): a snapshot taken after a
# write that changed no structure (an upload, a decision) finds its structures already made. Keyed by
# content, not by store or version, so that no restore, re-seed or second store can be served another's.
_TIMELINES: OrderedDict[str, Timeline] = OrderedDict()
_TIMELINES_LOCK = threading.Lock()
_TIMELINES_KEPT = 4


def _content_key(snap: Snapshot) -> str:
    """A digest of what a snapshot's structure is made from: the seed's tables and the edits, in order."""
    edits = snap.structure_edits()
    digest = hashlib.sha256()
    for name, df in [*sorted(seed_tables(snap).items()), ("edits", edits)]:
        columns = ["op", "target", "payload", "from_fy", "reason"] if name == "edits" else list(df.columns)
        digest.update(f"{name}\x1f{columns}\x1f{len(df)}\x1e".encode())
        for column in columns:
            _digest_column(digest, df[column])
    return digest.hexdigest()


def _digest_column(digest: Any, values: pd.Series) -> None:
    """One column's exact content into `digest`: Arrow-backed text as its buffers (with each chunk's offset
    and length and each buffer's size, so that equal bytes are equal values), numbers and dates as their
    bytes, anything else as the repr of its values. A few times faster than hash_pandas_object column by
    column, which was a third of a small ministry's template from a fresh snapshot; the same content laid
    out otherwise in memory only makes another key (a timeline made again), never a wrong one."""
    digest.update(f"{values.dtype}\x1f".encode())
    array = values.array
    if isinstance(array, pd.arrays.ArrowExtensionArray):
        chunked = array.__arrow_array__()
        for chunk in chunked.chunks:
            digest.update(f"{chunk.offset},{len(chunk)}\x1f".encode())
            for buffer in chunk.buffers():
                digest.update(b"-" if buffer is None else f"{buffer.size}:".encode())
                if buffer is not None:
                    digest.update(buffer)
    elif values.dtype.kind in "biufmM":
        digest.update(values.to_numpy().tobytes())
    else:
        digest.update(repr(values.tolist()).encode())
    digest.update(b"\x1e")


def _timeline(snap: Snapshot) -> Timeline:
    key = _content_key(snap)
    with _TIMELINES_LOCK:
        found = _TIMELINES.get(key)
        if found is not None:
            _TIMELINES.move_to_end(key)
            return found
    made = Timeline(seed_tables(snap), stored_edits(snap))
    with _TIMELINES_LOCK:
        made = _TIMELINES.setdefault(key, made)
        _TIMELINES.move_to_end(key)
        while len(_TIMELINES) > _TIMELINES_KEPT:
            _TIMELINES.popitem(last=False)
    return made


def timeline(snap: Snapshot) -> Timeline:
    """The snapshot's structures: one timeline for every snapshot whose seed tables and edits are equal."""
    return snap.derive(("structure-timeline",), lambda: _timeline(snap))


def state(source: Snapshot | Timeline, fiscal_year: int | None = None) -> Structure:
    """The structure in force for `fiscal_year` (None: as it stands now)."""
    return (source if isinstance(source, Timeline) else timeline(source)).structure(fiscal_year)


def per_structure(
    fn: Callable[Concatenate[Timeline, P], T],
) -> Callable[Concatenate[Snapshot | Timeline, P], T]:
    """Memoise a fact of the structure alone (who owns which action in a year, a ministry's rows, labels)
    on the timeline, so that every snapshot of the same structure shares it: the first template after an
    upload or a review decision, which changes no structure, derives none of it again. An edit of the
    structure makes another timeline, so the fact is derived again and the edit shows.

    `fn` is given the timeline, never a snapshot: it can read only the seed's tables (`tables`), the
    structures (`state(timeline, fy)`) and other facts of the structure, so it cannot depend on follow-up
    data. Called with a snapshot or with a timeline (from another such fact)."""

    @functools.wraps(fn)
    def wrapper(source: Snapshot | Timeline, /, *args: P.args, **kwargs: P.kwargs) -> T:
        tl = source if isinstance(source, Timeline) else timeline(source)
        key = ("per_structure", fn.__module__, fn.__qualname__, args, tuple(sorted(kwargs.items())))
        return tl.derive(key, lambda: fn(tl, *args, **kwargs))

    return wrapper


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in r.items()} for r in df.to_dict("records")]


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA
