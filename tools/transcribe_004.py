"""Transcribe seed 004 §6 (量子未来産業創出戦略, 取組の方向性) into data/progress.xlsx: a one-off tool,
kept so the transcription can be redone and reviewed. It writes the 2023 strategy's five areas
(pillars 2301–2305),
their sub-areas ①–③ (areas 2301-1 …; (5) has none, so its actions sit in area 2305-0 named as the area),
the <…> groups of (2)① (actions.group_ja) and the 29 ○ actions (2301-1-01 …) with their paragraphs as
`description_ja` (one paragraph per line, the ✓ marks dropped).

Paragraphs split by a page break (the PDF's blank line, with the page's footnotes between) are joined with no
space; footnote lines (³ …) are not part of any paragraph; the footnote marks inside the text are kept as
printed. Owners are not named in the seed: `ministries_tag` stays empty. `tests/model/test_strategies_seed.py`
checks the result against the seed independently.

    python tools/transcribe_004.py [--write]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "data" / "seeds" / "004_7abb3883c8ff2d47.txt"
FILE = SEED.name
STRATEGY = "industry-2023"
FOOTNOTE = re.compile(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s")
AREA = re.compile(r"^\((\d)\)\s*(.+)$")
SUB = "①②③④⑤"


@dataclass
class Node:
    label: str
    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Action(Node):
    group: str | None = None


@dataclass
class Sub(Node):
    actions: list[Action] = field(default_factory=list)


@dataclass
class Area(Node):
    subs: list[Sub] = field(default_factory=list)


def section6_lines() -> list[str]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "6. 取組の方向性")
    end = next(i for i, line in enumerate(lines) if line.strip() == "7. さいごに")
    return [line.strip() for line in lines[start + 1 : end]]


def parse() -> list[Area]:
    areas: list[Area] = []
    node: Node | None = None
    group: str | None = None
    for line in section6_lines():
        if not line or FOOTNOTE.match(line):
            continue
        if m := AREA.match(line):
            node = Area(m.group(1), m.group(2))
            areas.append(node)
            group = None
        elif line[0] in SUB:
            node = Sub(line[0], line[1:].strip())
            areas[-1].subs.append(node)
            group = None
        elif line.startswith("<") and line.endswith(">"):
            group = line[1:-1]
        elif line.startswith("○"):
            area = areas[-1]
            if not area.subs:  # (5) has no sub-areas: its actions sit under the area itself
                area.subs.append(Sub("", area.title))
            node = Action("", line[1:].strip(), group=group)
            area.subs[-1].actions.append(node)
        else:
            assert node is not None, line
            text = line[len("- ✓") :].strip() if line.startswith("- ✓") else line
            starts_new = line.startswith("- ✓") or not node.paragraphs or node.paragraphs[-1].endswith("。")
            if starts_new:
                node.paragraphs.append(text)
            else:  # the rest of a paragraph a page break cut
                node.paragraphs[-1] += text
    return areas


Rows = list[dict[str, object]]


def rows(areas: list[Area]) -> tuple[Rows, Rows, Rows]:
    pillars, subs, actions = [], [], []
    for area in areas:
        pid = 2300 + int(area.label)
        pillars.append(
            {
                "pillar_id": pid,
                "strategy_id": STRATEGY,
                "no": int(area.label),
                "name_ja": area.title,
                "description_ja": "\n".join(area.paragraphs) or None,
                "source": f"{FILE} §6({area.label})",
            }
        )
        for sub in area.subs:
            no = SUB.index(sub.label) + 1 if sub.label else 0
            area_id = f"{pid}-{no}"
            section = f"§6({area.label}){sub.label}"
            subs.append(
                {
                    "area_id": area_id,
                    "pillar_id": pid,
                    "no": no,
                    "name_ja": sub.title,
                    "source": f"{FILE} {section}",
                }
            )
            for i, action in enumerate(sub.actions, start=1):
                actions.append(
                    {
                        "action_id": f"{area_id}-{i:02d}",
                        "area_id": area_id,
                        "group_ja": action.group,
                        "title_ja": action.title,
                        "description_ja": "\n".join(action.paragraphs),
                        "reportable": True,
                        "source": f"{FILE} {section}",
                    }
                )
    return pillars, subs, actions


# English names of the areas and sub-areas: translations (the seed is Japanese only), like the 2020 ones.
NAMES_EN = {
    "2301": "Quantum computers (software, usage environment, etc.)",
    "2302": "Quantum computers (hardware, foundational technologies, etc.)",
    "2303": "Quantum security and networks",
    "2304": "Quantum metrology and sensing / quantum materials",
    "2305": "Innovation base",
    "2301-1": "Creating and promoting user industries",
    "2301-2": "Promoting the software industry",
    "2301-3": "Quantum computer environments for software development",
    "2302-1": "Quantum computers (gate type)",
    "2302-2": "Quantum computers (annealing type)",
    "2302-3": "Common foundational technologies",
    "2303-1": "Promoting the quantum security and network industry",
    "2303-2": "Usage environment and wider demonstrations of quantum security and networks",
    "2303-3": "Advancing quantum security and networks",
    "2304-1": "Promoting the quantum metrology and sensing industry",
    "2304-2": "Promoting the quantum materials industry",
    "2305-0": "Innovation base",
}


def write(pillars: Rows, subs: Rows, actions: Rows) -> None:
    """Append the 2023 rows to data/progress.xlsx (rows of the 2023 strategy already there are replaced)."""
    import openpyxl

    path = SEED.parents[1] / "progress.xlsx"
    wb = openpyxl.load_workbook(path)
    for name, new in (("pillars", pillars), ("areas", subs), ("actions", actions)):
        ws = wb[name]
        header = [c.value for c in ws[1]]
        for row in new:
            key = str(row.get("action_id") or row.get("area_id") or row["pillar_id"])
            row.setdefault("name_en", NAMES_EN.get(key))
            for col in row:
                if col not in header and col != "name_en":
                    raise SystemExit(f"sheet {name} has no column {col}")
        keep = [r for r in ws.iter_rows(min_row=2, values_only=True) if not str(r[-1] or "").startswith(FILE)]
        ws.delete_rows(2, ws.max_row)
        for r in keep:
            ws.append(list(r))
        for row in new:
            ws.append([row.get(col) for col in header])
    wb.save(path)


if __name__ == "__main__":
    p, s, a = rows(parse())
    print(f"{len(p)} areas, {len(s)} sub-areas, {len(a)} actions")
    for row in a:
        paragraphs = len(str(row["description_ja"]).split("\n"))
        print(row["action_id"], row["group_ja"] or "", row["title_ja"], paragraphs)
    if "--write" in sys.argv:
        write(p, s, a)
