"""The store is used through its public API only: nothing outside model/store/ reaches into it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "model" / "store"
SCANNED = ["model", "dashboard", "tests", "bench", "tools"]


def _private_names() -> set[str]:
    """Names defined with a leading underscore in model/store (modules, functions, methods, attributes)."""
    names = {p.stem for p in STORE.glob("_*.py") if p.stem != "__init__"}
    for path in STORE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "name", None) or getattr(node, "attr", None) or getattr(node, "id", None)
            if isinstance(name, str) and name.startswith("_") and not name.startswith("__"):
                names.add(name)
    return names


def violations(source: str, private: set[str]) -> list[str]:
    """Imports of model.store's private modules or names, and attribute access to its private names."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("model.store"):
            parts = (node.module or "").split(".")
            if any(p.startswith("_") for p in parts):
                found.append(f"line {node.lineno}: from {node.module} import …")
            found += [f"line {node.lineno}: import {a.name}" for a in node.names if a.name.startswith("_")]
        elif isinstance(node, ast.Import):
            found += [
                f"line {node.lineno}: import {a.name}"
                for a in node.names
                if a.name.startswith("model.store.") and any(p.startswith("_") for p in a.name.split("."))
            ]
        elif isinstance(node, ast.Attribute) and node.attr in private:
            found.append(f"line {node.lineno}: .{node.attr}")
    return found


def test_no_module_outside_the_store_uses_its_private_names() -> None:
    """No import of model.store._x, no `store._apply`-style call, anywhere outside model/store/."""
    private = _private_names()
    bad = {}
    for top in SCANNED:
        for path in (ROOT / top).rglob("*.py"):
            if STORE in path.parents:
                continue
            hits = violations(path.read_text(encoding="utf-8"), private)
            if hits:
                bad[str(path.relative_to(ROOT))] = hits
    assert bad == {}


def test_the_boundary_check_finds_what_it_is_meant_to_find() -> None:
    """The scanner flags each kind of reach-in (so that the test above can fail)."""
    private = _private_names()
    assert {"_tables", "_store", "_connect"} <= private
    source = (
        "from model.store._tables import submissions\n"
        "import model.store._store\n"
        "from model.store import _engine\n"
        "x = store._connect(None)\n"
        "from model.store import Snapshot\n"
    )
    assert len(violations(source, private)) == 4
