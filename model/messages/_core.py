"""Core messages (ja, en): command line and store errors, KPI statuses, goal kinds, follow-up statuses."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- command line / store -------------------------------------------------------------------------
    "err.db_unreachable": (
        "データベースに接続できません（{url}）：{detail}。DATABASE_URL を確認してください。",
        "Cannot connect to the database ({url}): {detail}. Check DATABASE_URL.",
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
