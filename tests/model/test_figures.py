"""Every chart carries its title, legend, source line, as-of date and, where samples are drawn, the mark."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import pytest

from model.figures import CHARTS, FONT_FAMILY, build_chart, goal_trajectory, source_label
from model.store import ChangeSet, Store

AS_OF = dt.date(2026, 3, 31)


def _annotation(fig: go.Figure, name: str) -> str | None:
    for a in fig.layout.annotations:
        if a.name == name:
            return str(a.text)
    return None


def test_registry_has_about_twelve_charts_with_ascii_slugs() -> None:
    """The deck benchmark uses 12 charts: the registry offers at least that many, named by ascii slugs."""
    assert len(CHARTS) >= 12
    assert all(name.isascii() and name == spec.name for name, spec in CHARTS.items())
    assert {"headline-users", "headline-production", "headline-unicorns"} <= set(CHARTS)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_carries_title_source_and_as_of(sqlite_store: Store, name: str, lang: str) -> None:
    """Title, source line and as-of date are inside the figure, in the chosen language, at export size."""
    fig = build_chart(name, sqlite_store.snapshot(), lang, AS_OF)
    assert fig.layout.title.text
    source = _annotation(fig, "source")
    assert source is not None and source.startswith("出典：" if lang == "ja" else "Source: ")
    as_of = _annotation(fig, "as_of")
    assert as_of == ("2026年3月31日時点" if lang == "ja" else "As of 31 Mar 2026")
    assert fig.layout.font.family == FONT_FAMILY
    assert (fig.layout.width, fig.layout.height >= 560) == (1000, True)
    assert fig.layout.meta["chart"] == name
    assert len(fig.data) >= 1


@pytest.mark.parametrize("name", ["headline-users", "headline-production", "headline-unicorns"])
def test_headline_trajectories_draw_actuals_path_projection_target_and_sample_mark(
    sqlite_store: Store, name: str
) -> None:
    """A headline chart has four traces and, its actuals being samples, the サンプル mark."""
    fig = build_chart(name, sqlite_store.snapshot(), "ja", AS_OF)
    names = [tr.name for tr in fig.data]
    assert names[:3] == ["実績（サンプル）", "目標達成に必要な経路", "現状の伸びによる見通し"]
    assert names[3].startswith("目標（")
    assert "サンプル" in (_annotation(fig, "sample") or "")
    assert fig.layout.meta["sample"] is True


def test_users_trajectory_values_are_shown_in_man_persons(sqlite_store: Store) -> None:
    """The users chart plots 万人 in Japanese (1,500,000 → 150) and millions in English (→ 1.5)."""
    ja = build_chart("headline-users", sqlite_store.snapshot(), "ja", AS_OF)
    en = build_chart("headline-users", sqlite_store.snapshot(), "en", AS_OF)
    assert list(ja.data[0].y) == [30.0, 60.0, 100.0, 150.0]
    assert list(en.data[0].y) == [0.3, 0.6, 1.0, 1.5]
    assert ja.data[3].y[0] == 1000.0


def test_chart_without_samples_has_no_sample_mark(sqlite_store: Store) -> None:
    """The agreements timeline draws only seed facts: no サンプル mark."""
    fig = build_chart("agreements-timeline", sqlite_store.snapshot(), "ja", AS_OF)
    assert _annotation(fig, "sample") is None
    assert sum(len(tr.x) for tr in fig.data) == 7


def test_as_of_date_hides_later_agreements(sqlite_store: Store) -> None:
    """As of 2025-03-31 only the US (2019) and Denmark (2025-01) agreements are drawn."""
    fig = build_chart("agreements-timeline", sqlite_store.snapshot(), "en", dt.date(2025, 3, 31))
    partners = [y for tr in fig.data for y in tr.y]
    assert sorted(partners) == ["Denmark", "United States"]


def test_pillar_status_counts_seed_entries_as_not_set(sqlite_store: Store) -> None:
    """FY2020 seed text has no status: all 23 entries count as 未設定, by pillar."""
    fig = build_chart("followup-status-pillar", sqlite_store.snapshot(), "ja", AS_OF)
    by_name = {tr.name: list(tr.y) for tr in fig.data}
    assert sum(by_name["未設定"]) == 23
    assert by_name["未設定"] == [13, 2, 3, 2, 3]
    assert sum(by_name["順調"]) == 0
    assert "（2020年度）" in fig.layout.title.text


def test_pillar_status_counts_ministry_statuses(sqlite_store: Store) -> None:
    """Statuses submitted for FY2021 appear in their own stacked trace."""
    sqlite_store.submit(
        ChangeSet(
            "upload",
            "mext-user",
            "MEXT",
            2021,
            followup=[
                {"action_id": "1-1-01", "fiscal_year": 2021, "ministry_code": "MEXT", "status": "順調"},
                {"action_id": "5-1-01", "fiscal_year": 2021, "ministry_code": "MEXT", "status": "遅延"},
            ],
        )
    )
    fig = build_chart("followup-status-pillar", sqlite_store.snapshot(), "en", dt.date(2022, 3, 31))
    by_name = {tr.name: list(tr.y) for tr in fig.data}
    assert by_name["On schedule"] == [1, 0, 0, 0, 0]
    assert by_name["Delayed"] == [0, 0, 0, 0, 1]


def test_empty_fiscal_year_gives_an_empty_state_not_an_error(sqlite_store: Store) -> None:
    """Before any follow-up year has started the chart says so in the middle of the figure."""
    fig = build_chart("followup-status-pillar", sqlite_store.snapshot(), "ja", dt.date(2020, 1, 1))
    assert "登録されていません" in (_annotation(fig, "empty") or "")


def test_completeness_shows_every_owner_missing_for_the_collection_year(sqlite_store: Store) -> None:
    """With no round open, the year collected is FY2021; no ministry has reported yet."""
    fig = build_chart("reporting-completeness", sqlite_store.snapshot(), "ja", AS_OF)
    reported, missing = fig.data
    assert (reported.name, missing.name) == ("報告済み", "未報告")
    assert sum(reported.x) == 0
    assert sum(missing.x) == 23 * 3 + 20 + 3 + 3 + 2  # 総/文/経 23 each, 科技 20, 外 3, 内閣官房 3, 知財 2


def test_frameworks_chart_marks_the_fy2024_deadline(sqlite_store: Store) -> None:
    """G-2-1's deadline is the end of FY2024; by then the US, Denmark, MDQ and QDG frameworks existed."""
    fig = build_chart("frameworks-vs-goal", sqlite_store.snapshot(), "ja", AS_OF)
    text = _annotation(fig, "deadline") or ""
    assert "2024年度末" in text and "4 件" in text


