"""Numbers as readers expect them: 万人 / 兆円 in Japanese, million / trillion in English."""

from __future__ import annotations

import math

_JA_UNITS = {"persons": "人", "yen": "円", "count": "件", "qubits": "量子ビット", "ratio": "倍"}
_EN_UNITS = {"persons": "persons", "yen": "yen", "count": "", "qubits": "qubits", "ratio": "×"}


def _trim(x: float, digits: int = 1) -> str:
    text = f"{x:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def unit_label(unit: str, lang: str = "ja") -> str:
    """A unit as readers write it: count → 件, qubits → 量子ビット (English: the word, or "" for a count)."""
    if unit == "events_per_year":
        return "events a year" if lang == "en" else "回／年"
    if lang == "en":
        return _EN_UNITS.get(unit, unit)
    return _JA_UNITS.get(unit, "" if unit == "text" else unit)


def format_value(value: float | None, unit: str = "", lang: str = "ja") -> str:
    """1_500_000 persons → "150万人" / "1.5 million persons"; 4.3e12 yen → "4.3兆円" / "¥4.3 trillion"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    v = float(value)
    if lang == "en":
        if unit == "yen":
            for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
                if abs(v) >= size:
                    return f"¥{_trim(v / size)} {word}"
            return f"¥{_trim(v, 0)}"
        suffix = _EN_UNITS.get(unit, unit)
        for size, word in ((1e9, "billion"), (1e6, "million")):
            if abs(v) >= size:
                return f"{_trim(v / size)} {word} {suffix}".strip()
        return f"{_trim(v)} {suffix}".strip()
    suffix = _JA_UNITS.get(unit, "" if unit in ("text", "events_per_year") else unit)
    for size, word in ((1e12, "兆"), (1e8, "億"), (1e4, "万")):
        if abs(v) >= size:
            return f"{_trim(v / size)}{word}{suffix}"
    return f"{_trim(v)}{suffix}"


def format_pct(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:,.1f}%"
