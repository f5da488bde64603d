"""Messages of the review of entries (model/reporting/review.py): states, decisions, refusals."""

MESSAGES: dict[str, tuple[str, str]] = {
    "rv.state.not_submitted": ("未提出", "Not submitted"),
    "rv.state.submitted": ("提出済", "Submitted"),
    "rv.state.returned": ("差戻し", "Returned"),
    "rv.state.resubmitted": ("再提出", "Resubmitted"),
    "rv.state.accepted": ("確定", "Accepted"),
    "rv.done.returned": (
        "{n} 件を差し戻しました（データ版 {version}）。府省のページと次の様式にコメントが表示されます。",
        "Returned {n} rows (version {version}); the ministry sees the comments on its page and in its next "
        "template.",
    ),
    "rv.done.accepted": (
        "{n} 件を確定しました（データ版 {version}）。",
        "Accepted {n} rows (version {version}).",
    ),
    "err.review.bad_decision": (
        "判断「{value}」は使えません。差戻し（returned）か確定（accepted）を指定してください。",
        "Unknown decision “{value}”: use returned or accepted.",
    ),
    "err.review.nothing": ("対象の行がありません。", "No rows were given."),
    "err.review.comment_required": (
        "差し戻す行には、直してほしい点をコメントに書いてください。",
        "Each row returned needs a comment saying what to fix.",
    ),
    "err.review.unknown": (
        "{fy}年度の{ministry}の報告対象に取組「{action}」はありません。",
        "Action “{action}” is not one {ministry} reports for FY{fy}.",
    ),
    "err.review.not_decidable": (
        "取組「{action}」（{ministry}）は「{state}」のため、差戻し・確定できません（提出済・再提出の行のみ）。"
        "何も変更していません。",
        "Action “{action}” ({ministry}) is “{state}”: only submitted or resubmitted rows can be returned or "
        "accepted. Nothing was changed.",
    ),
    "rv.ui.board": ("審査状況（府省別）", "Review by ministry"),
    "rv.ui.pick": (
        "差戻し・確定する行（提出済・再提出）",
        "Rows to return or accept (submitted or resubmitted)",
    ),
    "rv.ui.comment": ("事務局コメント（差戻しでは必須）", "Secretariat's comment (required to return)"),
    "rv.ui.confirm": ("選んだ行について判断を記録します", "Record the decision for the rows chosen"),
    "rv.ui.return": ("差し戻す", "Return"),
    "rv.ui.accept": ("確定する", "Accept"),
    "rv.ui.returned": (
        "差し戻された行が {n} 件あります。コメントを確認して直し、再提出してください"
        "（次の様式にも表示されます）。",
        "Rows returned: {n}. Read the comments, fix the rows and submit again "
        "(the next template shows the comments too).",
    ),
}
