"""KPI status on the screen: the effective status, marked when it is the secretariat's assessment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import state, ui
from dashboard.auth import current_user
from dashboard.state import msg
from model.errors import AppError
from model.goals import override_history, set_override
from model.kpi import STATUSES
from model.text import markdown_text


def status_badges(row: Mapping[Any, Any]) -> None:
    """The effective status badge; beside it the secretariat's mark and the computed status when the
    secretariat's assessment replaced it; and the サンプル badge for sample values."""
    with st.container(horizontal=True):
        ui.status_badge("kpi", str(row["status"]))
        if isinstance(row.get("override_status"), str):
            st.badge(msg("status.override_mark"), color="violet", icon=":material/gavel:")
            st.caption(msg("status.computed", status=msg(f"status.{row['computed_status']}")))
        if row.get("sample"):
            ui.sample_badge()


def override_form(goal_id: str, row: Mapping[Any, Any]) -> None:
    """The secretariat's status for a goal: set it with a reason, or clear it; its history (who, when,
    why). Shown to the secretariat only; model.goals.set_override refuses anyone else regardless."""
    user = current_user()
    if user is None or not user.is_secretariat:
        return
    history = override_history(state.snapshot(), goal_id)
    with st.expander(msg("kpi.override.title"), icon=":material/gavel:"):
        with st.form(f"override_{goal_id}"):
            current = row.get("override_status")
            options = list(STATUSES)
            status = st.selectbox(
                msg("kpi.override.status"),
                options,
                index=options.index(current)
                if isinstance(current, str)
                else options.index(row["computed_status"]),
                format_func=lambda s: msg(f"status.{s}"),
                key=f"override_status_{goal_id}",
            )
            reason = st.text_area(msg("kpi.override.reason"), key=f"override_reason_{goal_id}")
            c1, c2 = st.columns(2)
            do_set = c1.form_submit_button(msg("kpi.override.set"), type="primary")
            do_clear = c2.form_submit_button(msg("kpi.override.clear"), disabled=not isinstance(current, str))
            if do_set or do_clear:
                try:
                    set_override(state.store(), user, goal_id, None if do_clear else str(status), reason)
                except AppError as err:
                    st.error(markdown_text(err.render(state.lang())))
                else:
                    state.after_write()
                    st.success(
                        msg("kpi.override.cleared" if do_clear else "kpi.override.saved", goal=goal_id)
                    )
        if not history.empty:
            st.dataframe(
                ui.plain_frame(
                    pd.DataFrame(
                        {
                            msg("kpi.override.col.status"): [
                                msg(f"status.{s}") if isinstance(s, str) else msg("kpi.override.none")
                                for s in history["status"]
                            ],
                            msg("kpi.override.reason"): history["reason"].fillna(""),
                            msg("ui.col.user"): history["user_name"],
                            msg("ui.col.time"): [ui.timestamp_label(x) for x in history["created_at"]],
                        }
                    )
                ),
                hide_index=True,
                width="stretch",
                key=f"override_history_{goal_id}",
            )
