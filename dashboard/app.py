"""Router: language switch, navigation. Pages live in dashboard/views/."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root where model/ lives.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboard.state import tr  # noqa: E402

st.set_page_config(page_title="量子戦略フォローアップ", page_icon=":material/insights:", layout="wide")

with st.sidebar:
    st.radio(
        "言語 / Language",
        options=["ja", "en"],
        format_func=lambda v: "日本語" if v == "ja" else "English",
        key="lang",
        horizontal=True,
    )

pages = [
    st.Page("views/kpi.py", title=tr("page.kpi"), icon=":material/monitoring:", url_path="kpi", default=True),
]
st.navigation(pages).run()
