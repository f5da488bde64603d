"""Messages of the strategies' structure and its maintenance by the secretariat (model/structure_edits.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "st.refused": (
        "構造の変更を受け付けませんでした（問題 {n} 件。何も変更していません）：{detail}",
        "The structure changes were refused ({n} problems; nothing was changed): {detail}",
    ),
    "st.nothing": (
        "変更がありません。「構造変更」シートに 1 行以上記入してください。",
        "There is nothing to change: fill at least one row of the structure-change sheet (構造変更).",
    ),
    "st.unknown_op": (
        "操作「{value}」は使えません。{known} のいずれかを選んでください。",
        "Unknown operation “{value}”: choose one of {known}.",
    ),
    "st.unknown_column": (
        "この列名は使えません。使える列名：{known}",
        "Unknown column: the columns are {known}",
    ),
    "st.bad_text": (
        "受け付けられない制御文字を含むか、{limit}文字を超えています。入力し直してください。",
        "Holds a control character or is longer than {limit} characters: retype it.",
    ),
    "st.reason_required": (
        "変更の理由を記入してください（履歴に残ります）。",
        "Give the reason for the change (it is kept in the history).",
    ),
    "st.fy_required": (
        "適用年度（例：2026）を記入してください。その年度以降の構造が変わります。",
        "Give the fiscal year the change applies from (e.g. 2026).",
    ),
    "st.fy_bad": (
        "適用年度「{value}」は年度ではありません（例：2026）。",
        "“{value}” is not a fiscal year (e.g. 2026).",
    ),
    "st.before_strategy": (
        "この戦略のフォローアップは{fy}年度からです。{fy}年度以降を記入してください。",
        "This strategy is followed up from FY{fy}: give FY{fy} or later.",
    ),
    "st.unknown_action": ("取組ID「{value}」は登録されていません。", "There is no action “{value}”."),
    "st.unknown_area": ("分野ID「{value}」は登録されていません。", "There is no area “{value}”."),
    "st.unknown_ministry": (
        "府省「{value}」は登録されていません。使用可能：{known}",
        "Unknown ministry “{value}”; known: {known}",
    ),
    "st.exists": (
        "「{value}」は既に登録されています。別のIDにしてください。",
        "“{value}” exists already: choose another id.",
    ),
    "st.bad_action_id": (
        "取組ID「{value}」の形式が違います（例：2301-1-03）。空欄なら自動で付けます。",
        "Action id “{value}” has the wrong form (e.g. 2301-1-03); leave it empty to have one given.",
    ),
    "st.required": ("必須です。記入してください。", "Required: fill it in."),
    "st.reword_empty": (
        "新しい名称か説明を記入してください。",
        "Give the new title or description.",
    ),
    "st.before_action": (
        "取組「{value}」は{fy}年度からのものです。それより前の年度から変更することはできません。",
        "Action “{value}” exists from FY{fy}: it cannot be changed from an earlier year.",
    ),
    "st.retired": (
        "取組「{value}」は{fy}年度から廃止・統合されています。",
        "Action “{value}” is retired or merged from FY{fy}.",
    ),
    "st.self": ("自分自身は指定できません。", "An action cannot point at itself."),
    "st.bad_code": (
        "府省コード「{value}」は英大文字で始まる 2〜16 文字の英数字にしてください（例：MHLW）。",
        "Ministry code “{value}”: 2–16 capital letters, digits or _ starting with a letter (e.g. MHLW).",
    ),
    "st.ministry_exists": (
        "この府省は既に登録されています（{value}）。",
        "This ministry exists already ({value}).",
    ),
    "st.bad_relation": (
        "関係「{value}」は使えません。{known} のいずれかにしてください。",
        "Unknown relation “{value}”: use one of {known}.",
    ),
    "st.bad_goal_id": (
        "目標ID「{value}」の形式が違います（例：G-2023-1、M-2023-01）。",
        "Goal id “{value}” has the wrong form (e.g. G-2023-1, M-2023-01).",
    ),
    "st.bad_choice": (
        "「{value}」は使えません。{known} のいずれかにしてください。",
        "“{value}” is not one of {known}.",
    ),
    "st.bad_metric": (
        "指標「{value}」は英小文字・数字・_ で書いてください（例：qkd_vendors）。",
        "Metric “{value}”: lower-case letters, digits and _ (e.g. qkd_vendors).",
    ),
    "st.not_number": ("「{value}」は数値ではありません。", "“{value}” is not a number."),
    "st.milestone_dated": (
        "マイルストーンには目標年と期限の表記（文書の表現）が必要です。",
        "A milestone needs its target year and the deadline as the document words it.",
    ),
    "st.op.action.add": (
        "{fy}年度から取組 {target}「{title_ja}」を追加（分野 {area_id}、担当 {owners}）",
        "From FY{fy}: add action {target} “{title_ja}” (area {area_id}, owners {owners})",
    ),
    "st.op.action.reword": (
        "{fy}年度から取組 {target} の文言を修正「{title_ja}」",
        "From FY{fy}: reword action {target} “{title_ja}”",
    ),
    "st.op.action.retire": ("{fy}年度から取組 {target} を廃止", "From FY{fy}: retire action {target}"),
    "st.op.action.merge": (
        "{fy}年度から取組 {target} を {into} に統合",
        "From FY{fy}: merge action {target} into {into}",
    ),
    "st.op.owners.set": (
        "{fy}年度から取組 {target} の担当府省を {owners} に",
        "From FY{fy}: owners of action {target} become {owners}",
    ),
    "st.op.ministries.add": ("府省 {target}「{name_ja}」を追加", "Add ministry {target} “{name_ja}”"),
    "st.op.goal.add": ("目標 {target}「{title_ja}」を追加", "Add goal {target} “{title_ja}”"),
    "st.op.link.add": (
        "取組 {target} と {related_id} を関連付け（{relation}）",
        "Link action {target} to {related_id} ({relation})",
    ),
    "st.recorded": (
        "構造の変更 {n} 件を記録しました（ストア版 {version}）。",
        "Recorded {n} structure changes (store version {version}).",
    ),
    "err.unknown_strategy": (
        "戦略「{text}」は登録されていません。使用可能：{known}",
        "Unknown strategy “{text}”; known: {known}",
    ),
    "st.out_required": (
        "--out で書き出し先のファイルを指定してください。",
        "Give the file to write with --out.",
    ),
    "st.file_missing": ("ファイル「{file}」が見つかりません。", "File “{file}” not found."),
    "st.unassigned": ("担当府省未設定", "No ministry assigned"),
    "st.help": (
        "構造変更シートの記入方法（事務局のみ）\n"
        "1 行が 1 件の変更です。「操作」を選び、必要な列を記入してください。"
        "すべての行に「理由」が必要です。\n"
        "年度に結び付く変更（取組追加・文言修正・廃止・統合・担当府省設定）は「適用年度」から効力を持ち、"
        "それより前の年度の表や様式は変わりません。何も削除されません。\n"
        "取組追加：分野ID・名称（説明・担当府省・親ID は任意。対象ID が空欄なら自動採番）\n"
        "文言修正：対象ID と新しい名称または説明\n"
        "廃止：対象ID\n"
        "統合：対象ID（廃止される取組）と統合先ID\n"
        "担当府省設定：対象ID と担当府省（例：文、経。空欄で未設定に戻す）\n"
        "府省追加：対象ID（英字コード）・タグ・府省名・府省名（英）・英略称\n"
        "目標追加：対象ID（例：G-2023-1）・種別（goal/milestone/indicator）・戦略ID・名称・名称（英）・指標・単位・方向"
        "（目標値・目標年・年の基準 FY/CY・期限の表記は任意。マイルストーンは目標年と期限の表記が必要）\n"
        "関連付け：対象ID・関連ID・関係（continues = 対象が関連先を引き継ぐ／part_of／related）\n"
        "1 行でも問題があれば、すべての問題を一覧で示し、何も変更しません。",
        "How to fill the 構造変更 sheet (secretariat only)\n"
        "One row is one change. Choose the operation (操作) and fill the columns it needs. "
        "Every row needs a reason (理由).\n"
        "Year-bound changes (add, reword, retire, merge, set owners) apply from the fiscal year "
        "given (適用年度); "
        "tables and templates of earlier years do not change. Nothing is deleted.\n"
        "取組追加 add an action: 分野ID, 名称 (説明, 担当府省, 親ID optional; an empty 対象ID is numbered)\n"
        "文言修正 reword: 対象ID and the new 名称 or 説明\n"
        "廃止 retire: 対象ID\n"
        "統合 merge: 対象ID (the action retired) and 統合先ID\n"
        "担当府省設定 set owners: 対象ID and 担当府省 (e.g. 文、経; empty = none)\n"
        "府省追加 add a ministry: 対象ID (code), タグ, 府省名, 府省名（英）, 英略称\n"
        "目標追加 add a goal: 対象ID (e.g. G-2023-1), 種別 (goal/milestone/indicator), 戦略ID, "
        "名称, 名称（英）, 指標, 単位, 方向 (目標値, 目標年, 年の基準 FY/CY, 期限の表記 optional; "
        "a milestone needs 目標年 and 期限の表記)\n"
        "関連付け link: 対象ID, 関連ID, 関係 (continues = the target carries the related action on "
        "/ part_of / related)\n"
        "If any row has a problem, every problem is listed and nothing is changed.",
    ),
    # --- the structure page (dashboard/views/structure.py) ---------------------------------------------
    "st.ui.title": ("戦略の構造", "Strategy structure"),
    "st.ui.strategy": ("戦略", "Strategy"),
    "st.ui.fy": ("表示する年度の構造", "Structure of fiscal year"),
    "st.ui.fy_help": (
        "{fy}年度に効力のある構造を表示しています。"
        "変更は「適用年度」から効力を持ち、それより前の年度は変わりません。",
        "Showing the structure in force in FY{fy}. "
        "A change applies from its fiscal year; earlier years do not change.",
    ),
    "st.ui.counts": (
        "取組 {n} 件（担当府省設定済み {owned} 件、担当府省未設定 {unowned} 件）",
        "{n} actions ({owned} with owners, {unowned} with no ministry assigned)",
    ),
    "st.ui.col.title": ("取組", "Action"),
    "st.ui.col.owners": ("担当府省", "Owner ministries"),
    "st.ui.col.in_force": ("効力", "In force"),
    "st.ui.retired_from": ("{fy}年度から廃止", "retired from FY{fy}"),
    "st.ui.starts_from": ("{fy}年度から", "from FY{fy}"),
    "st.ui.tab.owners": ("担当府省の設定", "Assign owners"),
    "st.ui.tab.retire": ("廃止", "Retire"),
    "st.ui.tab.upload": ("一括変更（構造変更シート）", "Many changes (a structure-change sheet)"),
    "st.ui.tab.history": ("変更履歴", "Change history"),
    "st.ui.from_fy": ("適用年度", "Applies from fiscal year"),
    "st.ui.reason": ("理由", "Reason"),
    "st.ui.assign": ("担当府省を設定", "Assign"),
    "st.ui.retire": ("廃止する", "Retire"),
    "st.ui.retire_confirm": (
        "この取組を適用年度から廃止します（過去の年度の表と履歴は残ります）",
        "Retire this action from the fiscal year given (past years' tables and history stay)",
    ),
    "st.ui.retire_confirm_needed": ("確認のチェックを入れてください。", "Tick the confirmation first."),
    "st.ui.template": ("構造変更シートをダウンロード", "Download the structure-change sheet"),
    "st.ui.upload": ("記入した構造変更シート", "The filled structure-change sheet"),
    "st.ui.col.row": ("行", "Row"),
    "st.ui.col.column": ("列", "Column"),
    "st.ui.col.problem": ("問題と直し方", "Problem and how to fix it"),
    "st.ui.preview": ("次の {n} 件の変更を記録します", "These {n} changes will be recorded"),
    "st.ui.commit": ("変更を記録", "Record the changes"),
    "st.ui.no_history": ("構造の変更はまだありません。", "The structure has not been changed yet."),
    "st.ui.col.when": ("日時", "When"),
    "st.ui.col.who": ("変更者", "By"),
    "st.ui.col.change": ("変更", "Change"),
    "st.ui.col.version": ("データ版", "Version"),
    "st.ui.filter": ("戦略", "Strategy"),
    "st.ui.related": ("関連する取組", "Related actions"),
    "st.ui.relation.continues": ("引き継ぐ", "continues"),
    "st.ui.relation.continued_by": ("引き継がれる", "continued by"),
    "st.ui.relation.part_of": ("一部をなす", "part of"),
    "st.ui.relation.has_part": ("一部に含む", "includes"),
    "st.ui.relation.related": ("関連", "related"),
    "st.ui.entries": ("報告 {n} 件", "{n} entries"),
}
