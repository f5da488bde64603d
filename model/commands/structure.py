"""structure: the strategies' structure — list it, and (secretariat only) change it, one edit at a time or
from a 構造変更 spreadsheet. The same functions as the structure page (model/structure_edits.py)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from model import strategy
from model.auth import User, get_user, operator
from model.commands._common import emit_json, records, snapshot_from, store_from
from model.errors import AppError
from model.followup import structure
from model.messages import t
from model.report import Problem
from model.store import Store
from model.structure import Edit
from model.structure_edits import (
    StructureError,
    apply_edits,
    describe,
    read_structure_upload,
    structure_template,
)
from model.text import one_line

ACTIONS = ("list", "assign", "add", "reword", "retire", "merge", "link", "add-ministry", "template", "upload")


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "structure",
        help="the strategies' structure: list it; the secretariat adds, rewords, retires, merges, assigns",
        description=(
            "list [--strategy S] [--fiscal-year Y] [--json] | assign ACTION --ministry 文,経 | "
            "add --area A --title T [--id X] [--ministry …] [--description D] | "
            "reword ACTION [--title T] [--description D] "
            "| retire ACTION | merge ACTION --into B | link ACTION --related B --relation continues|part_of|"
            "related | add-ministry CODE --tag T --name-ja N --name-en N --short-en S | template --out F | "
            "upload F [--commit] [--json]. Changes need --reason, year-bound ones --from-fy; they act as the "
            "command-line operator (secretariat) or --user U, who must be secretariat."
        ),
    )
    p.add_argument("action", choices=ACTIONS)
    p.add_argument("target", nargs="?", default="", help="the action id (or ministry code, or upload file)")
    p.add_argument("--strategy", help="list: only this strategy (strategy_id)")
    p.add_argument("--fiscal-year", type=int, help="list: the structure in force in this fiscal year")
    p.add_argument("--from-fy", type=int, help="the fiscal year the change applies from")
    p.add_argument("--reason", default="", help="why (kept in the history)")
    p.add_argument("--ministry", help="owners: tags, codes or names separated by commas (empty: none)")
    p.add_argument("--area", help="add: the sub-area id (e.g. 2301-1)")
    p.add_argument("--id", default="", help="add: the new action's id (default: the next free one)")
    p.add_argument("--title", help="add / reword: the title (取組)")
    p.add_argument("--description", help="add / reword: the description")
    p.add_argument("--into", help="merge: the action that carries the merged one on")
    p.add_argument("--related", help="link: the related action")
    p.add_argument("--relation", help="link: continues | part_of | related")
    p.add_argument("--tag", help="add-ministry: the 【…】 tag")
    p.add_argument("--name-ja", help="add-ministry: the name")
    p.add_argument("--name-en", help="add-ministry: the English name")
    p.add_argument("--short-en", help="add-ministry: the English short name")
    p.add_argument("--out", help="template: where to write the 構造変更 sheet")
    p.add_argument("--commit", action="store_true", help="upload: store the changes (default: check only)")
    p.add_argument("--user", help="act as this user (default: the command-line operator, secretariat)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=run_structure)


def _user(store: Store, args: argparse.Namespace) -> User:
    return get_user(store.snapshot(), args.user) if args.user else operator()


def _owners(text: str | None) -> list[str]:
    return [p for p in (text or "").replace("、", ",").split(",") if p.strip()]


def _edit(args: argparse.Namespace) -> Edit:
    a = args.action
    if a == "assign":
        return Edit("owners.set", args.target, {"owners": _owners(args.ministry)}, args.from_fy, args.reason)
    if a == "add":
        values = {"area_id": args.area, "title_ja": args.title, "description_ja": args.description}
        values["owners"] = _owners(args.ministry)
        return Edit("action.add", args.id or args.target, values, args.from_fy, args.reason)
    if a == "reword":
        values = {"title_ja": args.title, "description_ja": args.description}
        return Edit("action.reword", args.target, values, args.from_fy, args.reason)
    if a == "retire":
        return Edit("action.retire", args.target, {}, args.from_fy, args.reason)
    if a == "merge":
        return Edit("action.merge", args.target, {"into": args.into}, args.from_fy, args.reason)
    if a == "link":
        values = {"related_id": args.related, "relation": args.relation}
        return Edit("link.add", args.target, values, None, args.reason)
    values = {"tag": args.tag, "name_ja": args.name_ja, "name_en": args.name_en, "short_en": args.short_en}
    return Edit("ministries.add", args.target, values, None, args.reason)


def _print_problems(problems: list[Problem], as_json: bool) -> None:
    if as_json:
        emit_json({"ok": False, "problems": [p.as_dict() for p in problems]})
        return
    for p in problems:  # a single edit's problems name the option's field, an upload's the cell
        print(one_line(str(p) if p.row is not None else f"{p.column}: {p.message}"))


def run_structure(args: argparse.Namespace) -> int:
    if args.action == "list":
        return _list(args)
    if args.action == "template":
        if not args.out:
            raise AppError("st.out_required")
        Path(args.out).write_bytes(structure_template())
        print(args.out)
        return 0
    store = store_from(args)
    user = _user(store, args)
    if args.action == "upload":
        return _upload(args, store, user)
    edit = _edit(args)
    try:
        version = apply_edits(store, user, [edit], args.lang)
    except StructureError as err:
        _print_problems(err.problems, args.json)
        return 1
    if args.json:
        emit_json({"ok": True, "store_version": version, "edits": [describe(edit, args.lang)]})
    else:
        print(t("st.recorded", args.lang, n=1, version=version))
    return 0


def _upload(args: argparse.Namespace, store: Store, user: User) -> int:
    path = Path(args.target)
    if not path.is_file():
        raise AppError("st.file_missing", file=str(path))
    up = read_structure_upload(store.snapshot(), path.read_bytes(), path.name, args.lang)
    if up.problems:
        _print_problems(up.problems, args.json)
        return 1
    lines = [describe(e, args.lang) for e in up.edits]
    version = None
    if args.commit:
        try:
            version = apply_edits(store, user, up.edits, args.lang, up.rows)
        except StructureError as err:
            _print_problems(err.problems, args.json)
            return 1
    if args.json:
        emit_json({"ok": True, "committed": args.commit, "store_version": version, "edits": lines})
        return 0
    for line in lines:
        print(one_line(line))
    if version is not None:
        print(t("st.recorded", args.lang, n=len(lines), version=version))
    return 0


def _list(args: argparse.Namespace) -> int:
    snap = snapshot_from(args)
    st = structure(snap, args.fiscal_year)
    if args.strategy:
        known = set(strategy.strategies(snap)["strategy_id"])
        if args.strategy not in known:
            raise AppError("err.unknown_strategy", text=args.strategy, known=", ".join(sorted(known)))
        st = st[st["strategy_id"] == args.strategy]
    cols = ["action_id", "strategy_id", "area_id", "title_ja", "ministries_tag", "reportable", "in_force"]
    cols += ["from_fy", "until_fy"]
    view = st[cols]
    if args.json:
        emit_json({"store_version": snap.version, "fiscal_year": args.fiscal_year, "actions": records(view)})
        return 0
    unassigned = t("st.unassigned", args.lang)
    for r in view.to_dict("records"):
        tag = r["ministries_tag"] if isinstance(r["ministries_tag"], str) else unassigned
        state = "" if r["in_force"] else f"  [{r['until_fy']}-]"
        print(one_line(f"{r['action_id']:<12}{tag:<18}{r['title_ja']}{state}"))
    return 0
