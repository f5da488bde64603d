"""The ministry vocabulary: seed tag (文) ↔ full name (文部科学省) ↔ English ↔ ASCII code (MEXT).

The vocabulary itself is data (the `ministries` sheet of data/progress.xlsx, then the store's
`ministries` table): a ministry joining the strategy is one more row, not a code change.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pandas as pd

from model.errors import AppError

# Seed 002 separates the tags inside 【…】 with the Japanese comma; ministries sometimes type others.
_TAG_SPLIT = re.compile(r"[、,，・/／\s]+")


@dataclass(frozen=True)
class Ministry:
    code: str  # ASCII, stable identifier used in ids, file names and the command line
    tag: str  # as printed inside 【…】 in the follow-up table
    name_ja: str
    name_en: str
    short_en: str

    def label(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_ja


class MinistryRegistry:
    """Looks ministries up by any of their names; built from the `ministries` table."""

    def __init__(self, ministries: Iterable[Ministry]) -> None:
        self._by_code: dict[str, Ministry] = {}
        self._lookup: dict[str, Ministry] = {}
        for m in ministries:
            self._by_code[m.code] = m
            for key in (m.code, m.tag, m.name_ja, m.name_en, m.short_en):
                self._lookup[_norm(key)] = m

    @classmethod
    def from_frame(cls, df: pd.DataFrame) -> MinistryRegistry:
        return cls(
            Ministry(
                code=str(r.code),
                tag=str(r.tag),
                name_ja=str(r.name_ja),
                name_en=str(r.name_en),
                short_en=str(r.short_en),
            )
            for r in df.itertuples(index=False)
        )

    def __iter__(self) -> Iterator[Ministry]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    @property
    def codes(self) -> list[str]:
        return list(self._by_code)

    def get(self, text: str) -> Ministry:
        """Resolve a tag, code or name (any case, full- or half-width); AppError when unknown."""
        found = self._lookup.get(_norm(text))
        if found is None:
            known = ", ".join(f"{m.tag}={m.code}" for m in self)
            raise AppError("err.unknown_ministry", text=text, known=known)
        return found

    def parse_tags(self, tag_text: str) -> list[Ministry]:
        """Split the content of a 【…】 tag ("科技、総、文、経") into ministries, in printed order."""
        inner = tag_text.strip().strip("【】")
        return [self.get(part) for part in _TAG_SPLIT.split(inner) if part]


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().casefold()
