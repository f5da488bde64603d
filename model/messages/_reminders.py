"""Messages of deadlines in open days, receipt numbers and reminders (model/reporting/deadlines.py,
receipts.py, reminders.py, mail.py): ids `rm.*` and `err.rm.*`."""

_SMTP_WHERE = "（{host}:{port}）サーバの応答: {detail}"
_SMTP_WHERE_EN = " ({host}:{port}). The server said: {detail}."
_NOTHING_SENT = "この府省には送信していません。"
_NOTHING_SENT_EN = " Nothing was sent to this ministry."

MESSAGES: dict[str, tuple[str, str]] = {
    # --- deadline and what is owed ------------------------------------------------------------------------
    "rm.days_left": ("あと {n} 開庁日", "{n} working days left"),
    "rm.days_none": ("締切まで開庁日はありません", "no working day left before the deadline"),
    "rm.days_late": ("締切を過ぎています（{n} 開庁日超過）", "past the deadline ({n} working days late)"),
    "rm.no_deadline": ("提出期限は設定されていません。", "No deadline is set."),
    "rm.deadline": ("**提出期限** {date}（{left}）", "**Deadline** {date} ({left})"),
    "rm.deadline_closed_day": (
        "　※ 期限日は行政機関の休日です。",
        " — note: the deadline falls on a day government offices are closed.",
    ),
    "rm.owed": (
        "{total}行中{done}行報告済み、残り{left}行（未提出 {not_submitted}・差戻し {returned}）",
        "{done} of {total} rows reported, {left} to go ({not_submitted} not submitted, {returned} returned)",
    ),
    "rm.receipt": ("受付番号 {receipt}", "Receipt number {receipt}"),
    # --- the reminder e-mail ------------------------------------------------------------------------------
    "rm.mail.subject": (
        "【提出のお願い】{fy} 量子戦略フォローアップ（{ministry}）",
        "[Reminder] {fy} quantum strategy follow-up ({ministry})",
    ),
    "rm.mail.greeting": ("{ministry} ご担当者様", "To the person in charge at {ministry},"),
    "rm.mail.intro": (
        "内閣府 科学技術・イノベーション推進事務局です。{fy}の量子戦略フォローアップについて、"
        "次の行のご報告をお願いいたします。",
        "This is the Cabinet Office secretariat (Science, Technology and Innovation). For the {fy} "
        "follow-up of the quantum strategies, please report the rows below.",
    ),
    "rm.mail.deadline": ("提出期限: {date}（{left}）", "Deadline: {date} ({left})"),
    "rm.mail.count": (
        "報告対象 {total} 行のうち、残り {left} 行です。",
        "{left} of your {total} rows remain.",
    ),
    "rm.mail.head.not_submitted": ("■ 未提出（{n} 行）", "■ Not submitted ({n} rows)"),
    "rm.mail.head.returned": (
        "■ 差戻し（{n} 行）：コメントに沿って修正し、再提出してください",
        "■ Returned ({n} rows): please fix them as the comment says and submit again",
    ),
    "rm.mail.comment": ("　事務局コメント: {comment}", "  Secretariat's comment: {comment}"),
    "rm.mail.closing": (
        "様式はダッシュボードの「報告のアップロード」ページから取得できます。"
        "行き違いでご提出済みの場合はご容赦ください。",
        "The template is on the dashboard's upload page. If you have sent your report in the meantime, "
        "please disregard this message.",
    ),
    # --- the list to download -----------------------------------------------------------------------------
    "rm.sheet": ("督促リスト", "Reminders"),
    "rm.col.ministry": ("府省", "Ministry"),
    "rm.col.contact": ("連絡先", "Contact"),
    "rm.col.deadline": ("提出期限", "Deadline"),
    "rm.col.days_left": ("残り開庁日", "Working days left"),
    "rm.col.action": ("取組ID", "Action ID"),
    "rm.col.title": ("取組", "Action"),
    "rm.col.state": ("状態", "State"),
    "rm.col.comment": ("事務局コメント", "Secretariat's comment"),
    "rm.col.last_submission": ("最終提出", "Last submission"),
    "rm.col.receipt": ("受付番号", "Receipt number"),
    "rm.col.time": ("日時", "Time"),
    "rm.col.user": ("送信者", "Sent by"),
    "rm.col.recipients": ("宛先", "Recipients"),
    "rm.col.rows": ("行数", "Rows"),
    "rm.col.outcome": ("結果", "Outcome"),
    "rm.col.error": ("エラー", "Error"),
    "rm.no_contact": ("（連絡先未登録）", "(no contact address)"),
    "rm.outcome.sent": ("送信済み", "Sent"),
    "rm.outcome.failed": ("失敗", "Failed"),
    "rm.sent_to": (
        "{ministry}: {n} 行の督促を {to} に送信しました。",
        "{ministry}: reminder of {n} rows sent to {to}.",
    ),
    "rm.failed_for": ("{ministry}: 送信できませんでした。{error}", "{ministry}: not sent. {error}"),
    # --- the rounds page ----------------------------------------------------------------------------------
    "rm.ui.section": (
        "督促（未提出・差戻しの府省へ）",
        "Reminders (to ministries with rows not submitted or returned)",
    ),
    "rm.ui.contacts": ("府省の連絡先（メールアドレス）", "Ministries' contact addresses"),
    "rm.ui.contact_ministry": ("府省", "Ministry"),
    "rm.ui.contact_addresses": (
        "メールアドレス（複数はカンマ区切り、空欄で削除）",
        "E-mail addresses (separate several with commas; empty removes them)",
    ),
    "rm.ui.contact_save": ("連絡先を保存", "Save the contact"),
    "rm.ui.contact_saved": (
        "{ministry}の連絡先を保存しました（{n} 件）。",
        "Saved {ministry}'s contact ({n} addresses).",
    ),
    "rm.ui.list": ("督促の対象（{n} 府省・{rows} 行）", "To remind ({n} ministries, {rows} rows)"),
    "rm.ui.rows": ("行の一覧（督促リストの内容）", "The rows (what the reminder list holds)"),
    "rm.ui.nothing_owed": (
        "未提出・差戻しの行はありません。督促の対象はありません。",
        "No row is unsubmitted or returned: nobody to remind.",
    ),
    "rm.ui.download_csv": ("督促リスト（CSV）", "Reminder list (CSV)"),
    "rm.ui.download_xlsx": ("督促リスト（Excel）", "Reminder list (Excel)"),
    "rm.ui.smtp_off": (
        "メール送信は設定されていません（QF_SMTP_HOST など、README 参照）。督促リストをダウンロードして"
        "お使いください。",
        "E-mail is not configured (QF_SMTP_HOST etc., see the README): download the reminder list instead.",
    ),
    "rm.ui.smtp_on": (
        "送信サーバ: {host}:{port}（{security}）、差出人 {sender}",
        "Server {host}:{port} ({security}), from {sender}",
    ),
    "rm.ui.confirm": (
        "{n} 府省に督促メールを送信します（連絡先未登録の府省は失敗として記録されます）",
        "Send reminders to {n} ministries (a ministry without a contact address is recorded as failed)",
    ),
    "rm.ui.confirm_needed": (
        "送信する前に、確認のチェックを入れてください。何も送信していません。",
        "Tick the confirmation before sending. Nothing was sent.",
    ),
    "rm.ui.send": ("督促メールを送信", "Send the reminders"),
    "rm.ui.done": (
        "督促メール: 送信 {sent} 件、失敗 {failed} 件（記録しました）。",
        "Reminders: {sent} sent, {failed} failed (recorded).",
    ),
    "rm.ui.history": ("督促の履歴", "Reminders sent"),
    "rm.ui.no_history": ("まだ督促は記録されていません。", "No reminder has been recorded yet."),
    # --- command line -------------------------------------------------------------------------------------
    "rm.cli.list_written": (
        "督促リストを書き出しました: {path}（{n} 行）",
        "Wrote the reminder list: {path} ({n} rows)",
    ),
    "rm.cli.not_sent": (
        "（送信していません。メールを送るには --send を付けてください）",
        "(Nothing sent: add --send to e-mail the reminders.)",
    ),
    "rm.cli.contact_set": ("{ministry}の連絡先: {addresses}", "{ministry}'s contact: {addresses}"),
    # --- errors -------------------------------------------------------------------------------------------
    "err.rm.bad_address": (
        "「{address}」はメールアドレスとして読めません（例: kikaku@example.go.jp）。何も保存していません。",
        "“{address}” is not an e-mail address (e.g. kikaku@example.go.jp). Nothing was saved.",
    ),
    "err.rm.too_many_addresses": (
        "宛先が {n} 件あります。1 府省につき {limit} 件までにしてください。何も保存していません。",
        "{n} addresses given: at most {limit} per ministry. Nothing was saved.",
    ),
    "err.rm.bad_format": (
        "形式「{fmt}」には書き出せません（csv か xlsx）。",
        "Cannot write “{fmt}”: use csv or xlsx.",
    ),
    "err.rm.out_suffix": (
        "書き出し先「{path}」の拡張子は .csv か .xlsx にしてください。",
        "The file “{path}” must end in .csv or .xlsx.",
    ),
    "err.rm.smtp_not_configured": (
        "メール送信が設定されていません（QF_SMTP_HOST と QF_SMTP_SENDER を設定してください）。"
        "何も送信・記録していません。督促リストは送信なしで書き出せます。",
        "E-mail is not configured (set QF_SMTP_HOST and QF_SMTP_SENDER). Nothing was sent or recorded; "
        "the reminder list can be written without sending.",
    ),
    "err.rm.nothing_owed": (
        "{fy}に未提出・差戻しの行はありません。何も送信していません。",
        "No row of {fy} is unsubmitted or returned. Nothing was sent.",
    ),
    "err.rm.fy_required": ("--fiscal-year を指定してください。", "Give --fiscal-year."),
    "err.rm.no_contact": (
        "連絡先が登録されていません。受付管理ページの「府省の連絡先」で登録してください。",
        "No contact address: add one under “Ministries' contact addresses” on the rounds page.",
    ),
    "err.rm.smtp_setting": (
        "メールの設定 {name} の値「{value}」が正しくありません（README のメール設定を参照）。",
        "The e-mail setting {name} has a wrong value “{value}” (see the README's e-mail settings).",
    ),
    "err.rm.smtp_refused": (
        "メールサーバが接続を拒否しました"
        + _SMTP_WHERE
        + "。ホスト名とポートを確認してください。"
        + _NOTHING_SENT,
        "The mail server refused the connection"
        + _SMTP_WHERE_EN
        + " Check the host and port."
        + _NOTHING_SENT_EN,
    ),
    "err.rm.smtp_unknown_host": (
        "メールサーバのホスト名が見つかりません" + _SMTP_WHERE + "。" + _NOTHING_SENT,
        "The mail server's host name is not known" + _SMTP_WHERE_EN + _NOTHING_SENT_EN,
    ),
    "err.rm.smtp_unreachable": (
        "メールサーバに到達できません（時間切れ・経路なし）" + _SMTP_WHERE + "。" + _NOTHING_SENT,
        "The mail server cannot be reached (timeout or no route)" + _SMTP_WHERE_EN + _NOTHING_SENT_EN,
    ),
    "err.rm.smtp_disconnected": (
        "メールサーバが途中で接続を切りました" + _SMTP_WHERE + "。" + _NOTHING_SENT,
        "The mail server closed the connection" + _SMTP_WHERE_EN + _NOTHING_SENT_EN,
    ),
    "err.rm.smtp_auth": (
        "メールサーバへのログインに失敗しました（ユーザ {user}）" + _SMTP_WHERE + "。"
        "QF_SMTP_USER と QF_SMTP_PASSWORD を確認してください。" + _NOTHING_SENT,
        "Logging in to the mail server failed (user {user})"
        + _SMTP_WHERE_EN
        + " Check QF_SMTP_USER and QF_SMTP_PASSWORD."
        + _NOTHING_SENT_EN,
    ),
    "err.rm.smtp_tls": (
        "メールサーバとの暗号化（TLS）に失敗しました" + _SMTP_WHERE + "。QF_SMTP_SECURITY と証明書を"
        "確認してください。" + _NOTHING_SENT,
        "Encryption (TLS) with the mail server failed"
        + _SMTP_WHERE_EN
        + " Check QF_SMTP_SECURITY and the certificate."
        + _NOTHING_SENT_EN,
    ),
    "err.rm.smtp_unsupported": (
        "メールサーバが求めた機能（STARTTLS またはログイン）に対応していません"
        + _SMTP_WHERE
        + "。"
        + _NOTHING_SENT,
        "The mail server does not offer what the settings ask for (STARTTLS or login)"
        + _SMTP_WHERE_EN
        + _NOTHING_SENT_EN,
    ),
    "err.rm.smtp_login_plain": (
        "暗号化なし（QF_SMTP_SECURITY=none）ではログインしません。starttls か tls にしてください。"
        "何も送信していません。",
        "No login without encryption (QF_SMTP_SECURITY=none): use starttls or tls. Nothing was sent.",
    ),
    "err.rm.smtp_recipients": (
        "メールサーバが宛先 {recipients} を受け付けませんでした" + _SMTP_WHERE + "。連絡先を確認してください"
        "（他の宛先には送信済みの場合があります）。",
        "The mail server refused the recipients {recipients}"
        + _SMTP_WHERE_EN
        + " Check the contact (other recipients may have received it).",
    ),
    "err.rm.smtp_sender": (
        "メールサーバが差出人 {sender} を受け付けませんでした" + _SMTP_WHERE + "。QF_SMTP_SENDER を確認して"
        "ください。" + _NOTHING_SENT,
        "The mail server refused the sender {sender}"
        + _SMTP_WHERE_EN
        + " Check QF_SMTP_SENDER."
        + _NOTHING_SENT_EN,
    ),
    "err.rm.smtp_failed": (
        "メールを送信できませんでした" + _SMTP_WHERE + "。" + _NOTHING_SENT,
        "The e-mail could not be sent" + _SMTP_WHERE_EN + _NOTHING_SENT_EN,
    ),
}
