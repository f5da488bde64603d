"""The README documents every command of `python -m model` and both set-up commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from model.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


def test_every_command_is_in_the_readme() -> None:
    """A new sub-command without a README line fails here."""
    missing = [c for c in _commands() if f"python -m model {c}" not in README]
    assert missing == []
    # init status backup restore kpi round template validate submit history withdraw user structure export
    # publish-data review remind publish password
    assert len(_commands()) == 19


def test_readme_set_up_is_the_two_make_targets() -> None:
    """The set-up section names `make run` and `make test`, and the Makefile defines both."""
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
    assert "make run" in README and "make test" in README
    assert "\nrun:" in makefile and "\ntest:" in makefile
