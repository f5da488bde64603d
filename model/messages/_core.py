"""Core messages (ja, en): command line and store errors, KPI statuses, goal kinds, follow-up statuses."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- command line / store -------------------------------------------------------------------------
    "err.db_unreachable": (
        "データベースに接続できません（{url}）：{detail}。DATABASE_URL を確認してください。",
        "Cannot connect to the database ({url}): {detail}. Check DATABASE_URL.",
    ),
    "err.db_full": (
        "データベースの保存先（{url}）の空き容量がありません。"
        "容量を確保してから再度お試しください（読み取りは続けられます）。",
        "The database's disk ({url}) is full: free some space and try again (reading goes on).",
    ),
    "err.db_readonly": (
        "データベース（{url}）が読み取り専用のため、書き込めません。"
        "ファイルやディレクトリの権限を確認してください。",
        "The database ({url}) is read-only: nothing can be written. "
        "Check the file's and folder's permissions.",
    ),
    "err.db_auth": (
        "データベース（{url}）のユーザー名またはパスワードが正しくありません。"
        "DATABASE_URL を確認してください。",
        "The database ({url}) refused the user name or password: check DATABASE_URL.",
    ),
    "err.db_bad_url": (
        "DATABASE_URL の形式が正しくありません：{url}。例：sqlite:///var/app.db",
        "DATABASE_URL is not a valid database URL: {url}. Example: sqlite:///var/app.db",
    ),
    "err.seed_invalid": (
        "シードデータ（{file}）に誤りがあります：{detail}",
        "The seed data ({file}) is invalid: {detail}",
    ),
    "err.seed_missing": (
        "シードデータのファイルが見つかりません：{file}",
        "Seed data file not found: {file}",
    ),
    "err.bad_version": (
        "データ版 {version} はありません（最新は {newest}）。",
        "There is no data version {version} (the newest is {newest}).",
    ),
    "err.not_initialised": (
        "データベースが初期化されていません。先に `python -m model init` を実行してください。",
        "The database is not initialised. Run `python -m model init` first.",
    ),
    "err.unexpected": (
        "予期しないエラーが発生しました（{kind}）：{detail}",
        "Unexpected error ({kind}): {detail}",
    ),
    "err.calendar": (
        "日付・年度として解釈できません：「{text}」。例：2027年度、令和9年度、2025-04-28",
        "Cannot read a date or fiscal year from “{text}”. Examples: 2027年度, 令和9年度, 2025-04-28",
    ),
    "err.unknown_ministry": (
        "府省「{text}」は登録されていません。使用可能：{known}",
        "Unknown ministry “{text}”. Known: {known}",
    ),
    "err.unknown_goal": (
        "目標ID「{text}」は存在しません。",
        "No goal with id “{text}”.",
    ),
    "err.bad_status": (
        "状況「{text}」は使用できません。使用可能：{known}",
        "Status “{text}” is not allowed. Allowed: {known}",
    ),
    "cli.init.created": (
        "データベースを作成し、シードデータを投入しました（{url}）。",
        "Created the database and loaded the seed data ({url}).",
    ),
    "cli.init.unchanged": (
        "データベースは最新です。変更はありません（{url}）。",
        "The database is up to date; nothing changed ({url}).",
    ),
    "cli.init.updated": (
        "シードデータの変更を反映しました（{url}）。",
        "Applied changes in the seed data ({url}).",
    ),
    # --- KPI statuses ---------------------------------------------------------------------------------
    "status.achieved": ("達成", "Achieved"),
    "status.on_track": ("順調", "On track"),
    "status.moderate": ("やや遅れ", "Moderate progress"),
    "status.limited": ("遅れ", "Limited progress"),
    "status.deteriorating": ("後退", "Deteriorating"),
    "status.missed": ("期限超過・未達", "Deadline passed, not met"),
    "status.no_data": ("データなし", "No data"),
    "status.no_target": ("目標値なし", "No numeric target"),
    "status.override_label": (
        "{status}（事務局判断。算定では{computed}）",
        "{status} (secretariat's assessment; computed: {computed})",
    ),
    "cli.backup.done": (
        "{path} にバックアップしました（データ版 {version}）。",
        "Backed up to {path} (data version {version}).",
    ),
    "cli.restore.done": (
        "{path} を {url} に復元しました（データ版 {version}）。",
        "Restored {path} into {url} (data version {version}).",
    ),
    "err.backup.exists": (
        "{path} はすでにあります。別のファイル名を指定してください（上書きはしません）。",
        "{path} already exists: name a new file (a backup never overwrites).",
    ),
    "err.backup.missing": ("バックアップファイル {path} が見つかりません。", "Backup file {path} not found."),
    "err.backup.unreadable": (
        "{path} はこのシステムのバックアップとして読めません：{detail}",
        "{path} cannot be read as a backup of this system: {detail}",
    ),
    "err.backup.not_empty": (
        "復元先のデータベースにはすでにデータがあります。空のデータベースを指定してください（履歴が混ざるのを防ぐため）。",
        "The target database already holds a store: restore into an empty database "
        "(two histories must not mix).",
    ),
    "err.auth.weak_password": (
        "このパスワードは推測されやすいため使えません（よく使われるもの、同じ文字や連続した文字の並び、ユーザー名を含むもの）。"
        "{n}文字以上の、覚えやすい長い語句にしてください。",
        "This password is too easy to guess (a common one, one repeated character, a run like 123456, or the "
        "user name in it). Use a long phrase you can remember, {n} characters or more.",
    ),
    "err.auth.locked": (
        "パスワードの誤りが続いたため、このアカウントへのログインを一時的に止めています。{minutes}分ほど待ってから再度お試しください。",
        "Too many wrong passwords: logins to this account are paused. Try again in about {minutes} minutes.",
    ),
    "err.text.control": (
        "{field}の{position}文字目に表示されない制御文字 {char} があります。"
        "削除してから入力し直してください。",
        "{field} has an invisible control character {char} at position {position}: remove it and try again.",
    ),
    "err.text.too_long": (
        "{field}が長すぎます（{n}文字。上限は{limit}文字）。",
        "{field} is too long ({n} characters; the limit is {limit}).",
    ),
    "field.user_name": ("ユーザー名", "The user name"),
    "field.reason": ("理由", "The reason"),
    "field.comment": ("コメント", "The comment"),
    "status.override_mark": ("事務局判断", "Secretariat's assessment"),
    "status.computed": ("算定：{status}", "Computed: {status}"),
    "err.override.reason": (
        "事務局判断の状況には理由が必要です（--reason に書いてください）。",
        "A secretariat status needs a reason: give it with --reason.",
    ),
    "err.override.goal_missing": (
        "目標IDを指定してください（例：python -m model kpi override H-USERS --status limited --reason …）。",
        "Name the goal (e.g. python -m model kpi override H-USERS --status limited --reason …).",
    ),
    "err.override.status_or_clear": (
        "--status か --clear のどちらか一方を指定してください。",
        "Give either --status or --clear (one of them).",
    ),
    "cli.override.set": (
        "{goal} の状況を事務局判断「{status}」にしました（{user}）。",
        "{goal}: secretariat status set to {status} ({user}).",
    ),
    "cli.override.cleared": (
        "{goal} の事務局判断を取り消しました（{user}）。算定結果を表示します。",
        "{goal}: secretariat status cleared ({user}); the computed status is shown.",
    ),
    # --- goal kinds -----------------------------------------------------------------------------------
    "kind.headline": ("2030年目標", "2030 target"),
    "kind.goal": ("目標", "Goal"),
    "kind.milestone": ("マイルストーン", "Milestone"),
    "kind.indicator": ("指標", "Indicator"),
    # --- follow-up statuses (reported by ministries) --------------------------------------------------
    "fu.完了": ("完了", "Completed"),
    "fu.順調": ("順調", "On schedule"),
    "fu.一部遅延": ("一部遅延", "Partly delayed"),
    "fu.遅延": ("遅延", "Delayed"),
    "fu.未着手": ("未着手", "Not started"),
    "fu.none": ("未設定", "Not set"),
    "ministry.joint": ("各府省（共同記載）", "All owners (joint text)"),
    "sample.badge": ("サンプル", "Sample"),
}
