"""Messages of publication (公表) and the 暫定 mark (model/reporting/publication.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "pub.state.published": ("公表済", "Published"),
    "pub.state.changed": ("公表後に変更あり（暫定）", "Changed since publication (provisional)"),
    "pub.state.provisional": ("未公表（暫定）", "Not published (provisional)"),
    "pub.seed": ("原典（公表資料）", "The published source document"),
    "pub.mark": ("暫定・取扱注意", "PROVISIONAL — handle with care"),
    "pub.mark.year": ("{fy}（暫定）", "{fy} (provisional)"),
    "pub.banner": (
        "{fy}年度は{state}です。公表前の作業中のデータを含みます（取扱注意）。ログインしていない閲覧者には"
        "表示されません。",
        "FY{fy} — {state}. It includes work in progress that is not published (handle with care); readers "
        "who are not logged in do not see it.",
    ),
    "pub.public_only": (
        "ログインしていない閲覧者には、公表済みの年度（{years}）だけを表示しています。",
        "Readers who are not logged in see published fiscal years only ({years}).",
    ),
    "pub.none_public": (
        "公表済みの年度はまだありません。",
        "No fiscal year has been published yet.",
    ),
    "pub.done": (
        "{fy}年度を公表しました（データ版 {pinned} を固定、記録はデータ版 {version}）。"
        "ログインしていない閲覧者にこの内容が表示されます。",
        "Published FY{fy} (pinned at version {pinned}; recorded as version {version}). Readers who are not "
        "logged in now see this.",
    ),
    "err.pub.empty": (
        "{fy}年度には報告対象の行がありません。公表するものがありません。",
        "FY{fy} has no rows to report: there is nothing to publish.",
    ),
    "err.pub.not_accepted": (
        "{fy}年度の {total} 行のうち {n} 行がまだ確定していません。すべて確定してから公表してください。"
        "何も変更していません。",
        "{n} of the {total} rows of FY{fy} are not accepted yet: accept them all, then publish. Nothing was "
        "changed.",
    ),
    "err.pub.unchanged": (
        "{fy}年度はデータ版 {version} で公表済みで、その後の変更はありません。再公表の必要はありません。",
        "FY{fy} is published at version {version} and nothing changed since: there is nothing to re-publish.",
    ),
    # the rounds page's publication section
    "pub.ui.title": ("公表", "Publication"),
    "pub.ui.help": (
        "公表すると、その時点のデータ版が固定され、ログインしていない閲覧者に表示されます。公表後の提出は、"
        "再公表するまで閲覧者には表示されません。",
        "Publishing pins the current version: readers who are not logged in see the year as of that version. "
        "Later submissions are not shown to them until the year is published again.",
    ),
    "pub.ui.year": ("公表する年度", "Fiscal year to publish"),
    "pub.ui.note": ("公表の注記（任意）", "Note on this publication (optional)"),
    "pub.ui.confirm": (
        "{fy}年度を公表します（確定 {accepted}／{rows} 行）。よろしければチェックしてください。",
        "Publish FY{fy} ({accepted} of {rows} rows accepted). Tick to confirm.",
    ),
    "pub.ui.button": ("公表する", "Publish"),
    "pub.ui.confirm_first": (
        "公表するには、確認のチェックを入れてください。",
        "Tick the confirmation first.",
    ),
    "pub.col.fiscal_year": ("年度", "Fiscal year"),
    "pub.col.state": ("公表状況", "State"),
    "pub.col.accepted": ("確定行", "Rows accepted"),
    "pub.col.publications": ("公表回数", "Publications"),
    "pub.col.pinned_version": ("固定したデータ版", "Pinned version"),
    "pub.col.published_at": ("公表日時", "Published at"),
    "pub.cli.none": ("年度がありません。", "No fiscal years."),
    # confirmations and feedback of the writes on the rounds and upload pages
    "conf.close_round": (
        "締め切ることを確認しました（締切後は府省が提出できません。再開はいつでもできます）",
        "I confirm closing the round (ministries can no longer submit; it can be re-opened at any time)",
    ),
    "conf.close_needed": (
        "受付を締め切るには、確認のチェックを入れてください。何も変更していません。",
        "Tick the confirmation to close the round. Nothing was changed.",
    ),
    "conf.assess_saved": (
        "取組「{action}」（{ministry}）の事務局評価を記録しました（データ版 {version}）。",
        "Recorded the secretariat's assessment of “{action}” ({ministry}) (version {version}).",
    ),
    "conf.withdraw": (
        "この提出を取り下げることを確認しました（取り下げた行は未提出に戻ります）",
        "I confirm withdrawing this submission (its rows go back to not submitted)",
    ),
    "conf.withdraw_needed": (
        "取り下げるには、確認のチェックを入れてください。何も変更していません。",
        "Tick the confirmation to withdraw. Nothing was changed.",
    ),
}
