"""The 2023 strategy as seed 004 §6 prints it: 5 areas, 11 sub-areas, 29 ○ actions with their exact text,
each citing its section; no owner ministries. Checked against the seed file, not the transcription tool."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from model.seed import SeedData
from tests.conftest import SEEDS

SEED_004 = "004_7abb3883c8ff2d47.txt"
HEADING = re.compile(r"^(\(\d\)\s|[①②③]|<.*>$|○)")
FOOTNOTE = re.compile(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def section6() -> list[str]:
    lines = (SEEDS / SEED_004).read_text(encoding="utf-8").splitlines()
    start = lines.index("6. 取組の方向性")
    end = lines.index("7. さいごに")
    return [line.strip() for line in lines[start + 1 : end] if line.strip()]


def _of(seed: SeedData, table: str) -> pd.DataFrame:
    df = seed[table]
    return df[df["source"].str.startswith(SEED_004)].reset_index(drop=True)


def test_the_2023_strategy_has_five_areas_eleven_sub_areas_and_29_actions(seed: SeedData) -> None:
    """Pillars 2301–2305 of strategy industry-2023; (5) has no sub-area; 29 reportable actions, no owners."""
    pillars, areas, actions = _of(seed, "pillars"), _of(seed, "areas"), _of(seed, "actions")
    assert set(pillars["strategy_id"]) == {"industry-2023"} and pillars["no"].tolist() == [1, 2, 3, 4, 5]
    assert int((areas["no"] > 0).sum()) == 11
    assert len(actions) == 29 and actions["reportable"].all()
    assert actions["ministries_tag"].isna().all()
    groups = actions["group_ja"].dropna().tolist()
    assert groups == ["超伝導量子コンピュータ"] * 2 + [
        "その他のゲート方式（イオントラップ、光、シリコン、原子等）"
    ]


def test_every_action_title_is_a_heading_of_its_section(seed: SeedData, section6: list[str]) -> None:
    """Each title is a ○ line of seed 004 §6, in order, under the area and sub-area its source names."""
    titles = [line[1:] for line in section6 if line.startswith("○")]
    actions = _of(seed, "actions")
    assert actions["title_ja"].tolist() == titles
    area, sub = "", ""
    where: dict[str, str] = {}
    for line in section6:
        if m := re.match(r"^\((\d)\)\s", line):
            area, sub = m.group(1), ""
        elif line[0] in "①②③":
            sub = line[0]
        elif line.startswith("○"):
            where[line[1:]] = f"{SEED_004} §6({area}){sub}"
    assert [where[t] for t in actions["title_ja"]] == actions["source"].tolist()


def test_descriptions_are_the_seed_text_exactly(seed: SeedData, section6: list[str]) -> None:
    """Every paragraph (areas' and actions', whitespace normalised) is the seed's: together, in order, they
    are §6 without its headings, its ✓ marks and its footnotes, character for character."""
    body = [
        line.removeprefix("- ✓") for line in section6 if not HEADING.match(line) and not FOOTNOTE.match(line)
    ]
    pillars, actions = _of(seed, "pillars"), _of(seed, "actions")
    actions = actions.assign(pillar=actions["area_id"].str.split("-").str[0].astype(int))
    ours: list[str] = []
    for p in pillars.to_dict("records"):
        if isinstance(p["description_ja"], str):
            ours.append(p["description_ja"])
        ours += actions.loc[actions["pillar"] == p["pillar_id"], "description_ja"].tolist()
    assert _squash("".join(ours)) == _squash("".join(body))
    for text in actions["description_ja"]:
        assert all(part.strip() for part in text.split("\n"))  # no empty paragraph