def test_goal_trajectory_of_a_count_goal(sqlite_store: Store) -> None:
    """Any goal can be charted: the hubs goal (≥5) shows its one observation and the target."""
    fig = goal_trajectory(sqlite_store.snapshot(), "G-3-1", "en", AS_OF)
    assert fig.data[0].y[0] == 8
    assert fig.data[-1].name.startswith("Target (5")


def test_source_label_names_documents_not_files(sqlite_store: Store) -> None:
    """Seed file names in a source are replaced by the document's title."""
    text = source_label(sqlite_store.snapshot(), "004_7abb3883c8ff2d47.txt §1", "ja")
    assert text == "「量子未来産業創出戦略」 §1"
    assert source_label(sqlite_store.snapshot(), "004_7abb3883c8ff2d47.txt §1", "en").startswith(
        "Quantum Future"
    )


def test_unknown_chart_name_raises_key_error(sqlite_store: Store) -> None:
    """A wrong name says which names exist."""
    with pytest.raises(KeyError, match="headline-users"):
        build_chart("nope", sqlite_store.snapshot())


def test_a_chart_is_the_same_with_streamlit_imported(sqlite_store: Store) -> None:
    """Importing streamlit changes plotly's default template; charts name theirs, so the page's chart
    is the deck's and the command line's."""
    import plotly.io as pio
    import streamlit  # noqa: F401 — registers and selects its own plotly template

    assert pio.templates.default != "plotly"
    fig = build_chart("kpi-progress", sqlite_store.snapshot(), "ja", dt.date(2026, 3, 31))
    assert fig.layout.template == pio.templates["plotly"]
