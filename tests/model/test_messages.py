"""The message catalogue: both languages for every id, every id the code uses exists, no id is unused.

The code of model/ and dashboard/ is read with `ast`: a string literal that looks like an id (dotted, in a
namespace of the catalogue, e.g. "err.db_unreachable") or that is passed as the id of `t`, `tr`, `msg`,
`AppError` or `_problem` is a use; an id built at run time (f"status.{s}", "cmp." + k) is a pattern, and
DYNAMIC below lists every pattern with the values it takes.
"""

from __future__ import annotations

import ast
import functools
import re
import string
from pathlib import Path

import pytest

from model.auth import ROLES
from model.compare import CHANGE_KINDS
from model.exports.images import FORMATS
from model.followup import FU_STATUSES, NO_STATUS
from model.kpi import DIRECTIONS, STATUSES
from model.messages import CATALOGUE, SECTIONS, merge_sections, t
from model.milestones import MILESTONE_STATUSES
from model.opendata import DEFINED
from model.reporting.deadlines import OWED_STATES
from model.reporting.publication import YEAR_STATES
from model.reporting.reminders import OUTCOMES
from model.reporting.review import DECISIONS, STATES
from model.schemas import GOAL_KINDS, Agreements
from model.seed import SeedData
from model.structure import OPS

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("model", "dashboard")
CATALOGUE_DIR = ROOT / "model" / "messages"  # the catalogue's own text is not a use of it


def _agreement_kinds() -> tuple[str, ...]:
    """The kinds model/schemas.py allows for an agreement (its `isin` check)."""
    (check,) = Agreements.to_schema().columns["kind"].checks
    return tuple(check.statistics["allowed_values"])


# Every id the code builds at run time: the pattern as written ("{}" where the value goes) → the values it
# takes. Each pattern found in the code must be listed here, and nothing else.
DYNAMIC: dict[str, tuple[str, ...]] = {
    "status.{}": STATUSES,  # KPI statuses (model.kpi)
    "kpi.direction.{}": DIRECTIONS,  # a goal's direction (model.kpi)
    "kpi.method.{}": ("cagr", "linear", "level", "none"),  # how a status was computed (model.kpi, goals)
    "kind.{}": tuple(GOAL_KINDS),  # goal kinds (model.schemas)
    "fu.{}": (*FU_STATUSES, NO_STATUS),  # follow-up statuses and "none" (model.followup)
    "ms.{}": MILESTONE_STATUSES,  # milestone statuses (model.milestones)
    "agkind.{}": _agreement_kinds(),  # agreement kinds (model.schemas.Agreements)
    # event kinds: model.schemas does not fix them; these are the seed's (test_seed_kinds_have_texts)
    "evkind.{}": ("mdq", "qdg", "symposium", "conference", "strategy", "founding", "mou_signing", "launch"),
    "fig.frameworks.{}": ("bilateral", "multilateral"),  # framework kinds (model.international.frameworks)
    "cli.init.{}": ("created", "unchanged", "updated"),  # what Store.init returns (model/store/_store.py)
    "cmp.{}": CHANGE_KINDS,  # year-over-year changes (model.compare); also built as "cmp." + kind
    "exp.download.{}": tuple(FORMATS),  # chart file formats (model.exports.images)
    "ui.role.{}": ROLES,  # user roles (model.auth)
    # Streamlit's control names (dashboard/ui.py STREAMLIT_NAMES)
    "st.{}": (
        "collapse_sidebar",
        "expand_sidebar",
        "choose",
        "download_csv",
        "fullscreen",
        "close_fullscreen",
        "search",
        "show_password",
        "hide_password",
        "clear_all",
    ),
    "ui.round_status.{}": ("open", "closed"),  # collection round statuses (model/reporting/rounds.py)
    "ui.kind.{}": ("seed", "upload", "withdrawal", "manual"),  # submission kinds (model/store/_tables.py)
    "ui.outcome.{}": ("committed", "withdrawn"),  # submission outcomes (model/store/_snapshot.py)
    "ui.preview.{}": ("added", "changed", "unchanged"),  # preview change kinds (dashboard/views/upload.py)
    "user.{}d": ("disable", "enable"),  # `user disable|enable` (model/commands/reporting.py)
    # the column tuples written next to each pattern in model/exports/briefing.py
    "rv.state.{}": STATES,  # review states of an entry (model/reporting/review.py)
    "rm.mail.head.{}": OWED_STATES,  # the reminder e-mail's parts (model/reporting/reminders.py)
    "rm.outcome.{}": OUTCOMES,  # a reminder sent or failed (model/reporting/reminders.py)
    "rv.done.{}": DECISIONS,  # what `review return|accept` did
    "pub.state.{}": YEAR_STATES,  # a fiscal year for its readers (model/reporting/publication.py)
    "st.op.{}": tuple(OPS),  # structure edits (model/structure.py)
    # how a crosswalk link reads from each end (model.followup.relatives)
    "st.ui.relation.{}": ("continues", "continued_by", "part_of", "has_part", "related"),
    "deck.kpi.col.{}": ("goal", "latest", "target", "pct", "status", "projected", "sample"),
    "deck.milestones.col.{}": ("title", "deadline", "status"),
    "deck.coop.col.{}": ("date", "partner", "kind", "summary"),
    "deck.delayed.col.{}": ("action", "ministry", "status", "progress"),
    "deck.missing.col.{}": ("ministry", "owed", "missing", "actions"),
    # the 項目定義 of the open data (model/opendata/_package.py): every key that has a title must have a
    # definition too; tests/model/opendata checks that every table and field of a bundle has both
    "od.title.{}": DEFINED,
    "od.desc.{}": DEFINED,
    # how a chart is drawn on its slide (model/exports/native_charts.py ChartPlan.kind, or a picture)
    "deck.alt.kind.{}": ("bar", "column", "stacked_bar", "stacked_column", "line", "picture"),
    "deck.section.{}": (
        "cover",
        "kpi",
        "pillars",
        "milestones",
        "coop",
        "delayed",
        "missing",
    ),  # deck.SECTIONS
}

