"""Source labels: how a row's provenance reads to people, the one definition for pages, charts and exports.

Rows name their source as the seed file plus a section ('004_7abb….txt §1'); people read the document's
title ('「量子未来産業創出戦略」 §1' / 'Quantum Future Industry Creation Strategy §1').
"""

from __future__ import annotations

from model.store import Snapshot, per_snapshot


@per_snapshot
def document_titles(snap: Snapshot) -> dict[str, tuple[str, str]]:
    """Seed file → (title ja, title en), from the sources table."""
    src = snap.table("sources")
    return {str(r.seed_file): (str(r.title_ja), str(r.title_en)) for r in src.itertuples(index=False)}


def source_label(snap: Snapshot, text: str, lang: str) -> str:
    """'004_7abb….txt §1' → '「量子未来産業創出戦略」 §1': seed file names replaced by document titles;
    parts separated by ';' keep their order, each once."""
    titles = document_titles(snap)

    def one(part: str) -> str:
        part = part.strip()
        for seed_file, (ja, en) in titles.items():
            if part.startswith(seed_file):
                rest = part[len(seed_file) :].strip()
                title = en if lang == "en" else f"「{ja}」"
                return f"{title} {rest}".strip()
        return part

    return "; ".join(dict.fromkeys(one(p) for p in str(text).split(";") if p.strip()))
