"""Errors that reach a user carry a message id from the catalogue, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from model.messages import t


@dataclass(frozen=True)
class Msg:
    """A parameter that is itself a catalogue message, rendered in the error's language."""

    msg_id: str


class AppError(Exception):
    """An error a user can act on: rendered from the message catalogue in either language."""

    def __init__(self, msg_id: str, **params: Any) -> None:
        self.msg_id = msg_id
        self.params = params
        super().__init__(self.render("en"))

    def render(self, lang: str = "ja") -> str:
        params = {k: t(v.msg_id, lang) if isinstance(v, Msg) else v for k, v in self.params.items()}
        return t(self.msg_id, lang, **params)


# The store can be read but not written: a full disk, a read-only file or database.
WRITE_FAULTS = ("err.db_full", "err.db_readonly")


@contextmanager
def unless_unwritable() -> Iterator[None]:
    """Go on when a write fails because the store cannot be written (WRITE_FAULTS): for writes that
    reading can do without (a session's `last_seen`, the start-up check of the schema). Others pass."""
    try:
        yield
    except AppError as err:
        if err.msg_id not in WRITE_FAULTS:
            raise
