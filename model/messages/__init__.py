"""The message catalogue: every user-facing sentence, in Japanese and English, keyed by id.

Pages (screen labels included), the command line, charts, exports and validation reports all render text
through `t()` (the dashboard through `tr()`/`msg()` in dashboard/state.py), so a wording is changed in one
place and the English switch covers everything.

The text is kept in one module per section; they merge into the one `CATALOGUE`, and an id defined in
two sections stops the import (ruff's F601 catches an id repeated inside one section).
tests/model/test_messages.py checks that every id has both texts with the same placeholders, that every
id the code uses exists, and that no id is unused.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from model.messages._core import MESSAGES as _CORE
from model.messages._exports import MESSAGES as _EXPORTS
from model.messages._intake import MESSAGES as _INTAKE
from model.messages._limits import MESSAGES as _LIMITS
from model.messages._opendata import MESSAGES as _OPENDATA
from model.messages._publication import MESSAGES as _PUBLICATION
from model.messages._reminders import MESSAGES as _REMINDERS
from model.messages._reporting import MESSAGES as _REPORTING
from model.messages._review import MESSAGES as _REVIEW
from model.messages._scale import MESSAGES as _SCALE
from model.messages._screen import MESSAGES as _SCREEN
from model.messages._sessions import MESSAGES as _SESSIONS
from model.messages._structure import MESSAGES as _STRUCTURE
from model.messages._views import MESSAGES as _VIEWS

# section name → its messages, in the order they merge
SECTIONS: dict[str, Mapping[str, tuple[str, str]]] = {
    "core": _CORE,  # command line, store, statuses and kinds
    "screen": _SCREEN,  # screen labels of the review pages (dashboard `tr()`)
    "views": _VIEWS,  # charts, milestone statuses, agreement and event kinds
    "reporting": _REPORTING,  # templates, upload checks, rounds, users and the reporting pages
    "exports": _EXPORTS,  # briefing deck, published table, chart files and the exports page
    "intake": _INTAKE,  # the intake rule for text: refused characters, lengths (model/text.py)
    "review": _REVIEW,  # the review states of entries, returns and acceptances (model/reporting/review.py)
    "structure": _STRUCTURE,  # strategies' structure and the secretariat's edits (model/structure_edits.py)
    "opendata": _OPENDATA,  # the open-data bundle: errors, package titles, the 項目定義 (model/opendata/)
    "publication": _PUBLICATION,  # publication and the 暫定 mark (model/reporting/publication.py)
    "reminders": _REMINDERS,  # deadlines in open days, receipt numbers, reminders by e-mail (rm.*)
    "scale": _SCALE,  # the follow-up page at scale: pages of actions, view switch, URL filters (#12)
    "sessions": _SESSIONS,  # login sessions, idle warning, password change and reset (model/sessions.py)
    "limits": _LIMITS,  # parse limits (memory, time, turns) and the issued-template record
}


def merge_sections(sections: Mapping[str, Mapping[str, tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    """One mapping id → (ja, en) from the sections; an id defined in two sections raises RuntimeError."""
    catalogue: dict[str, tuple[str, str]] = {}
    for name, part in sections.items():
        clash = catalogue.keys() & part.keys()
        if clash:
            raise RuntimeError(f"message ids defined twice (section {name!r}): {sorted(clash)}")
        catalogue.update(part)
    return catalogue


CATALOGUE: dict[str, tuple[str, str]] = merge_sections(SECTIONS)


def t(msg_id: str, lang: str = "ja", **params: Any) -> str:
    """Render message `msg_id` in `lang` ("ja" or "en"); unknown ids render as the id itself."""
    pair = CATALOGUE.get(msg_id)
    if pair is None:
        return msg_id
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**params) if params else text
