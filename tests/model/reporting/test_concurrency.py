"""Seven ministries submitting at the same moment: all committed, nothing lost (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading

from model.reporting.commit import submit_file
from model.reporting.owners import owned_action_ids
from model.store import Store
from model.strategy import registry
from tests.model.reporting.conftest import FY, filled_for, make_editor


def test_seven_ministries_submit_at_once(rstore: Store) -> None:
    """Released together by a barrier, every upload commits as its own submission with every row."""
    codes = [m.code for m in registry(rstore.snapshot())]
    assert len(codes) == 7
    users = {c: make_editor(rstore, c) for c in codes}
    files = {c: filled_for(rstore, c, text=f"{c}の進捗") for c in codes}
    barrier = threading.Barrier(len(codes))
    results: dict[str, object] = {}

    def run(code: str) -> None:
        barrier.wait()
        try:
            up, outcome = submit_file(rstore, files[code], f"{code}.xlsx", code, users[code])
            results[code] = outcome if outcome is not None else [str(p) for p in up.problems]
        except Exception as exc:  # recorded, then asserted below
            results[code] = exc

    threads = [threading.Thread(target=run, args=(c,)) for c in codes]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=300)
    ids = {c: getattr(r, "submission_id", None) for c, r in results.items()}
    assert all(isinstance(i, int) for i in ids.values()), results
    assert len(set(ids.values())) == 7
    entries = rstore.snapshot().followup(FY)
    for c in codes:
        got = entries[entries["ministry_code"] == c]
        assert set(got["action_id"]) == owned_action_ids(rstore.snapshot(), c)
        assert set(got["progress_ja"].str.split(" ").str[0]) == {f"{c}の進捗"}
    subs = rstore.snapshot().submissions()
    assert (subs["kind"] == "upload").sum() == 7


def test_two_uploads_from_one_template_cannot_both_commit(rstore: Store) -> None:
    """Same ministry, same template, same moment: one commits, the other is refused as stale."""
    user = make_editor(rstore, "MOFA")
    first, second = filled_for(rstore, "MOFA", text="一つ目"), filled_for(rstore, "MOFA", text="二つ目")
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def run(data: bytes) -> None:
        barrier.wait()
        outcomes.append(submit_file(rstore, data, "m.xlsx", "MOFA", user))

    threads = [threading.Thread(target=run, args=(d,)) for d in (first, second)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=300)
    committed = [o for up, o in outcomes if o is not None]  # type: ignore[misc]
    refused = [up for up, o in outcomes if o is None]  # type: ignore[misc]
    assert len(committed) == 1 and len(refused) == 1
    assert len(refused[0].problems) == 3
    assert len(set(rstore.snapshot().followup(FY)["progress_ja"].str.split(" ").str[0])) == 1
