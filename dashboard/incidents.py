"""The last line of defence of the screen: an unexpected error shows a short message with an incident
number; the details (type, message, traceback) go to the server's log under that number, never to the page.

Tests of pages set QF_RAISE_ERRORS=1 so that a broken page still fails them (AppTest sees the exception).
"""

from __future__ import annotations

import logging
import os
import uuid

import streamlit as st

from dashboard.state import lang, msg
from model.errors import AppError
from model.text import markdown_text

LOG = logging.getLogger("quantum_followup")


def show_incident(exc: Exception) -> str:
    """Log `exc` under a new incident number; show the reader a short message with it; return the number."""
    if os.environ.get("QF_RAISE_ERRORS") == "1":
        raise exc
    incident = uuid.uuid4().hex[:8]
    LOG.error("incident %s: %s", incident, type(exc).__name__, exc_info=exc)
    known = exc.render(lang()) + " " if isinstance(exc, AppError) else ""
    st.error(markdown_text(known + msg("err.incident", id=incident)), icon=":material/error:")
    return incident
