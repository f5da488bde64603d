"""The follow-up page at scale (#12): 500 added actions × 3 fiscal years × 7 ministries, built once for the
module through the structure upload and the store's write door (bench/scale_store.py). Filters, pages of
actions, full-text search over one year or all, the URL that keeps them; counts checked against the store."""

from __future__ import annotations

import math
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from bench.scale_store import build
from model.auth import add_user, operator
from model.store import Store
from tests.dashboard.apptest import APP, AS_OF, READER, captions, followup_rows

PAGE = "views/followup.py"
FY = 2025


@pytest.fixture(scope="module")
def large_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, pd.DataFrame]]:
    path = tmp_path_factory.mktemp("large") / "large.sqlite3"
    store = Store(f"sqlite:///{path}")
    built = build(store, years=3, ministries=7, actions=500, via="changes", first_fy=2023)
    assert built.years == [2023, 2024, 2025] and built.entries > 3 * 1200
    rows = store.snapshot().followup()  # the store's own rows: what the page must count
    # staff read years in progress (readers who are not logged in see published years only)
    add_user(store, str(READER["name"]), "viewer", password="kibou-no-ryoushi-2030", by=operator())
    store.engine.dispose()
    yield path, rows


@pytest.fixture
def app(large_file: tuple[Path, pd.DataFrame], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    path = tmp_path / "app.sqlite3"
    shutil.copyfile(large_file[0], path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("QF_REQUIRE_LOGIN", raising=False)
    monkeypatch.setenv("QF_SQLITE_PATH", str(path))
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"], at.session_state["as_of"] = "ja", AS_OF
    at.session_state["qf_user"] = dict(READER)
    at.switch_page(PAGE)
    return at


def actions_on_page(at: AppTest) -> int:
    return "\n".join(m.value for m in at.markdown).count("<span id='act-")


def test_a_year_opens_in_pages_of_actions(app: AppTest, large_file: tuple[Path, pd.DataFrame]) -> None:
    """FY2025: every entry counted, 25 actions a page; the last page holds the rest."""
    rows = large_file[1]
    year = rows[rows["fiscal_year"] == FY]
    app.query_params["fy"] = str(FY)
    app.run()
    assert not app.exception, app.exception
    assert f"{len(year)} 件（全 {len(year)} 件中）" in captions(app)
    actions = year["action_id"].nunique()
    pages = math.ceil(actions / 25)
    assert actions > 500 and actions_on_page(app) == 25
    assert f"{pages} ページ中 1 ページ目：取組 1–25（全 {actions} 取組）" in captions(app)
    app.selectbox(key="fu_page").set_value(pages).run()
    assert actions_on_page(app) == actions - 25 * (pages - 1)
    assert app.query_params["page"] == str(pages)


def test_filters_count_what_the_store_holds(app: AppTest, large_file: tuple[Path, pd.DataFrame]) -> None:
    """Ministry and status narrow FY2025 to the store's counts; a new filter returns to page 1."""
    rows = large_file[1]
    year = rows[rows["fiscal_year"] == FY]
    app.query_params["fy"] = str(FY)
    app.run()
    app.selectbox(key="fu_page").set_value(3).run()
    app.selectbox(key="fu_ministry").set_value("METI").run()
    meti = year[year["ministry_code"] == "METI"]
    assert f"{len(meti)} 件（全 {len(year)} 件中）" in captions(app)
    assert app.selectbox(key="fu_page").value == 1
    app.selectbox(key="fu_status").set_value("遅延").run()
    late = meti[meti["status"] == "遅延"]
    assert 0 < len(late) < len(meti)
    assert followup_rows(app) == len(late)
    assert app.query_params["ministry"] == "METI" and app.query_params["status"] == "遅延"


def test_search_one_year_or_every_year(app: AppTest, large_file: tuple[Path, pd.DataFrame]) -> None:
    """A phrase written once a year by MEXT is found once in FY2025 and three times over all years."""
    rows = large_file[1]
    app.query_params["fy"] = str(FY)
    app.run()
    app.text_input(key="fu_query").input("ＭＥＸＴ・第17号").run()  # full-width: matched all the same
    assert followup_rows(app) == 1
    app.selectbox(key="fu_fy").set_value(0).run()  # 全年度
    hits = rows[rows["progress_ja"].str.contains("MEXT・第17号", regex=False)]
    assert len(hits) == 3 and followup_rows(app) == 3
    assert f"3 件（全 {len(rows)} 件中）" in captions(app)


def test_a_shared_link_opens_the_same_view(app: AppTest, large_file: tuple[Path, pd.DataFrame]) -> None:
    """?fy=2025&ministry=MIC&page=2 opens MIC's FY2025 entries on their second page."""
    rows = large_file[1]
    mic = rows[(rows["fiscal_year"] == FY) & (rows["ministry_code"] == "MIC")]
    for key, value in {"fy": str(FY), "ministry": "MIC", "page": "2"}.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    assert app.selectbox(key="fu_ministry").value == "MIC" and app.selectbox(key="fu_page").value == 2
    assert f"{len(mic)} 件（全" in " ".join(captions(app))
    assert actions_on_page(app) == min(25, mic["action_id"].nunique() - 25)
