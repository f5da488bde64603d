"""Pages of a long list (the follow-up table, the year-over-year compare): a page chooser that returns to
the first page when what is listed changes, and the caption saying which part is shown."""

from __future__ import annotations

from collections.abc import Hashable

import streamlit as st

from dashboard.state import msg


def page_chooser(total: int, per_page: int, key: str, listing: Hashable) -> tuple[int, int]:
    """A selectbox of the pages of `total` items (`key` holds the page number; a value put there before,
    e.g. from the URL, is kept when valid); back to page 1 when `listing` (what the filters select)
    changes. Returns (first item index, page number)."""
    pages = max(1, -(-total // per_page))
    seen = f"{key}_listing"
    if st.session_state.get(seen) not in (None, listing):
        st.session_state[key] = 1
    st.session_state[seen] = listing
    labels = {n: msg("fux.page_of", page=n, pages=pages) for n in range(1, pages + 1)}
    if st.session_state.get(key) not in labels:
        st.session_state[key] = 1
    page = int(st.selectbox(msg("fux.page"), list(labels), key=key, format_func=labels.__getitem__))
    first = (page - 1) * per_page
    last = min(total, first + per_page)
    st.caption(msg("fux.range", page=page, pages=pages, first=first + 1, last=last, actions=total))
    return first, page
