"""The seed data set says what the seed documents say: counts, tags, exact text, sources, samples."""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd
import pytest

from model.seed import SeedData
from tests.conftest import SEEDS


def _squash(text: str) -> str:
    """Remove what PDF extraction adds or drops: whitespace, line breaks, bold markers."""
    return re.sub(r"\s+|\*\*", "", text)


@pytest.fixture(scope="module")
def seed_text() -> dict[str, str]:
    return {p.name: _squash(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}


def test_strategy_structure_counts(seed: SeedData) -> None:
    """2020: 5 pillars, 14 sub-areas, 18 tagged actions, and 23 reportable rows with ⅰ–ⅳ and ①–③."""
    pillars = seed["pillars"][seed["pillars"]["strategy_id"] == "innovation-2020"]
    areas = seed["areas"][seed["areas"]["pillar_id"].isin(pillars["pillar_id"])]
    actions = seed["actions"][seed["actions"]["area_id"].isin(areas["area_id"])]
    assert len(pillars) == 5
    assert len(areas) == 14
    assert actions["parent_id"].isna().sum() == 18
    assert sorted(actions.loc[actions["parent_id"].notna(), "sub_label"]) == sorted(
        ["ⅰ", "ⅱ", "ⅲ", "ⅳ", "①", "②", "③"]
    )
    assert int(actions["reportable"].sum()) == 23


def test_ministry_tags_match_the_seed(seed: SeedData) -> None:
    """総, 文 and 経 on all 18 tagged actions; 科技 on 15; 外 and 内閣官房 on 3; 知財 on 2."""
    tags = seed["actions"]["ministries_tag"].dropna()
    counts = Counter(part for tag in tags for part in tag.split("、"))
    assert counts == {"総": 18, "文": 18, "経": 18, "科技": 15, "外": 3, "内閣官房": 3, "知財": 2}


def test_every_bullet_is_exact_text_of_seed_002(seed: SeedData, seed_text: dict[str, str]) -> None:
    """Each ○ bullet occurs in the seed once line wrapping is undone."""
    text = seed_text["002_0b8f793090f15519.txt"]
    missing = [b.bullet_id for b in seed["bullets"].itertuples() if _squash(b.text_ja) not in text]
    assert missing == []


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("actions", "title_ja"),
        ("areas", "goal_ja"),
        ("agreement_areas", "text_ja"),
        ("agreements", "summary_ja"),
        ("milestones_status", "evidence_ja"),
    ],
)
def test_quoted_texts_occur_in_their_source(
    seed: SeedData, seed_text: dict[str, str], table: str, column: str
) -> None:
    """Quoted Japanese text is found in the seed file its row cites."""
    df = seed[table]
    src = "evidence_source" if column == "evidence_ja" else "source"
    bad = []
    for row in df.dropna(subset=[column]).itertuples():
        files = [s.strip().split(" ")[0] for s in str(getattr(row, src)).split(";")]
        if not any(_squash(str(getattr(row, column))) in seed_text[f] for f in files):
            bad.append(getattr(row, column)[:30])
    assert bad == []


def test_repeat_bullets_link_to_an_earlier_original(seed: SeedData) -> None:
    """Every （再掲） bullet names the bullet it repeats, and that one is not itself a repeat."""
    b = seed["bullets"].set_index("bullet_id")
    repeats = b[b["is_repeat"].astype(bool)]
    assert len(repeats) >= 10
    assert repeats["repeat_of"].notna().all()
    assert not b.loc[repeats["repeat_of"], "is_repeat"].astype(bool).any()
    assert all("再掲" in t for t in repeats["text_ja"])


def test_headline_targets(seed: SeedData) -> None:
    """10,000,000 users, ¥50 trillion and ≥1 unicorn by 2030 — the last with the caveat noted."""
    g = seed["goals"].set_index("id")
    assert g.loc["H-USERS", "target_value"] == 10_000_000
    assert g.loc["H-PRODUCTION", "target_value"] == 50_000_000_000_000
    assert g.loc["H-UNICORNS", "target_value"] == 1
    assert "no number" in g.loc["H-UNICORNS", "note"] or "数" in g.loc["H-UNICORNS", "note"]
    assert set(g.loc[["H-USERS", "H-PRODUCTION", "H-UNICORNS"], "target_year"]) == {2030}


def test_dated_goals_and_milestones_of_the_seeds(seed: SeedData) -> None:
    """The goals and milestones PRODUCT.md names are there with their deadlines."""
    g = seed["goals"]
    hubs = g[g["metric"] == "hubs"].iloc[0]
    assert (hubs["target_value"], hubs["target_year"], hubs["target_basis"]) == (5, 2024, "FY")
    ventures = g[g["metric"] == "ventures"].iloc[0]
    assert (ventures["target_value"], ventures["target_year"]) == (10, 2029)
    phrases = set(g.loc[g["kind"] == "milestone", "target_text_ja"])
    assert {"2022年度", "2027年度", "2029年度", "令和6年度頃", "令和9年", "令和5年3月"} <= phrases


def test_every_row_cites_a_seed_and_samples_are_marked(seed: SeedData) -> None:
    """Sources name a seed file; the only rows that do not are sample values, flagged and noted."""
    files = set(seed["sources"]["seed_file"])
    for name, df in seed.tables.items():
        if "source" not in df or name == "ministries":
            continue
        for row in df.itertuples():
            cited = {s.strip().split(" ")[0] for s in str(row.source).split(";")}
            if not cited <= files:
                assert name == "kpi_observations" and row.sample, (name, row)
    obs = seed["kpi_observations"]
    samples = obs[obs["sample"].astype(bool)]
    assert set(samples["goal_id"]) == {"H-USERS", "H-PRODUCTION", "H-UNICORNS"}
    assert samples["note"].str.contains("サンプル").all()
    # no sample may show a headline target as met
    targets = seed["goals"].set_index("id")["target_value"]
    assert (samples["value"] < samples["goal_id"].map(targets)).all()


def test_agreements_and_events_from_the_seeds(seed: SeedData) -> None:
    """Seven agreements with their dates; seven MDQ meetings; QI 2025: 27 countries, 968 people."""
    ag = seed["agreements"].set_index("partner_en")["date"]
    assert ag["United Kingdom"] == "2025-04-28"
    assert ag["Singapore"] == "2026-01-09"
    assert ag["Switzerland"] == "2025-10-05"
    assert len(ag) == 7
    ev = seed["events"]
    assert (ev["kind"] == "mdq").sum() == 7
    qi = seed["kpi_observations"].set_index("goal_id")
    assert qi.loc["I-QI-PARTICIPANTS", "value"] == 968
    assert pd.Series(seed["agreement_areas"]["area_code"]).isin(seed["coop_areas"]["code"]).all()
