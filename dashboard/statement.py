"""The accessibility statement's data: the results file the accessibility test records
(docs/accessibility/axe-results.json, written by tests/browser/a11y.py), read and summed per page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

RESULTS = Path(__file__).resolve().parent.parent / "docs" / "accessibility" / "axe-results.json"
FORMAT = 1  # the format this page reads; tests/browser/a11y.py writes the same number
SERIOUS = ("serious", "critical")
_KEYS = ("format", "date", "tool", "tags", "checks")


class ResultsError(ValueError):
    """The results file is missing, unreadable or of another format (the message says which)."""


def load_results(path: Path = RESULTS) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ResultsError("no file") from exc
    except (OSError, ValueError) as exc:
        raise ResultsError(f"not JSON ({exc})") from exc
    if not isinstance(data, dict) or any(k not in data for k in _KEYS):
        raise ResultsError(f"missing keys: {', '.join(k for k in _KEYS if k not in data)}")
    if data["format"] != FORMAT:
        raise ResultsError(f"format {data['format']!r}, expected {FORMAT}")
    return data


def per_page(data: dict[str, Any], lang: str = "ja") -> pd.DataFrame:
    """One row per page: its title (as the sidebar showed it in `lang`), the checks made (roles, languages,
    widths), the nodes of serious or critical impact, and the moderate/minor rules with their node counts."""
    rows = []
    for check in data["checks"]:
        for v in check["violations"] or [{}]:
            rows.append(
                {
                    "page": check["page"],
                    "title": check["title"],
                    "role": check["role"],
                    "lang": check["lang"],
                    "width": int(check["width"]),
                    "check": (check["role"], check["lang"], check["width"]),
                    "id": v.get("id"),
                    "impact": v.get("impact"),
                    "nodes": int(v.get("nodes", 0)),
                }
            )
    df = pd.DataFrame(rows)
    out = []
    for page, part in df.groupby("page", sort=False):
        serious = part[part["impact"].isin(SERIOUS)]
        other = part[part["id"].notna() & ~part["impact"].isin(SERIOUS)]
        other_rules = other.groupby("id")["nodes"].sum().sort_index()
        out.append(
            {
                "page": page,
                "title": (part[part["lang"] == lang] if (part["lang"] == lang).any() else part)["title"].iloc[
                    0
                ],
                "checks": part["check"].nunique(),
                "roles": list(dict.fromkeys(part["role"])),
                "langs": list(dict.fromkeys(part["lang"])),
                "widths": sorted(set(part["width"]), reverse=True),
                "serious": int(serious["nodes"].sum()),
                "other": {str(k): int(n) for k, n in other_rules.items()},
            }
        )
    return pd.DataFrame(out)


def rule_help(data: dict[str, Any]) -> dict[str, str]:
    """Rule id → axe's one-line help, for the moderate/minor rules found."""
    found: dict[str, str] = {}
    for check in data["checks"]:
        for v in check["violations"]:
            if v["impact"] not in SERIOUS:
                found.setdefault(v["id"], v["help"])
    return dict(sorted(found.items()))
