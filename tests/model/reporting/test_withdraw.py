"""Withdrawing a submission restores the versions before it and is itself recorded."""

from __future__ import annotations

import pytest

from model.errors import AppError
from model.reporting.commit import row_history, submission_history, submit_file, withdraw
from model.reporting.template import issue_template
from model.store import Store
from tests.model.reporting.conftest import FY, SECRETARIAT, fill, make_editor


def test_withdraw_restores_the_previous_state(rstore: Store) -> None:
    """Two uploads; the later is withdrawn, then the earlier: the rows go back, then away."""
    user = make_editor(rstore, "MOFA")
    first_rows = {"2-1-01": ("一回目", "次", "順調"), "2-2-01": ("一回目", "次", "順調")}
    _, first = submit_file(
        rstore, fill(issue_template(rstore, SECRETARIAT, "MOFA", FY), first_rows), "1.xlsx", "MOFA", user
    )
    second_rows = {**first_rows, "2-1-01": ("二回目", "次", "遅延"), "5-2-01": ("二回目", "次", "順調")}
    _, second = submit_file(
        rstore, fill(issue_template(rstore, SECRETARIAT, "MOFA", FY), second_rows), "2.xlsx", "MOFA", user
    )
    assert first is not None and second is not None
    assert first.submission_id is not None and second.submission_id is not None
    with pytest.raises(AppError) as err:
        withdraw(rstore, first.submission_id, user)
    assert err.value.msg_id == "err.withdraw.later"

    undo = withdraw(rstore, second.submission_id, user, note="誤り")
    state = rstore.snapshot().followup(FY).set_index("action_id")
    assert sorted(state.index) == ["2-1-01", "2-2-01"]
    assert state.loc["2-1-01", ["progress_ja", "status"]].tolist() == ["一回目", "順調"]
    history = submission_history(rstore.snapshot(), "MOFA").set_index("id")
    assert history.loc[second.submission_id, "outcome"] == "withdrawn"
    assert history.loc[undo.submission_id, "kind"] == "withdrawal"
    assert history.loc[undo.submission_id, "withdraws_id"] == second.submission_id
    with pytest.raises(AppError):
        withdraw(rstore, second.submission_id, user)

    withdraw(rstore, first.submission_id, user)
    assert rstore.snapshot().followup(FY).empty
    versions = row_history(rstore.snapshot(), "2-1-01", FY, "MOFA")
    assert versions["progress_ja"].tolist() == ["一回目", "二回目", "一回目", "一回目"]
    assert versions["deleted"].astype(bool).tolist() == [False, False, False, True]


def test_seed_submission_cannot_be_withdrawn(rstore: Store) -> None:
    """Only ministry uploads can be withdrawn."""
    user = make_editor(rstore, "MOFA")
    with pytest.raises(AppError) as err:
        withdraw(rstore, 1, user)
    assert err.value.msg_id in {"err.withdraw.not_upload", "err.auth.not_your_ministry"}
