"""Messages of the reporting cycle (templates, upload checks, rounds, users), merged into the catalogue.

Upload problems say what is wrong *and* how to fix it: a ministry official reads them next to the row.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "err.round_missing": (
        "{fiscal_year}年度の報告受付は開設されていません。",
        "No collection round exists for FY{fiscal_year}.",
    ),
    "err.round_closed": (
        "{fiscal_year}年度の報告受付は締め切られています。",
        "The FY{fiscal_year} collection round is closed.",
    ),
    # --- accounts and permissions ---------------------------------------------------------------------
    "err.auth.secretariat_only": (
        "この操作は事務局のみが行えます（{user}）。",
        "Only the secretariat may do this ({user}).",
    ),
    "err.auth.not_your_ministry": (
        "{user} は {ministry} の行を変更できません。自府省の行のみ変更できます。",
        "{user} may not change the rows of {ministry}; editors change their own ministry's rows only.",
    ),
    "err.auth.bad_name": ("ユーザー名が空です。", "The user name is empty."),
    "err.auth.bad_role": (
        "役割「{role}」は使用できません。使用可能：{known}",
        "Unknown role “{role}”. Known: {known}",
    ),
    "err.auth.editor_needs_ministry": (
        "府省の編集者には府省（--ministry）の指定が必要です。",
        "An editor needs a ministry (--ministry).",
    ),
    "err.auth.short_password": (
        "パスワードは{n}文字以上にしてください。",
        "The password must have at least {n} characters.",
    ),
    "err.auth.user_exists": ("ユーザー「{user}」は既に存在します。", "User “{user}” already exists."),
    "err.auth.unknown_user": ("ユーザー「{user}」は登録されていません。", "No user “{user}”."),
    "err.auth.disabled": ("ユーザー「{user}」は無効化されています。", "User “{user}” is disabled."),
    "err.auth.password_required": (
        "パスワードを入力してください（環境変数 QF_PASSWORD でも指定できます）。",
        "Enter a password (or set QF_PASSWORD).",
    ),
    "err.file_unreadable": (
        "ファイル「{file}」を読み書きできません：{detail}",
        "Cannot read or write “{file}”: {detail}",
    ),
    # --- file checks ----------------------------------------------------------------------------------
    "up.file.extension": (
        "このファイル形式（{ext}）は受け付けられません。{accepted} のいずれかで保存し直してください。",
        "Files of type {ext} are not accepted. Save the file as {accepted}.",
    ),
    "up.file.macro": (
        "マクロ付きのファイルは受け付けられません。マクロなしの .xlsx として保存し直してください。",
        "Macro-enabled files are not accepted. Save the file as a plain .xlsx without macros.",
    ),
    "up.file.password": (
        "パスワードで保護されたファイルは読み取れません。パスワードを解除して保存し直してください。",
        "Password-protected files cannot be read. Remove the password and save the file again.",
    ),
    "up.file.too_big": (
        "ファイルが大きすぎます（{size}、上限 {limit}）。ダウンロードした様式に記入してください。",
        "The file is too large ({size}; limit {limit}). Fill in the downloaded template.",
    ),
    "up.file.bomb": (
        "ファイルの展開後のサイズが大きすぎます（{size}、上限 {limit}）。"
        "ダウンロードした様式に記入してください。",
        "The file would expand to {size} (limit {limit}). Fill in the downloaded template.",
    ),
    "up.file.too_many_parts": (
        "ファイルの構成要素が多すぎます（{n}個）。ダウンロードした様式に記入してください。",
        "The file has too many parts ({n}). Fill in the downloaded template.",
    ),
    "up.file.too_many_rows": (
        "行数が多すぎます（{rows}行、上限 {limit}行）。不要な行を削除してください。",
        "Too many rows ({rows}; limit {limit}). Delete the rows that are not needed.",
    ),
    "up.file.too_far": (
        "シートの範囲外（{limit}列目より右、または極端に下の行）に値があります。"
        "不要なセルを削除して保存し直してください。",
        "A cell lies far outside the table (beyond column {limit} or very far down). "
        "Delete the stray cells and save again.",
    ),
    "up.file.empty": ("ファイルが空です。", "The file is empty."),
    "up.file.not_spreadsheet": (
        "表計算ファイル（{ext}）として読み取れません。"
        "Excel または LibreOffice で開き、保存し直してください。",
        "This is not a spreadsheet ({ext}). Open it in Excel or LibreOffice and save it again.",
    ),
    "up.file.mismatch": (
        "ファイルの中身が拡張子（{ext}）と一致しません。"
        "Excel または LibreOffice で正しい形式を選んで保存し直してください。",
        "The content does not match the extension {ext}. Save it again choosing the right format.",
    ),
    "up.file.corrupt": (
        "ファイルが壊れているため読み取れません（{detail}）。"
        "Excel または LibreOffice で開き、保存し直してください。",
        "The file is damaged and cannot be read ({detail})."
        " Open it in Excel or LibreOffice and save it again.",
    ),
    # --- template metadata and round ------------------------------------------------------------------
    "up.meta.missing": (
        "様式の管理情報（隠しシート「_meta」）がありません。"
        "この画面からダウンロードした様式に記入してください。",
        "The template's hidden sheet “_meta” is missing. Fill in a template downloaded from this system.",
    ),
    "up.meta.template_version": (
        "古い様式（版 {got}）です。新しい様式をダウンロードし、記入し直してください。",
        "This is an old template (version {got}). Download the current template and fill it in again.",
    ),
    "up.meta.other_ministry": (
        "この様式は{other}用です。{ministry}として提出するには{ministry}の様式をダウンロードしてください。",
        "This template is for {other}. To submit as {ministry}, download {ministry}'s template.",
    ),
    "up.round.wrong_year": (
        "この様式は{fy}年度用ですが、受付中の年度は{expected}年度です。"
        "{expected}年度の様式をダウンロードしてください。",
        "This template is for FY{fy}; FY{expected} is being collected. Download the FY{expected} template.",
    ),
    "up.round.missing": (
        "{fy}年度の報告受付は開設されていません（年度の誤り）。"
        "受付中の年度の様式をダウンロードしてください。",
        "No collection round exists for FY{fy} (wrong fiscal year). Download the template of the open round.",
    ),
    "up.round.wrong_round": (
        "この様式は別の受付（#{got}）のものです。現在の受付（#{want}）の様式をダウンロードしてください。",
        "This template belongs to another round (#{got}). Download the template of round #{want}.",
    ),
    "up.round.closed": (
        "{fy}年度の報告受付は締め切られています。提出が必要な場合は事務局に受付の再開を依頼してください。",
        "The FY{fy} round is closed. Ask the secretariat to re-open it if you still need to submit.",
    ),
    # --- sheets, columns, rows ------------------------------------------------------------------------
    "up.sheet.missing": (
        "シート「{sheet}」がありません。ダウンロードした様式のシート名を変更しないでください。",
        "Sheet “{sheet}” is missing. Do not rename the sheets of the downloaded template.",
    ),
    "up.col.missing": (
        "列「{column}」が見つかりません。見出し行の列名を様式どおりに戻してください。",
        "Column “{column}” is missing. Restore the template's column headings.",
    ),
    "up.nothing": (
        "記入された行がありません。「進捗」「次年度以降の取組」「状況」を記入してください。",
        "No row is filled in. Fill in 進捗, 次年度以降の取組 and 状況.",
    ),
    "up.row.no_id": (
        "取組IDが空欄です。行を追加せず、様式にある行に記入してください。",
        "The 取組ID is empty. Do not add rows; fill in the template's rows.",
    ),
    "up.row.unknown_id": (
        "取組ID「{value}」は存在しません。様式の取組IDを変更しないでください。",
        "There is no action “{value}”. Do not change the template's 取組ID column.",
    ),
    "up.row.not_reportable": (
        "取組ID「{value}」は報告対象の行ではありません（細目の行に記入してください）。",
        "Action “{value}” is not a reportable row (report on its sub rows).",
    ),
    "up.row.not_owned": (
        "取組ID「{value}」は{ministry}の担当ではありません。この行を削除してください。",
        "Action “{value}” is not co-owned by {ministry}. Delete this row.",
    ),
    "up.row.duplicate": (
        "取組ID「{value}」は{first}行目と重複しています。1つの取組は1行にまとめてください。",
        "Action “{value}” repeats row {first}. Keep one row per action.",
    ),
    "up.row.bad_status": (
        "状況「{value}」は使用できません。一覧から選んでください：{allowed}",
        "Status “{value}” is not allowed. Choose one of: {allowed}",
    ),
    "up.row.required": (
        "「{column}」が空欄です。記入してください。",
        "“{column}” is empty. Fill it in.",
    ),
    "up.row.required_next": (
        "「{column}」が空欄です。状況が「完了」以外のときは記入してください。",
        "“{column}” is empty. It is required unless the status is 完了.",
    ),
    "up.row.formula": (
        "数式が入力されています。数式ではなく値を入力してください（コピーして「値のみ貼り付け」）。",
        "This cell holds a formula. Enter a value instead (copy, then paste values only).",
    ),
    "up.row.stale": (
        "取組「{value}」は様式の作成後に更新されています（提出#{submission}、{user}、{when}）。"
        "上書きを防ぐため受け付けません。最新の様式をダウンロードし、記入し直してください。",
        "Action “{value}” changed after this template was made (submission #{submission}, {user}, {when}). "
        "To avoid overwriting it, download the current template and fill it in again.",
    ),
    "up.kpi.unknown_goal": (
        "目標ID「{value}」は存在しません。様式の目標IDを変更しないでください。",
        "There is no goal “{value}”. Do not change the template's 目標ID column.",
    ),
    "up.kpi.not_owned": (
        "目標「{value}」は{ministry}の報告対象ではありません。この行を削除してください。",
        "Goal “{value}” is not reported by {ministry}. Delete this row.",
    ),
    "up.kpi.bad_date": (
        "時点「{value}」を日付として読み取れません。例：2025-03-31、令和7年3月31日、2024年度",
        "Cannot read a date from “{value}”. Examples: 2025-03-31, 令和7年3月31日, 2024年度",
    ),
    "up.kpi.bad_value": (
        "値「{value}」は数値ではありません。数字のみを入力してください（単位は不要）。",
        "“{value}” is not a number. Enter digits only (no unit).",
    ),
    "up.kpi.duplicate": (
        "目標「{value}」の{date}時点の値は{first}行目と重複しています。1行にまとめてください。",
        "Goal “{value}” at {date} repeats row {first}. Keep one row.",
    ),
    "up.kpi.stale": (
        "指標「{value}」は様式の作成後に更新されています（提出#{submission}、{user}、{when}）。"
        "最新の様式をダウンロードし、記入し直してください。",
        "Indicator “{value}” changed after this template was made (submission #{submission}, {user}, "
        "{when}). Download the current template and fill it in again.",
    ),
    "up.rejected": (
        "提出を受け付けませんでした（問題 {n} 件）。何も保存されていません。",
        "The submission was rejected ({n} problem(s)). Nothing was stored.",
    ),
    "up.valid": (
        "問題はありません：追加 {added}、変更 {changed}、変更なし {unchanged}。",
        "No problems: {added} added, {changed} changed, {unchanged} unchanged.",
    ),
    "up.committed": (
        "提出#{id}として保存しました：追加 {added}、変更 {changed}、変更なし {unchanged}。",
        "Stored as submission #{id}: {added} added, {changed} changed, {unchanged} unchanged.",
    ),
    # --- withdrawal, assessments ----------------------------------------------------------------------
    "err.withdraw.unknown": ("提出#{id}は存在しません。", "There is no submission #{id}."),
    "err.withdraw.not_upload": (
        "提出#{id}は府省の提出ではないため取り下げられません。",
        "Submission #{id} is not a ministry upload and cannot be withdrawn.",
    ),
    "err.withdraw.already": (
        "提出#{id}は既に取り下げられています。",
        "Submission #{id} is already withdrawn.",
    ),
    "err.withdraw.later": (
        "提出#{id}の後に同じ行を変更した提出があります（#{later}）。先に#{later}を取り下げてください。",
        "Later submissions changed the same rows as #{id} (#{later}). Withdraw #{later} first.",
    ),
    "withdraw.done": (
        "提出#{id}を取り下げました（取り下げ記録#{new}、{n}行を元に戻しました）。",
        "Withdrew submission #{id} (recorded as #{new}; {n} rows restored).",
    ),
    "err.assess.bad_status": (
        "評価「{value}」は使用できません。使用可能：{allowed}",
        "Assessment “{value}” is not allowed. Allowed: {allowed}",
    ),
    "err.assess.no_entry": (
        "{fy}年度の取組「{action}」（{ministry}）の報告はありません。",
        "There is no FY{fy} entry for “{action}” ({ministry}).",
    ),
    # --- rounds ---------------------------------------------------------------------------------------
    "round.opened": ("{fy}年度の報告受付を開始しました。", "Opened the FY{fy} collection round."),
    "round.closed": ("{fy}年度の報告受付を締め切りました。", "Closed the FY{fy} collection round."),
    "user.added": ("ユーザー「{user}」を追加しました（{role}）。", "Added user “{user}” ({role})."),
    "user.disabled": ("ユーザー「{user}」を無効化しました。", "Disabled user “{user}”."),
    "user.enabled": ("ユーザー「{user}」を有効化しました。", "Enabled user “{user}”."),
    # --- screen labels of the reporting pages ---------------------------------------------------------
    "ui.nav.reporting": ("報告", "Reporting"),
    "ui.page.upload": ("報告のアップロード", "Upload a report"),
    "ui.page.rounds": ("受付管理", "Collection rounds"),
    "ui.page.users": ("ユーザー管理", "Users"),
    "ui.page.login": ("ログイン", "Log in"),
    "ui.login.name": ("ユーザー名", "User name"),
    "ui.login.password": ("パスワード", "Password"),
    "ui.login.submit": ("ログイン", "Log in"),
    "ui.login.failed": (
        "ユーザー名またはパスワードが正しくありません。",
        "The user name or password is not correct.",
    ),
    "ui.login.oidc": ("組織アカウントでログイン", "Log in with your organisation account"),
    "ui.login.logout": ("ログアウト", "Log out"),
    "ui.login.anonymous": ("ログインしていません（閲覧のみ）", "Not logged in (read only)"),
    "ui.login.as": ("{user}（{role}）としてログインしています。", "Logged in as {user} ({role})."),
    "ui.role.secretariat": ("事務局", "Secretariat"),
    "ui.role.editor": ("府省編集者", "Ministry editor"),
    "ui.role.viewer": ("閲覧者", "Viewer"),
    "ui.upload.login_first": (
        "報告のアップロードには府省編集者または事務局としてのログインが必要です。",
        "Log in as a ministry editor or the secretariat to upload a report.",
    ),
    "ui.upload.ministry": ("府省", "Ministry"),
    "ui.upload.fiscal_year": ("報告年度", "Fiscal year"),
    "ui.upload.no_round": (
        "受付中の報告年度はありません。事務局が受付を開始するまでお待ちください。",
        "No collection round is open. Wait for the secretariat to open one.",
    ),
    "ui.upload.step_template": ("1. 様式のダウンロード", "1. Download the template"),
    "ui.upload.template_help": (
        "自府省が担当する取組の行と前年度の記載が入った様式です。黄色の列に記入してください。",
        "The template lists your ministry's rows with last year's text. Fill in the yellow columns.",
    ),
    "ui.upload.make_template": ("様式を作成", "Make the template"),
    "ui.upload.download": ("様式をダウンロード（.xlsx）", "Download the template (.xlsx)"),
    "ui.upload.step_upload": ("2. 記入済みファイルのアップロード", "2. Upload the filled file"),
    "ui.upload.file": ("ファイル（.xlsx / .xls / .ods）", "File (.xlsx / .xls / .ods)"),
    "ui.upload.valid": (
        "問題はありません。変更内容を確認し、確定してください（確定するまで保存されません）。",
        "No problems. Check the changes below, then commit (nothing is stored until you do).",
    ),
    "ui.upload.step_preview": ("3. 変更内容の確認と確定", "3. Review and commit"),
    "ui.upload.commit": ("この内容で確定", "Commit these changes"),
    "ui.upload.history": ("提出履歴", "Submission history"),
    "ui.upload.kept": (
        "確認済みでまだ確定していないファイル「{name}」（{time} に確認）を保持しています。"
        "内容をもう一度確認しました。確定するか、破棄してください。",
        "The file “{name}”, checked at {time} and not yet committed, was kept for you. It has been "
        "checked again: commit it or discard it.",
    ),
    "ui.upload.discard": ("保持しているファイルを破棄", "Discard the kept file"),
    "ui.upload.no_history": ("まだありません。", "None yet."),
    "ui.upload.withdraw_which": ("取り下げる提出", "Submission to withdraw"),
    "ui.upload.withdraw_note": ("理由（任意）", "Reason (optional)"),
    "ui.upload.withdraw": ("取り下げ", "Withdraw"),
    "ui.upload.row_history": ("取組ごとの履歴", "History of one row"),
    "ui.upload.deleted": ("削除（取り下げ）", "Removed (withdrawn)"),
    "ui.preview.added": ("追加", "Added"),
    "ui.preview.changed": ("変更", "Changed"),
    "ui.preview.unchanged": ("変更なし", "Unchanged"),
    "ui.preview.before": ("変更前", "before"),
    "ui.preview.after": ("変更後", "after"),
    "ui.preview.kpi": ("KPI の値", "KPI values"),
    "ui.col.sheet": ("シート", "Sheet"),
    "ui.col.row": ("行", "Row"),
    "ui.col.column": ("列", "Column"),
    "ui.col.problem": ("問題と直し方", "Problem and how to fix it"),
    "ui.col.action": ("取組ID", "Action"),
    "ui.col.status": ("状況", "Status"),
    "ui.col.progress": ("進捗", "Progress"),
    "ui.col.next": ("次年度以降の取組", "Next steps"),
    "ui.col.goal": ("目標ID", "Goal"),
    "ui.col.date": ("時点", "Date"),
    "ui.col.change": ("変更", "Change"),
    "ui.col.kind": ("種別", "Kind"),
    "ui.col.fy": ("年度", "Fiscal year"),
    "ui.col.user": ("ユーザー", "User"),
    "ui.col.time": ("日時", "Time"),
    "ui.col.file": ("ファイル", "File"),
    "ui.col.outcome": ("結果", "Outcome"),
    "ui.col.round_status": ("受付状況", "Round"),
    "ui.col.deadline": ("提出期限", "Deadline"),
    "ui.kind.upload": ("提出", "Upload"),
    "ui.kind.withdrawal": ("取り下げ", "Withdrawal"),
    "ui.kind.seed": ("初期データ", "Seed"),
    "ui.kind.manual": ("事務局による修正", "Secretariat edit"),
    "ui.outcome.committed": ("反映済み", "Committed"),
    "ui.outcome.withdrawn": ("取り下げ済み", "Withdrawn"),
    "ui.round.open": ("受付を開始", "Open the round"),
    "ui.round.close": ("受付を締切", "Close the round"),
    "ui.round.progress": ("府省別の提出状況", "Reports per ministry"),
    "ui.round.owed": ("報告対象", "Owed"),
    "ui.round.arrived": ("提出済み", "Arrived"),
    "ui.round.missing": ("未提出の取組", "Missing rows"),
    "ui.assess.title": ("事務局の評価", "Secretariat assessment"),
    "ui.assess.reported": ("府省の報告した状況", "Status reported"),
    "ui.assess.assessed": ("事務局の評価", "Secretariat's status"),
    "ui.assess.comment": ("コメント", "Comment"),
    "ui.assess.entry": ("対象（取組ID｜府省）", "Entry (action | ministry)"),
    "ui.assess.save": ("評価を記録", "Record the assessment"),
    "ui.user.role": ("役割", "Role"),
    "ui.user.disabled": ("無効", "Disabled"),
    "ui.user.add": ("ユーザーを追加", "Add the user"),
    "ui.user.disable": ("無効化", "Disable"),
    "ui.user.enable": ("有効化", "Enable"),
    "ui.round_status.open": ("受付中", "Open"),
    "ui.round_status.closed": ("締切済み", "Closed"),
    # --- the template's instructions sheet (Japanese only: the template is filled in Japanese) ---------
    "tpl.help": (
        "{fy}（{era}年度）量子戦略フォローアップ　報告様式\n"
        "府省：{ministry}\n"
        "提出期限：{deadline}\n"
        "\n"
        "【記入方法】\n"
        "1. シート「報告」の黄色の列（進捗・次年度以降の取組・状況）に記入してください。\n"
        "2. 「状況」は一覧から選んでください：{statuses}。\n"
        "3. 「進捗」と「状況」は必須です。「次年度以降の取組」は状況が「完了」以外なら必須です。\n"
        "4. 報告しない行は3列とも空欄のままにしてください（その行は変更されません）。"
        "この年度に提出済みの行には提出した内容が入っています。直す行（差し戻された行など）だけ書き換えてください。\n"
        "5. 灰色の列（取組ID・柱・分野・取組・前年度の記載）は変更できません。行を追加しないでください。\n"
        "6. 数式は使わず、値（文字）を入力してください。「―」「－」だけのセルは空欄として扱います。\n"
        "7. シート「KPI」では、担当する指標の新しい値を「時点」「値」に記入できます"
        "（時点の例：2025-03-31、令和7年3月31日、2024年度）。\n"
        "8. 記入後、ダッシュボードの「報告のアップロード」画面からアップロードしてください。"
        "問題があればシート・行・列ごとに表示されます。変更内容を確認してから確定してください。\n"
        "9. この様式は作成時点のデータに基づいています。作成後に同じ行が更新された場合は受け付けられません。"
        "新しい様式をダウンロードし直してください。\n"
        "\n"
        "※ .xlsx のほか、LibreOffice 等で保存した .ods / .xls も受け付けます。"
        "パスワード付き・マクロ付きのファイルは受け付けません。",
        "{fy} quantum strategy follow-up — reporting template\n"
        "Ministry: {ministry}\n"
        "Deadline: {deadline}\n"
        "\n"
        "Fill in the yellow columns of sheet 報告 (進捗"
        ", 次年度以降の取組, 状況); status one of {statuses}. Rows already submitted for the year hold what "
        "was submitted: change only the rows to fix (those returned, say).",
    ),
}
