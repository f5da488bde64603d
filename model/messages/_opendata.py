"""Messages of the open-data bundle (model/opendata/): errors, the command's output, the package's titles,
and the 項目定義 of every table and field (`od.title.<key>` / `od.desc.<key>`, key `<table>.<field>`, a
field name shared by several tables, or a table name), merged into the catalogue."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- errors and output --------------------------------------------------------------------------------
    "err.od.no_entries": (
        "{fy}年度のフォローアップはストアにありません。公開できる年度：{known}",
        "The store holds no follow-up for FY{fy}. Fiscal years that can be published: {known}",
    ),
    "err.od.out_not_dir": (
        "出力先「{path}」はファイルです。新しいフォルダ名を指定してください。",
        "The output “{path}” is a file. Give the name of a new folder.",
    ),
    "err.od.out_not_empty": (
        "出力先「{path}」は空でなく、以前に書き出したオープンデータでもありません。"
        "既存のファイルを上書きしないよう、空のフォルダか新しいフォルダ名を指定してください。",
        "The output folder “{path}” is not empty and holds no earlier open-data bundle. To overwrite "
        "nobody's files, give an empty folder or a new folder name.",
    ),
    "err.od.cannot_write": (
        "「{path}」に書き込めません（{detail}）。書き込めるフォルダを指定してください。何も書き出していません。",
        "Cannot write to “{path}” ({detail}). Give a folder you can write to. Nothing was written.",
    ),
    "cli.od.written": (
        "{path} に{fy}のオープンデータを書き出しました（{tables} 表、CSV と JSON、datapackage.json；"
        "ストアのバージョン {version}）",
        "Wrote the open data of {fy} to {path} ({tables} tables as CSV and JSON, datapackage.json; "
        "store version {version})",
    ),
    "exp.opendata.header": ("オープンデータ（機械可読）", "Open data (machine-readable)"),
    "exp.opendata.caption": (
        "選択した年度のフォローアップと、KPI の観測値・計算記録、目標、マイルストーン、国際協力、"
        "戦略の構成を、縦持ちの CSV（UTF-8 BOM 付き）と JSON、datapackage.json"
        "（項目定義・更新履歴・ライセンス付き）にまとめた zip です。",
        "The selected year's follow-up with the KPI observations and calculation records, goals, milestones, "
        "international agreements and the strategy structure, as long-format CSV (UTF-8 with BOM) and JSON "
        "with a datapackage.json (definitions, update history, licence), in one zip.",
    ),
    "exp.opendata.zip": ("オープンデータ（.zip）", "Open data (.zip)"),
    "exp.opendata.empty": (
        "{fy}のフォローアップはまだ登録されていないため、オープンデータはありません。",
        "{fy} has no follow-up entries yet, so there is no open data to download.",
    ),
    # --- the package --------------------------------------------------------------------------------------
    "od.package.title": (
        "量子技術イノベーション戦略 フォローアップ {fy}（オープンデータ）",
        "Quantum strategy follow-up {fy} (open data)",
    ),
    "od.package.desc": (
        "量子戦略の取組ごと・府省ごとの進捗と次年度以降の取組、KPI の観測値と達成状況の計算記録、目標、"
        "マイルストーン、国際協力、戦略の構成。1 行 1 レコード、日付は西暦（ISO 8601）で和暦を併記。"
        "KPI のサンプル値は sample 列で区別しています（公式統計ではありません）。",
        "Progress and next steps of every action of the quantum strategies per ministry, KPI observations "
        "and the calculation of their status, goals, milestones, international cooperation and the "
        "strategy structure. One record per row; dates are ISO 8601 with the Japanese era beside them. "
        "Sample KPI values are marked in the sample column (they are not official statistics).",
    ),
    "od.licence": (
        "政府標準利用規約（第2.0版）"
        "（クリエイティブ・コモンズ・ライセンス 表示 4.0 国際（CC BY 4.0）と互換）",
        "Government of Japan Standard Terms of Use (Version 2.0), compatible with CC BY 4.0",
    ),
    "od.json_twin": (
        "{name} と同じ内容の JSON（1 行 1 オブジェクトの配列、UTF-8）。文字列は加工せずそのまま収録。",
        "The same rows as {name}, as JSON (an array of one object per row, UTF-8), text exactly as stored.",
    ),
    "od.wareki.title": ("{title}（和暦）", "{title} (Japanese era)"),
    "od.wareki.desc": (
        "{field} の和暦表記。{field} と同じ精度（日・月・年・年度）で表記。",
        "{field} in the Japanese era, at the same precision as {field} (day, month, year or fiscal year).",
    ),
    # --- tables -------------------------------------------------------------------------------------------
    "od.title.followup_entries": ("フォローアップ（取組×府省）", "Follow-up entries (action × ministry)"),
    "od.desc.followup_entries": (
        "対象年度の取組ごと・府省ごとの記載 1 件を 1 行に。本文は followup_items に 1 行ずつ。",
        "One row per action and ministry of the fiscal year; the text is in followup_items, line by line.",
    ),
    "od.title.followup_items": ("フォローアップ本文（1 行 1 項目）", "Follow-up text (one line per row)"),
    "od.desc.followup_items": (
        "進捗・次年度以降の取組の本文を、記載の 1 行（○で始まる項目など）ごとに 1 レコードにしたもの。",
        "The progress and next-steps text, one record per line of the entry (each ○ item and so on).",
    ),
    "od.title.kpi_observations": ("KPI 観測値", "KPI observations"),
    "od.desc.kpi_observations": (
        "目標ごと・日付ごとの観測値。sample が true の値はサンプル値（公式統計ではない）。",
        "One value per goal and date. Values with sample = true are sample values, not official figures.",
    ),
    "od.title.kpi_calculations": ("KPI 達成状況の計算記録", "KPI status calculation records"),
    "od.desc.kpi_calculations": (
        "目標ごとに、基準値・最新値・目標・成長率・比率・閾値から達成状況をどう判定したか（as_of 時点）。"
        "事務局判断がある場合はその状況と理由も。",
        "Per goal, how its status as of as_of was reached: base, latest value, target, growth rates, "
        "ratio and thresholds; the secretariat's override and its reason where there is one.",
    ),
    "od.title.goals": ("目標", "Goals"),
    "od.desc.goals": (
        "2030 年目標、分野ごとの＜目標＞、期限付きマイルストーン、追跡指標。",
        "The 2030 headline targets, each sub-area's ＜目標＞, dated milestones and tracked indicators.",
    ),
    "od.title.milestones": ("マイルストーン", "Milestones"),
    "od.desc.milestones": (
        "期限付きの目標ごとの期限（出典の精度で）、達成の記録、as_of 時点の状況。",
        "Each dated goal's deadline (at the precision its source gives), its achievement, its status as of "
        "as_of.",
    ),
    "od.title.agreements": ("国際協力の合意文書", "International agreements"),
    "od.desc.agreements": (
        "協力覚書・共同声明などの合意文書。",
        "Memoranda of cooperation, joint statements.",
    ),
    "od.title.agreement_areas": ("合意文書の協力分野", "Cooperation areas of the agreements"),
    "od.desc.agreement_areas": (
        "合意文書に書かれた協力内容 1 項目を 1 行に、協力分野の分類付きで。",
        "One row per item of cooperation an agreement lists, with its cooperation area.",
    ),
    "od.title.coop_areas": ("協力分野", "Cooperation areas"),
    "od.desc.coop_areas": (
        "合意文書の協力内容を分類する分野。",
        "Areas the items of cooperation are sorted into.",
    ),
    "od.title.strategies.decided_ja": ("決定（原文）", "Decision (as printed)"),
    "od.desc.strategies.decided_ja": (
        "戦略の決定日と決定した会議。文書の表記のまま。",
        "When and by which council the strategy was decided, as the document prints it.",
    ),
    "od.title.strategies.from_fy": ("フォローアップ開始年度", "First fiscal year followed up"),
    "od.desc.strategies.from_fy": (
        "この戦略の取組をフォローアップする最初の年度（西暦の年度）。",
        "The first fiscal year (April–March, by its starting year) the strategy's actions are followed up.",
    ),
    "od.title.strategies.pillar_format": ("柱の番号の書式", "Numbering of areas"),
    "od.desc.strategies.pillar_format": (
        "文書が柱（分野）に付ける番号の書式。no は番号、no_fw は全角の番号を表す。",
        "How the document numbers its areas: no is the number, no_fw the full-width number.",
    ),
    "od.title.strategies.area_format": ("分野の番号の書式", "Numbering of sub-areas"),
    "od.desc.strategies.area_format": (
        "文書が分野に付ける番号の書式。circled は丸数字（①）を表す。",
        "How the document numbers its sub-areas: circled is a circled number (①).",
    ),
    "od.title.actions.group_ja": ("グループ", "Group"),
    "od.desc.actions.group_ja": (
        "分野の中の＜…＞の見出し（量子未来産業創出戦略 (2)① のみ）。",
        "The <…> heading inside a sub-area (seed 004 §6 (2)① only).",
    ),
    "od.title.strategies": ("戦略", "Strategies"),
    "od.desc.strategies": ("フォローアップの対象となる量子戦略。", "The quantum strategies followed up."),
    "od.title.pillars": ("戦略の柱", "Strategy pillars"),
    "od.desc.pillars": (
        "戦略の柱（1. 技術開発戦略 など）。",
        "The strategy's pillars (1. technology development …).",
    ),
    "od.title.areas": ("分野", "Sub-areas"),
    "od.desc.areas": (
        "柱の下の分野と、その＜目標＞。",
        "The sub-areas under each pillar, with their ＜目標＞.",
    ),
    "od.title.actions": ("取組", "Actions"),
    "od.desc.actions": (
        "分野ごとの取組（フォローアップ表の行）。",
        "The actions of each sub-area (rows of the table).",
    ),
    "od.title.action_owners": ("取組の担当府省", "Owners of each action"),
    "od.desc.action_owners": (
        "取組ごとの担当府省を 1 行 1 府省に（【科技、総、文、経】の縦持ち）。",
        "One row per action and owning ministry (the 【…】 tag, one ministry per row).",
    ),
    "od.title.ministries": ("府省", "Ministries"),
    "od.desc.ministries": (
        "府省の一覧。JOINT は所管府省が共同で記載した本文（府省ではない）。",
        "The ministries. JOINT stands for text the owners of an action published together (not a ministry).",
    ),
    "od.title.sources": ("出典", "Sources"),
    "od.desc.sources": (
        "データを転記した元の公表文書。",
        "The published documents the data is transcribed from.",
    ),
    "od.title.update_history": ("更新履歴", "Update history"),
    "od.desc.update_history": (
        "このデータの元になったストアの変更（初期データ、府省の提出、取下げ）を版ごとに。提出者の氏名は含みません。",
        "Every change of the store behind this data (seed, ministry uploads, withdrawals), one per version. "
        "Who submitted is not published.",
    ),
    "od.title.definitions": ("項目定義", "Field definitions"),
    "od.desc.definitions": (
        "すべての表のすべての項目の定義。",
        "The definition of every field of every table.",
    ),
    # --- fields shared by several tables ------------------------------------------------------------------
    "od.title.fiscal_year": ("年度", "Fiscal year"),
    "od.desc.fiscal_year": (
        "年度（4 月～翌年 3 月）の西暦の開始年。",
        "Japanese fiscal year (April–March), by its start year.",
    ),
    "od.title.fiscal_year_wareki": ("年度（和暦）", "Fiscal year (Japanese era)"),
    "od.desc.fiscal_year_wareki": (
        "fiscal_year の和暦表記（例：令和2年度）。",
        "fiscal_year in the Japanese era (e.g. 令和2年度).",
    ),
    "od.title.action_id": ("取組番号", "Action ID"),
    "od.desc.action_id": (
        "取組の番号：柱-分野-連番（例：1-1-01）、小項目は枝番付き。actions を参照。",
        "Action number: pillar-area-sequence (e.g. 1-1-01), sub rows with a suffix. Refers to actions.",
    ),
    "od.title.ministry_code": ("府省コード", "Ministry code"),
    "od.desc.ministry_code": (
        "府省のコード。ministries を参照。",
        "The ministry's code. Refers to ministries.",
    ),
    "od.title.version": ("版", "Version"),
    "od.desc.version": (
        "この行を書いたストアの変更の版番号。update_history を参照。",
        "The store version (change) that wrote this row. Refers to update_history.",
    ),
    "od.title.recorded_at": ("記録日時（UTC）", "Recorded at (UTC)"),
    "od.desc.recorded_at": (
        "ストアに記録された日時（協定世界時、秒まで）。",
        "When the store recorded it (UTC, to the second).",
    ),
    "od.title.goal_id": ("目標 ID", "Goal ID"),
    "od.desc.goal_id": ("目標の ID。goals の id を参照。", "The goal's ID. Refers to goals.id."),
    "od.title.date": ("日付", "Date"),
    "od.desc.date": (
        "西暦の日付（ISO 8601）。精度が月・年の場合はその初日。",
        "Date, ISO 8601; the first day of the month or year when the precision is a month or a year.",
    ),
    "od.title.date_precision": ("日付の精度", "Date precision"),
    "od.desc.date_precision": (
        "出典が示す日付の精度：day（日）、month（月）、year（年）、fy（年度）。",
        "How precise the source's date is: day, month, year or fy (fiscal year).",
    ),
    "od.title.metric": ("指標", "Metric"),
    "od.desc.metric": ("測る量の名前（英小文字）。", "Name of the measured quantity (lower-case)."),
    "od.title.unit": ("単位", "Unit"),
    "od.desc.unit": ("値の単位（persons、yen、count など）。", "Unit of the values (persons, yen, count …)."),
    "od.title.sample": ("サンプル値", "Sample value"),
    "od.desc.sample": (
        "true はサンプル値（公式統計ではない）。分析・引用には使わないでください。",
        "true: a sample value, not an official figure. Do not analyse or quote it.",
    ),
    "od.title.source_id": ("出典 ID", "Source ID"),
    "od.desc.source_id": (
        "出典文書の ID（sources を参照）。複数の出典がある場合は最初の文書。",
        "The source document's ID (refers to sources); the first one when several are cited.",
    ),
    "od.title.source": ("出典", "Source"),
    "od.desc.source": (
        "出典文書の題名と箇所。複数の場合は「;」区切り。",
        "Source document title and section; several separated by “;”.",
    ),
    "od.title.note": ("備考", "Note"),
    "od.desc.note": ("転記時の注記。", "Note made while transcribing."),
    "od.title.direction": ("望ましい方向", "Desired direction"),
    "od.desc.direction": (
        "increase（増加）、decrease（減少）、maintain（維持）、achieve（達成）。",
        "increase, decrease, maintain or achieve.",
    ),
    "od.title.target_value": ("目標値", "Target value"),
    "od.desc.target_value": ("数値目標（unit の単位）。", "Numeric target, in unit."),
    "od.title.target_date": ("目標期限", "Target date"),
    "od.desc.target_date": (
        "目標の期限日。goals では出典が日付を示す場合のみ、kpi_calculations では判定に使った期限"
        "（年度末・年末を含む）。",
        "The target's deadline: in goals only when the source gives a day; in kpi_calculations the "
        "deadline the status was measured against (the end of a fiscal or calendar year included).",
    ),
    "od.title.as_of": ("基準日", "As of"),
    "od.desc.as_of": ("状況を判定した日付。", "The date the status was assessed on."),
    "od.title.title_ja": ("名称（日本語）", "Title (Japanese)"),
    "od.desc.title_ja": ("日本語の名称・本文。", "Title or text in Japanese."),
    "od.title.title_en": ("名称（英語）", "Title (English)"),
    "od.desc.title_en": ("英語の名称（翻訳）。", "Title in English (translation)."),
    "od.title.name_ja": ("名称（日本語）", "Name (Japanese)"),
    "od.desc.name_ja": ("日本語の名称。", "Name in Japanese."),
    "od.title.name_en": ("名称（英語）", "Name (English)"),
    "od.desc.name_en": ("英語の名称。", "Name in English."),
    "od.title.agreement_id": ("合意文書 ID", "Agreement ID"),
    "od.desc.agreement_id": ("合意文書の ID（相手国-年）。", "Agreement ID (partner-year)."),
    "od.title.pillar_id": ("柱番号", "Pillar number"),
    "od.desc.pillar_id": (
        "戦略の柱の番号。pillars を参照。",
        "Number of the strategy pillar. Refers to pillars.",
    ),
    "od.title.area_id": ("分野番号", "Sub-area number"),
    "od.desc.area_id": (
        "柱-分野の番号（例：1-1）。areas を参照。",
        "pillar-area number (e.g. 1-1). Refers to areas.",
    ),
    "od.title.strategy_id": ("戦略 ID", "Strategy ID"),
    "od.desc.strategy_id": ("戦略の ID。strategies を参照。", "The strategy's ID. Refers to strategies."),
    "od.title.evidence_source_id": ("根拠の出典 ID", "Evidence source ID"),
    "od.desc.evidence_source_id": (
        "達成の根拠の出典文書 ID（sources を参照）。",
        "Source document of the evidence (refers to sources).",
    ),
    "od.title.evidence_source": ("根拠の出典", "Evidence source"),
    "od.desc.evidence_source": (
        "達成の根拠の出典文書の題名と箇所。",
        "Title and section of the evidence's source.",
    ),
    # --- followup_entries / followup_items ----------------------------------------------------------------
    "od.title.followup_entries.status": ("進捗状況（府省の自己評価）", "Status (reported by the ministry)"),
    "od.desc.followup_entries.status": (
        "府省が報告した状況：完了、順調、一部遅延、遅延、未着手。空欄は報告なし。",
        "Status the ministry reported: 完了 done, 順調 on track, 一部遅延 partly delayed, 遅延 delayed, "
        "未着手 not started. Empty when none was reported.",
    ),
    "od.title.progress_lines": ("進捗の行数", "Progress lines"),
    "od.desc.progress_lines": (
        "followup_items の column=progress の行数。",
        "Number of followup_items rows with column = progress.",
    ),
    "od.title.next_lines": ("次年度以降の取組の行数", "Next-steps lines"),
    "od.desc.next_lines": (
        "followup_items の column=next の行数。",
        "Number of followup_items rows with column = next.",
    ),
    "od.title.followup_items.column": ("欄", "Column"),
    "od.desc.followup_items.column": (
        "progress（進捗）または next（次年度以降の取組）。",
        "progress (進捗) or next (次年度以降の取組, next steps).",
    ),
    "od.title.followup_items.seq": ("行番号", "Line number"),
    "od.desc.followup_items.seq": (
        "欄の中での行の順番（1 から）。",
        "Order of the line within its column, from 1.",
    ),
    "od.title.followup_items.text_ja": ("本文（1 行）", "Text (one line)"),
    "od.desc.followup_items.text_ja": (
        "記載の 1 行。CSV では =、+、-、@ で始まる文字列の先頭に ' を付加（表計算ソフトの数式として"
        "実行されないため）。JSON はそのまま。",
        "One line of the entry. In CSV, text starting with =, +, - or @ gets a leading ' so that no "
        "spreadsheet runs it as a formula; the JSON holds it unchanged.",
    ),
    # --- kpi_observations ---------------------------------------------------------------------------------
    "od.title.obs_id": ("観測 ID", "Observation ID"),
    "od.desc.obs_id": (
        "転記時の観測値の ID（S はサンプル値）。",
        "ID given to the observation when transcribed.",
    ),
    "od.title.value": ("値", "Value"),
    "od.desc.value": ("観測値（unit の単位）。", "Observed value, in unit."),
    # --- kpi_calculations ---------------------------------------------------------------------------------
    "od.title.base_value": ("基準値", "Base value"),
    "od.desc.base_value": (
        "成長率の起点：目標の基準値、なければ最初の観測値。",
        "Start of the growth: the goal's baseline, else its first observation.",
    ),
    "od.title.base_date": ("基準日付", "Base date"),
    "od.desc.base_date": ("base_value の日付。", "Date of base_value."),
    "od.title.latest_value": ("最新値", "Latest value"),
    "od.desc.latest_value": ("as_of 以前の最新の観測値。", "The latest observation on or before as_of."),
    "od.title.latest_date": ("最新値の日付", "Latest date"),
    "od.desc.latest_date": ("latest_value の日付。", "Date of latest_value."),
    "od.title.method": ("計算方法", "Method"),
    "od.desc.method": (
        "cagr（年平均成長率）、linear（年あたり増分）、level（水準の比較）、none（計算なし）。",
        "cagr (compound annual growth), linear (units per year), level (level compared), none.",
    ),
    "od.title.actual_rate": ("実績成長率", "Actual rate"),
    "od.desc.actual_rate": (
        "基準値から最新値までの年あたり成長（method による）。",
        "Growth per year from base to latest (per method).",
    ),
    "od.title.required_rate": ("必要成長率", "Required rate"),
    "od.desc.required_rate": (
        "基準値から期限までに目標へ達するのに必要な年あたり成長。",
        "Growth per year needed from base to reach the target by its date.",
    ),
    "od.title.ratio": ("比率 R", "Ratio R"),
    "od.desc.ratio": (
        "R = 方向 × 実績成長率 ÷ |必要成長率|。",
        "R = direction × actual rate ÷ |required rate|.",
    ),
    "od.title.threshold_on_track": ("閾値（順調）", "Threshold (on track)"),
    "od.desc.threshold_on_track": ("R がこの値以上なら順調。", "R at or above this: on track."),
    "od.title.threshold_moderate": ("閾値（やや遅れ）", "Threshold (moderate)"),
    "od.desc.threshold_moderate": ("R がこの値以上なら moderate。", "R at or above this: moderate."),
    "od.title.threshold_limited": ("閾値（遅れ）", "Threshold (limited)"),
    "od.desc.threshold_limited": (
        "R がこの値以上なら limited、未満なら deteriorating。",
        "R at or above this: limited; below: deteriorating.",
    ),
    "od.title.computed_status": ("計算上の状況", "Computed status"),
    "od.desc.computed_status": (
        "計算による状況：achieved、on_track、moderate、limited、deteriorating、missed、no_data、no_target。",
        "Status as computed: achieved, on_track, moderate, limited, deteriorating, missed, no_data, "
        "no_target.",
    ),
    "od.title.override_status": ("事務局判断の状況", "Secretariat's status"),
    "od.desc.override_status": (
        "事務局が理由を付して設定した状況（あれば）。",
        "Status set by the secretariat with a reason, if any.",
    ),
    "od.title.override_reason": ("事務局判断の理由", "Secretariat's reason"),
    "od.desc.override_reason": ("override_status の理由。", "Reason for override_status."),
    "od.title.override_at": ("事務局判断の日時（UTC）", "Secretariat's status set at (UTC)"),
    "od.desc.override_at": ("override_status を設定した日時。", "When override_status was set."),
    "od.title.kpi_calculations.status": ("状況", "Status"),
    "od.desc.kpi_calculations.status": (
        "公表する状況：事務局判断があればそれ、なければ computed_status。",
        "The status published: the secretariat's when set, else computed_status.",
    ),
    "od.title.reason": ("判定理由", "Reason"),
    "od.desc.reason": (
        "状況を判定した理由（英語の短文）。",
        "Why the status was reached (short English text).",
    ),
    # --- goals --------------------------------------------------------------------------------------------
    "od.title.id": ("目標 ID", "Goal ID"),
    "od.desc.id": (
        "目標の ID：H-（2030 年目標）、G-（分野の＜目標＞）、M-（マイルストーン）、I-（指標）。",
        "Goal ID: H- headline 2030 target, G- sub-area goal, M- milestone, I- indicator.",
    ),
    "od.title.goals.kind": ("種類", "Kind"),
    "od.desc.goals.kind": (
        "headline、goal、milestone、indicator。",
        "headline, goal, milestone or indicator.",
    ),
    "od.title.pillar": ("柱番号", "Pillar"),
    "od.desc.pillar": (
        "目標が属する柱（pillars を参照）。",
        "The pillar the goal belongs to (refers to pillars).",
    ),
    "od.title.area": ("分野番号", "Sub-area"),
    "od.desc.area": (
        "目標が属する分野（areas を参照）。",
        "The sub-area the goal belongs to (refers to areas).",
    ),
    "od.title.baseline_value": ("基準値", "Baseline value"),
    "od.desc.baseline_value": ("出典が示す基準値。", "Baseline the source gives."),
    "od.title.baseline_date": ("基準日", "Baseline date"),
    "od.desc.baseline_date": ("基準値の日付。", "Date of the baseline."),
    "od.title.target_year": ("目標年", "Target year"),
    "od.desc.target_year": (
        "目標の年（target_basis が FY なら年度、CY なら暦年）。",
        "Year of the target (fiscal year if target_basis is FY, calendar year if CY).",
    ),
    "od.title.target_basis": ("年の基準", "Year basis"),
    "od.desc.target_basis": ("FY（年度）または CY（暦年）。", "FY (fiscal year) or CY (calendar year)."),
    "od.title.target_text_ja": ("期限の原文", "Deadline as written"),
    "od.desc.target_text_ja": (
        "出典に書かれた期限の表現（例：2030年）。",
        "The deadline as the source words it.",
    ),
    "od.title.related_action": ("関連する取組", "Related action"),
    "od.desc.related_action": (
        "関連する取組の番号（actions を参照）。",
        "Number of the related action (refers to actions).",
    ),
    # --- milestones ---------------------------------------------------------------------------------------
    "od.title.deadline": ("期限", "Deadline"),
    "od.desc.deadline": (
        "期限の日付。精度が年・年度の場合はその末日（deadline_precision を参照）。",
        "The deadline; the last day of the year or fiscal year when that is its precision (see "
        "deadline_precision).",
    ),
    "od.title.deadline_precision": ("期限の精度", "Deadline precision"),
    "od.desc.deadline_precision": ("day（日）、year（年）、fy（年度）。", "day, year or fy (fiscal year)."),
    "od.title.deadline_text_ja": ("期限の原文", "Deadline as written"),
    "od.desc.deadline_text_ja": ("出典に書かれた期限の表現。", "The deadline as the source words it."),
    "od.title.milestones.status": ("状況", "Status"),
    "od.desc.milestones.status": (
        "as_of 時点の状況：done（達成）、overdue（期限超過）、due（期限前）、no_date（期限なし）。",
        "Status as of as_of: done, overdue, due, no_date.",
    ),
    "od.title.achieved_date": ("達成日", "Achieved on"),
    "od.desc.achieved_date": (
        "出典が示す達成日（精度は achieved_date_precision）。",
        "When the source says it was achieved (precision in achieved_date_precision).",
    ),
    "od.title.achieved_date_precision": ("達成日の精度", "Achieved-date precision"),
    "od.desc.achieved_date_precision": ("day、month、year、fy。", "day, month, year or fy."),
    "od.title.evidence_ja": ("達成の根拠", "Evidence"),
    "od.desc.evidence_ja": ("達成を示す出典の記述。", "The source's statement of the achievement."),
    # --- agreements, agreement_areas, coop_areas ----------------------------------------------------------
    "od.title.partner_ja": ("相手国・機関（日本語）", "Partner (Japanese)"),
    "od.desc.partner_ja": ("合意の相手国・地域・機関。", "The partner country, region or body."),
    "od.title.partner_en": ("相手国・機関（英語）", "Partner (English)"),
    "od.desc.partner_en": ("partner_ja の英語名。", "partner_ja in English."),
    "od.title.agreements.kind": ("文書の種類", "Kind of document"),
    "od.desc.agreements.kind": (
        "moc（協力覚書）、statement（声明）、letter_of_intent（意図表明）、dialogue（対話）、other。",
        "moc, statement, letter_of_intent, dialogue or other.",
    ),
    "od.title.kind_ja": ("文書の種類（日本語）", "Kind (Japanese)"),
    "od.desc.kind_ja": ("出典での文書の種類の呼び方。", "The kind of document as the source names it."),
    "od.title.agreements.title_ja": ("文書名", "Title"),
    "od.desc.agreements.title_ja": ("合意文書の名称。", "Title of the agreement."),
    "od.title.agreements.date": ("署名・発表日", "Signed or issued"),
    "od.desc.agreements.date": (
        "署名・発表の日付（精度は date_precision）。",
        "Date signed or issued (precision in date_precision).",
    ),
    "od.title.place": ("場所", "Place"),
    "od.desc.place": ("署名・開催の場所。", "Where it was signed or held."),
    "od.title.jp_org": ("日本側機関", "Japanese body"),
    "od.desc.jp_org": ("日本側の署名機関。", "The Japanese signing body."),
    "od.title.partner_org": ("相手側機関", "Partner body"),
    "od.desc.partner_org": ("相手側の署名機関。", "The partner's signing body."),
    "od.title.jp_signatory": ("日本側署名者", "Japanese signatory"),
    "od.desc.jp_signatory": ("日本側の署名者の職名。", "Title of the Japanese signatory."),
    "od.title.partner_signatory": ("相手側署名者", "Partner signatory"),
    "od.desc.partner_signatory": ("相手側の署名者の職名。", "Title of the partner's signatory."),
    "od.title.summary_ja": ("概要", "Summary"),
    "od.desc.summary_ja": ("合意内容の概要。", "Summary of what was agreed."),
    "od.title.term_ja": ("期間", "Term"),
    "od.desc.term_ja": (
        "有効期間・終了の定め（改行は空白に置換）。",
        "Term and termination (line breaks replaced by spaces).",
    ),
    "od.title.binding": ("法的拘束力", "Legally binding"),
    "od.desc.binding": (
        "true：法的拘束力あり、false：なし、空欄：出典に記載なし。",
        "true binding, false not binding, empty: the source does not say.",
    ),
    "od.title.agreement_areas.seq": ("項目番号", "Item number"),
    "od.desc.agreement_areas.seq": (
        "合意文書の中での協力内容の順番。",
        "Order of the item within the agreement.",
    ),
    "od.title.label": ("見出し", "Heading"),
    "od.desc.label": ("出典での項目の見出し。", "The item's heading in the source."),
    "od.title.agreement_areas.text_ja": ("協力内容", "Item of cooperation"),
    "od.desc.agreement_areas.text_ja": ("出典に書かれた協力内容。", "The item of cooperation as written."),
    "od.title.area_code": ("協力分野コード", "Cooperation area code"),
    "od.desc.area_code": ("協力分野（coop_areas を参照）。", "The cooperation area (refers to coop_areas)."),
    "od.title.coop_areas.code": ("協力分野コード", "Cooperation area code"),
    "od.desc.coop_areas.code": (
        "協力分野のコード（英小文字）。",
        "Code of the cooperation area (lower-case).",
    ),
    "od.title.description": ("説明", "Description"),
    "od.desc.description": ("協力分野の説明。", "What the cooperation area covers."),
    # --- structure ----------------------------------------------------------------------------------------
    "od.title.no": ("分野番号（柱内）", "Number within the pillar"),
    "od.desc.no": ("柱の中での分野の番号（（1）など）。", "The sub-area's number within its pillar."),
    "od.title.goal_ja": ("＜目標＞", "＜目標＞ (goal text)"),
    "od.desc.goal_ja": ("分野の＜目標＞の原文。", "The sub-area's ＜目標＞ as written."),
    "od.title.areas.goal_id": ("＜目標＞の目標 ID", "Goal ID of the ＜目標＞"),
    "od.desc.areas.goal_id": (
        "＜目標＞に対応する目標（goals を参照）。",
        "The goal the ＜目標＞ is (refers to goals).",
    ),
    "od.title.parent_id": ("親の取組", "Parent action"),
    "od.desc.parent_id": (
        "小項目の場合、親の取組の番号（actions を参照）。",
        "For a sub row, its parent action (refers to actions).",
    ),
    "od.title.sub_label": ("小項目の記号", "Sub-row label"),
    "od.desc.sub_label": ("小項目の記号（ⅰ、① など）。", "The sub row's label (ⅰ, ① …)."),
    "od.title.actions.title_ja": ("取組", "Action"),
    "od.desc.actions.title_ja": ("取組の原文。", "The action as written."),
    "od.title.ministries_tag": ("担当府省（原文）", "Owners as written"),
    "od.desc.ministries_tag": (
        "原文の【】内の担当府省の略称。1 府省 1 行にしたものは action_owners。",
        "The owners' short names in 【】 as written; one per row in action_owners.",
    ),
    "od.title.reportable": ("報告対象", "Reported on"),
    "od.desc.reportable": ("true：府省がフォローアップを記載する行。", "true: a row ministries report on."),
    "od.title.tagged": ("直接の担当", "Tagged directly"),
    "od.desc.tagged": (
        "false：小項目で、親の取組の担当府省を引き継ぐ。",
        "false: a sub row inheriting its parent's owners.",
    ),
    "od.title.ministries.code": ("府省コード", "Ministry code"),
    "od.desc.ministries.code": ("府省のコード（JOINT は共同記載）。", "Ministry code (JOINT: joint text)."),
    "od.title.tag": ("略称", "Short name"),
    "od.desc.tag": ("【】内で使われる略称（科技、文 など）。", "Short name used in 【】 (科技, 文 …)."),
    "od.title.short_en": ("略称（英語）", "Short name (English)"),
    "od.desc.short_en": ("英語の略称。", "Short English name."),
    "od.title.issuer": ("発行者", "Issuer"),
    "od.desc.issuer": ("文書の発行者。", "Who issued the document."),
    "od.title.sources.date": ("発行日", "Issued on"),
    "od.desc.sources.date": ("文書の日付。", "Date of the document."),
    # --- update_history -----------------------------------------------------------------------------------
    "od.title.update_history.version": ("版", "Version"),
    "od.desc.update_history.version": (
        "ストアの版番号（変更ごとに 1 増える）。",
        "Store version (one per change).",
    ),
    "od.title.update_history.kind": ("変更の種類", "Kind of change"),
    "od.desc.update_history.kind": (
        "seed（初期データ）、upload（府省の提出）、withdrawal（取下げ）、manual（事務局の修正）。",
        "seed, upload (a ministry's submission), withdrawal or manual (secretariat's edit).",
    ),
    "od.title.update_history.fiscal_year": ("対象年度", "Fiscal year"),
    "od.desc.update_history.fiscal_year": (
        "提出の対象年度（初期データは空欄）。",
        "Fiscal year submitted (empty for the seed).",
    ),
    "od.title.update_history.ministry_code": ("提出府省", "Ministry"),
    "od.desc.update_history.ministry_code": (
        "提出した府省（初期データは空欄）。",
        "Ministry that submitted (empty for the seed).",
    ),
    "od.title.rows_added": ("追加行数", "Rows added"),
    "od.desc.rows_added": ("この変更で追加された行数。", "Rows this change added."),
    "od.title.rows_changed": ("変更行数", "Rows changed"),
    "od.desc.rows_changed": ("この変更で内容が変わった行数。", "Rows this change altered."),
    "od.title.rows_unchanged": ("変更なし行数", "Rows unchanged"),
    "od.desc.rows_unchanged": ("提出されたが内容が同じだった行数。", "Rows submitted with the same content."),
    "od.title.outcome": ("結果", "Outcome"),
    "od.desc.outcome": (
        "committed（反映）または withdrawn（後に取下げ）。",
        "committed, or withdrawn later.",
    ),
    "od.title.withdraws_version": ("取り下げた版", "Withdraws version"),
    "od.desc.withdraws_version": (
        "取下げの場合、取り下げた提出の版。",
        "For a withdrawal, the version it undid.",
    ),
    # --- definitions --------------------------------------------------------------------------------------
    "od.title.resource": ("表", "Table"),
    "od.desc.resource": (
        "表の名前（ファイル名から拡張子を除いたもの）。",
        "Table name (the file name without its extension).",
    ),
    "od.title.field": ("項目", "Field"),
    "od.desc.field": ("項目名（列の見出し）。", "Field name (the column heading)."),
    "od.title.type": ("型", "Type"),
    "od.desc.type": (
        "Table Schema の型：string、integer、number、boolean、date、datetime。",
        "Table Schema type: string, integer, number, boolean, date or datetime.",
    ),
    "od.title.definitions.title_ja": ("項目名（日本語）", "Title (Japanese)"),
    "od.desc.definitions.title_ja": ("項目の日本語名。", "The field's name in Japanese."),
    "od.title.definitions.title_en": ("項目名（英語）", "Title (English)"),
    "od.desc.definitions.title_en": ("項目の英語名。", "The field's name in English."),
    "od.title.description_ja": ("定義（日本語）", "Definition (Japanese)"),
    "od.desc.description_ja": ("項目の定義。", "The field's definition in Japanese."),
    "od.title.description_en": ("定義（英語）", "Definition (English)"),
    "od.desc.description_en": ("項目の定義（英語）。", "The field's definition in English."),
}
