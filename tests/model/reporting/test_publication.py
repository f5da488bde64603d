"""Publication (公表): a fiscal year publishes once every row is 確定; it pins a version, and what readers who
are not logged in see of the year stays that version whatever is submitted later. SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest
from pptx import Presentation

from model import strategy
from model.auth import User, operator
from model.errors import AppError
from model.exports.deck import build_deck
from model.exports.followup_table import to_xlsx
from model.figures import build_chart
from model.opendata import build_bundle
from model.reporting.publication import (
    is_provisional,
    pins,
    publications,
    publish,
    published_view,
    year_state,
)
from model.reporting.review import Decision, decide, entry_states
from model.store import Store
from tests.conftest import report_and_accept_all, submit_followup

SEC = operator()
FY = 2021


def _public_text(store: Store, fy: int, action: str, code: str) -> str | None:
    view = published_view(store.snapshot()).followup(fy)
    hit = view[(view["action_id"] == action) & (view["ministry_code"] == code)]
    return None if hit.empty else str(hit["progress_ja"].iloc[0])


def test_publication_pins_a_version_and_later_submissions_stay_private(store: Store) -> None:
    snap = store.snapshot()
    assert pins(snap) == {2020: 1} and year_state(snap, 2020) == "published"  # the seed's year is public
    assert year_state(snap, FY) == "provisional" and is_provisional(snap, FY)
    report_and_accept_all(store, FY)
    assert _public_text(store, FY, "2-1-01", "MOFA") is None  # accepted but not published: not public
    assert published_view(store.snapshot()).followup(FY).empty

    before = store.version()
    done = publish(store, SEC, FY, "第1回公表")
    assert done.pinned_version == before and done.version == before + 1
    snap = store.snapshot()
    assert year_state(snap, FY) == "published" and not is_provisional(snap, FY)
    public = published_view(snap).followup(FY)
    assert len(public) == len(entry_states(snap, FY))
    assert _public_text(store, FY, "2-1-01", "MOFA") == "○取組を進めた。（MOFA）"

    # A correction after publication: staff see it (暫定 again), the public still sees the published text.
    submit_followup(store, "MOFA", FY, [("2-1-01", "順調", "○協力覚書を2件締結した。")])
    snap = store.snapshot()
    assert year_state(snap, FY) == "changed" and is_provisional(snap, FY)
    assert _public_text(store, FY, "2-1-01", "MOFA") == "○取組を進めた。（MOFA）"
    current = snap.followup(FY)
    assert (
        current.loc[(current["action_id"] == "2-1-01") & (current["ministry_code"] == "MOFA"), "progress_ja"]
    ).tolist() == ["○協力覚書を2件締結した。"]

    # Re-publishing needs the corrected row 確定 again; then the public sees the correction; both kept.
    with pytest.raises(AppError) as err:
        publish(store, SEC, FY)
    assert err.value.msg_id == "err.pub.not_accepted" and err.value.params["n"] == 1
    decide(store, SEC, FY, "accepted", [Decision("2-1-01", "MOFA")])
    publish(store, SEC, FY, "訂正")
    assert _public_text(store, FY, "2-1-01", "MOFA") == "○協力覚書を2件締結した。"
    pubs = publications(store.snapshot())
    assert pubs[pubs["fiscal_year"] == FY]["note"].tolist() == ["第1回公表", "訂正"]


def test_publish_is_refused_until_every_row_is_accepted_and_changes_nothing(store: Store) -> None:
    owed = entry_states(store.snapshot(), FY)
    n = len(owed)
    submit_followup(store, "MOFA", FY, [("2-1-01", "順調", "○協力を進めた。")])
    version = store.version()
    with pytest.raises(AppError) as err:
        publish(store, SEC, FY)
    assert err.value.msg_id == "err.pub.not_accepted" and err.value.params == {"fy": FY, "n": n, "total": n}
    with pytest.raises(AppError) as empty:
        publish(store, SEC, 2019)
    assert empty.value.msg_id == "err.pub.empty"
    with pytest.raises(AppError) as same:
        publish(store, SEC, 2020)  # the seed's year, unchanged since
    assert same.value.msg_id == "err.pub.unchanged"
    assert store.version() == version and pins(store.snapshot()) == {2020: 1}


@pytest.mark.parametrize("user", [User("m", "editor", "MOFA"), User("v", "viewer")])
def test_only_the_secretariat_publishes(store: Store, user: User) -> None:
    report_and_accept_all(store, FY)
    version = store.version()
    with pytest.raises(AppError) as err:
        publish(store, user, FY)
    assert err.value.msg_id == "err.auth.secretariat_only"
    assert store.version() == version and FY not in pins(store.snapshot())


def test_the_public_view_keeps_each_year_at_its_own_pin(store: Store) -> None:
    """FY2021 published, FY2022 reported later and not published: the public view has 2020 and 2021 only,
    KPI values and structure edits as of the newest pin."""
    report_and_accept_all(store, FY)
    publish(store, SEC, FY)
    owners_2022 = strategy.owners(store.snapshot(), 2022)
    code = str(owners_2022["ministry_code"].iloc[0])
    action = str(owners_2022["action_id"].iloc[0])
    submit_followup(store, code, 2022, [(action, "順調", "○2022年度の取組。")])
    view = published_view(store.snapshot())
    assert sorted(view.followup()["fiscal_year"].unique().tolist()) == [2020, 2021]
    assert view.version == pins(store.snapshot())[FY]
    assert store.snapshot().followup(2022).shape[0] == 1


def _marks(store: Store, fy: int) -> tuple[int, int, str, bool]:
    """(slides, slides with the 暫定 mark, the published table's title, the chart's mark) for `fy`; the
    open-data package says the same."""
    snap = store.snapshot()
    package = json.loads(build_bundle(snap, fy).files["datapackage.json"])
    assert package["provisional"] is is_provisional(snap, fy)
    assert package["title"].startswith("【暫定・取扱注意】") is is_provisional(snap, fy)
    deck = Presentation(io.BytesIO(build_deck(snap, fiscal_year=fy, lang="ja", charts=[]).data))
    marked = sum(any(s.name == "provisional-mark" for s in slide.shapes) for slide in deck.slides)
    title = str(openpyxl.load_workbook(io.BytesIO(to_xlsx(snap, fy))).active["A1"].value)
    fig = build_chart("reporting-completeness", snap, "ja", fiscal_year=fy)
    in_chart = any(a.name == "provisional-mark" for a in fig.layout.annotations)
    return len(deck.slides), marked, title, in_chart


def test_the_deck_table_and_charts_carry_the_mark_until_published(store: Store) -> None:
    report_and_accept_all(store, FY)
    slides, marked, title, in_chart = _marks(store, FY)
    assert slides >= 5 and marked == slides  # every slide, the cover included
    assert title.startswith("【暫定・取扱注意】") and in_chart
    publish(store, SEC, FY)
    slides, marked, title, in_chart = _marks(store, FY)
    assert marked == 0 and not title.startswith("【") and not in_chart
    submit_followup(store, "MOFA", FY, [("2-1-01", "順調", "○訂正した。")])  # changed since: marked again
    assert _marks(store, FY)[1:] == (slides, f"【暫定・取扱注意】{title}", True)