# Placeholders one language has on purpose and the other not: id → the Japanese-only names.
JA_ONLY_PLACEHOLDERS = {
    "tpl.help": {"era"},  # the template's instruction sheet gives the 令和 year; the English is a summary
}

ID_CALLS = {"t": 0, "tr": 0, "msg": 0, "AppError": 0, "_problem": 1}  # callee → position of the id
NAMESPACES = {i.split(".")[0] for i in CATALOGUE if "." in i}
ID = re.compile(r"[a-z_][a-z0-9_]*(?:\.\w+)+")  # err.db_unreachable, fu.完了
PREFIX = re.compile(r"[a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*\.")  # the start of a built id: "status."


def _callee(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def scan(source: str) -> tuple[set[str], set[str]]:
    """The ids a module uses literally, and the patterns of the ids it builds."""
    ids: set[str] = set()
    patterns: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if ID.fullmatch(node.value) and node.value.split(".")[0] in NAMESPACES:
                ids.add(node.value)
        elif isinstance(node, ast.Call) and _callee(node) in ID_CALLS:
            position = ID_CALLS[str(_callee(node))]
            if len(node.args) > position:
                arg = node.args[position]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    ids.add(arg.value)
        elif isinstance(node, ast.JoinedStr) and node.values:  # f"status.{s}"
            parts = [str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values]
            if isinstance(node.values[0], ast.Constant) and PREFIX.fullmatch(parts[0]):
                patterns.add("".join(parts))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # "cmp." + kind
            left = node.left.value if isinstance(node.left, ast.Constant) else None
            if isinstance(left, str) and PREFIX.fullmatch(left):
                patterns.add(left + "{}")
    return ids, patterns


@functools.cache
def code_uses() -> tuple[dict[str, str], dict[str, str]]:
    """Over model/ and dashboard/ (outside the catalogue): id → where first used, pattern → where."""
    ids: dict[str, str] = {}
    patterns: dict[str, str] = {}
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            if CATALOGUE_DIR in path.parents:
                continue
            where = str(path.relative_to(ROOT))
            found_ids, found_patterns = scan(path.read_text(encoding="utf-8"))
            for i in found_ids:
                ids.setdefault(i, where)
            for p in found_patterns:
                patterns.setdefault(p, where)
    return ids, patterns


def built_ids() -> dict[str, str]:
    """Every id the patterns of DYNAMIC build → its pattern."""
    return {pattern.format(value): pattern for pattern, values in DYNAMIC.items() for value in values}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_id_has_both_texts_with_the_same_placeholders() -> None:
    """Each id has a non-empty ja and en text, plain {name} placeholders, and the same names in both."""
    problems = []
    for msg_id, (ja, en) in CATALOGUE.items():
        if not ja.strip() or not en.strip():
            problems.append(f"{msg_id}: empty text")
            continue
        try:
            fields = [f for text in (ja, en) for f in string.Formatter().parse(text)]
            names = (placeholders(ja) - JA_ONLY_PLACEHOLDERS.get(msg_id, set()), placeholders(en))
        except ValueError as err:  # a lone { or }
            problems.append(f"{msg_id}: {err}")
            continue
        if any(n is not None and (not n.isidentifier() or spec or conv) for _, n, spec, conv in fields):
            problems.append(f"{msg_id}: a placeholder that is not a plain {{name}}")
        if names[0] != names[1]:
            problems.append(f"{msg_id}: ja {sorted(names[0])} != en {sorted(names[1])}")
    assert problems == []


def test_every_id_the_code_uses_exists() -> None:
    """Each id in the code, literal or built by a DYNAMIC pattern, is in the catalogue."""
    ids, _ = code_uses()
    missing = sorted(f"{i} ({where})" for i, where in ids.items() if i not in CATALOGUE)
    missing += sorted(f"{i} (pattern {p})" for i, p in built_ids().items() if i not in CATALOGUE)
    assert missing == []


def test_every_pattern_in_the_code_is_in_the_table() -> None:
    """Each id the code builds at run time has its pattern in DYNAMIC, and DYNAMIC lists no other."""
    _, patterns = code_uses()
    assert sorted(f"{p} ({where})" for p, where in patterns.items() if p not in DYNAMIC) == []
    assert sorted(set(DYNAMIC) - set(patterns)) == []


def test_no_id_is_unused() -> None:
    """Each catalogue id is used literally in the code or built by a DYNAMIC pattern."""
    ids, _ = code_uses()
    assert sorted(set(CATALOGUE) - set(ids) - set(built_ids())) == []


def test_seed_kinds_have_texts(seed: SeedData) -> None:
    """The event and agreement kinds of the seed data are among the values DYNAMIC gives their patterns."""
    assert set(seed.tables["events"]["kind"]) <= set(DYNAMIC["evkind.{}"])
    assert set(seed.tables["agreements"]["kind"]) <= set(DYNAMIC["agkind.{}"])


def test_scan_finds_literal_ids_and_patterns() -> None:
    """The scanner reports call ids, id-like literals and built patterns, and ignores other strings."""
    ids, patterns = scan(
        'tr("all")\nAppError("err.nope", x=1)\n_problem(lang, "up.file.nope")\n'
        'KEYS = ("page.overview", "goals.csv", "has_entry")\n'
        'msg(f"ui.role.{r}")\ntr("cmp." + k)\nprint(f"{name}.{fmt}", f"error: {e}")\n'
    )
    assert ids == {"all", "err.nope", "up.file.nope", "page.overview"}
    assert patterns == {"ui.role.{}", "cmp.{}"}


def test_scan_of_the_code_is_not_empty() -> None:
    """The scan reaches the code: hundreds of ids and every kind of use (sanity check of the paths)."""
    ids, patterns = code_uses()
    assert len(ids) > 300 and len(patterns) >= len(DYNAMIC)
    assert {"err.db_unreachable", "rows_of", "page.overview", "up.file.macro"} <= set(ids)


def test_an_id_defined_in_two_sections_stops_the_import() -> None:
    """Merging sections that share an id raises; the catalogue is the sections without overlap."""
    with pytest.raises(RuntimeError, match="defined twice"):
        merge_sections({"a": {"x.y": ("ja", "en")}, "b": {"x.y": ("ja2", "en2")}})
    assert len(CATALOGUE) == sum(len(part) for part in SECTIONS.values())


def test_t_renders_the_language_and_falls_back_to_the_id() -> None:
    """t() picks en for "en" and ja otherwise, fills str.format placeholders, and returns an unknown id."""
    assert t("status.achieved") == t("status.achieved", "ja") == "達成"
    assert t("status.achieved", "en") == "Achieved"
    assert t("status.achieved", "fr") == "達成"
    assert t("rows_of", "en", n=3, total=7) == "3 of 7 rows"
    assert t("fig.empty_fy", "ja", fy="2025年度") == "2025年度のフォローアップはまだ登録されていません"
    assert t("no.such_id", "en", n=1) == "no.such_id"
