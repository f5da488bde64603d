"""Messages of the dashboard views and figures (ja, en), merged into the catalogue."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- figure furniture -----------------------------------------------------------------------------
    "fig.source": ("出典：{text}", "Source: {text}"),
    "fig.as_of": ("{date}時点", "As of {date}"),
    "fig.sample": (
        "サンプル値を含む（公式統計ではない）",
        "Includes sample values (not official statistics)",
    ),
    "fig.empty": ("表示するデータがありません", "No data to show"),
    "fig.empty_fy": ("{fy}のフォローアップはまだ登録されていません", "No follow-up entries for {fy} yet"),
    "fig.source.sample": (
        "実績値はサンプル値（公式統計ではない）",
        "actuals are sample values (not official)",
    ),
    "fig.source.followup": ("フォローアップ登録データ（{fy}）", "follow-up entries ({fy})"),
    "fig.source.followup_all": ("フォローアップ登録データ（全年度）", "follow-up entries (all fiscal years)"),
    "fig.source.goals": ("{docs}（各目標の出典）", "{docs} (each goal's source)"),
    # --- trajectory -----------------------------------------------------------------------------------
    "fig.traj.title": ("{goal}：実績・必要経路・見通し", "{goal}: actuals, required path, projection"),
    "fig.traj.actual": ("実績", "Actual"),
    "fig.traj.actual_sample": ("実績（サンプル）", "Actual (sample)"),
    "fig.traj.required": ("目標達成に必要な経路", "Path required to reach the target"),
    "fig.traj.projection": ("現状の伸びによる見通し", "Projection at the current rate"),
    "fig.traj.target": ("目標（{value}、{date}）", "Target ({value}, {date})"),
    "fig.traj.projected_year": ("達成見込み：{year}年", "Projected to reach: {year}"),
    "fig.traj.not_projected": ("現状の伸びでは達成見込みなし", "Not reached at the current rate"),
    "fig.axis.date": ("年", "Year"),
    "fig.axis.value": ("値（{unit}）", "Value ({unit})"),
    "unit.persons.axis": ("万人", "million persons"),
    "unit.yen.axis": ("兆円", "trillion yen"),
    "unit.count.axis": ("件数", "count"),
    # --- other charts -----------------------------------------------------------------------------------
    "fig.kpi_progress.title": ("数値目標の達成率", "Progress towards numeric targets"),
    "fig.kpi_progress.axis": ("目標に対する達成率（%）", "% of target"),
    "fig.goal_status.title": ("目標の種別と状況", "Goals by kind and status"),
    "fig.goal_status.axis": ("目標数", "Number of goals"),
    "fig.pillar_status.title": ("柱別の取組の状況（{fy}）", "Status of actions by pillar ({fy})"),
    "fig.pillar_status.axis": ("記載数", "Entries"),
    "fig.pillar_status.name": ("柱別の取組の状況", "Status of actions by pillar"),
    "fig.completeness.title": ("府省別の報告状況（{fy}）", "Reporting completeness by ministry ({fy})"),
    "fig.completeness.name": ("府省別の報告状況", "Reporting completeness by ministry"),
    "fig.completeness.reported": ("報告済み", "Reported"),
    "fig.completeness.missing": ("未報告", "Not yet reported"),
    "fig.completeness.axis": ("担当する取組の数", "Actions owned"),
    "fig.completeness.source": (
        "各府省の提出（{fy}）と取組の担当府省【…】",
        "submissions ({fy}) and the 【…】 owners",
    ),
    "fig.milestones.title": ("マイルストーンの時系列", "Milestones on a timeline"),
    "fig.milestones.today": ("基準日", "As-of date"),
    "fig.agreements.title": ("二国間の協力文書（締結時期）", "Bilateral agreements on a timeline"),
    "fig.matrix.title": ("相手国・地域 × 協力分野", "Partner × cooperation area"),
    "fig.matrix.colorbar": ("項目数", "Items"),
    "fig.events.title": (
        "国際会議・イベント（MDQ ほか）",
        "International meetings and events (MDQ and others)",
    ),
    "fig.frameworks.title": (
        "政府レベルの協力枠組みの数と目標期限（G-2-1）",
        "Government cooperation frameworks against the deadline (G-2-1)",
    ),
    "fig.frameworks.bilateral": ("二国間（累計）", "Bilateral (cumulative)"),
    "fig.frameworks.multilateral": ("多国間（累計）", "Multilateral (cumulative)"),
    "fig.frameworks.total": ("合計（累計）", "Total (cumulative)"),
    "fig.frameworks.deadline": ("目標期限 {fy}末", "Deadline: end of {fy}"),
    "fig.frameworks.by_deadline": ("期限までに {n} 件", "{n} by the deadline"),
    "fig.frameworks.axis": ("枠組みの数（累計）", "Frameworks (cumulative)"),
    "fig.frameworks.source_note": (
        "二国間の協力文書と多国間対話（MDQ・QDG）を枠組みとして計数",
        "bilateral agreements plus multilateral dialogues (MDQ, QDG) counted as frameworks",
    ),
    "fig.by_year.title": (
        "年度別のフォローアップ記載数と状況",
        "Follow-up entries per fiscal year, by status",
    ),
    "fig.by_year.axis": ("記載数", "Entries"),
    "fig.axis.fy": ("年度", "Fiscal year"),
    # --- milestone statuses -------------------------------------------------------------------------------
    "ms.done": ("達成", "Done"),
    "ms.overdue": ("期限超過（達成の記録なし）", "Past due, no record of completion"),
    "ms.due": ("期限前", "Due"),
    "ms.no_date": ("期日なし", "No date"),
    # --- agreement kinds and event kinds ----------------------------------------------------------------
    "agkind.moc": ("協力覚書", "Memorandum of cooperation"),
    "agkind.statement": ("共同声明", "Joint statement"),
    "agkind.letter_of_intent": ("協力趣意書", "Letter of intent"),
    "agkind.dialogue": ("対話", "Dialogue"),
    "agkind.other": ("その他", "Other"),
    "evkind.mdq": ("量子多国間対話（MDQ）", "Multilateral Dialogue on Quantum (MDQ)"),
    "evkind.qdg": ("量子開発グループ（QDG）", "Quantum Development Group (QDG)"),
    "evkind.symposium": ("シンポジウム", "Symposium"),
    "evkind.conference": ("国際会議", "Conference"),
    "evkind.strategy": ("戦略の決定", "Strategy adopted"),
    "evkind.founding": ("企業の発足", "Company founded"),
    "evkind.mou_signing": ("覚書の締結", "MoU signed"),
    "evkind.launch": ("稼働開始", "Launch"),
    # --- the KPI calculation record (model/goals.py) ---------------------------------------------------
    "kpi.calc.base": ("基準：{value}（{date}）", "Base: {value} ({date})"),
    "kpi.calc.latest": ("最新値：{value}（{date}）", "Latest: {value} ({date})"),
    "kpi.calc.target": ("目標：{value}（{date}、{direction}）", "Target: {value} ({date}, {direction})"),
    "kpi.calc.method": ("算定方法：{method}", "Method: {method}"),
    "kpi.calc.rates": (
        "実績の伸び：{actual}／必要な伸び：{required}",
        "Actual growth: {actual}; required: {required}",
    ),
    "kpi.calc.ratio": (
        "比 R（方向 × 実績 ÷ |必要|）：{ratio}（閾値 {thresholds}）",
        "Ratio R (direction × actual ÷ |required|): {ratio} (thresholds {thresholds})",
    ),
    "kpi.calc.computed": ("算定結果：{status}", "Computed status: {status}"),
    "kpi.calc.override": (
        "事務局判断：{status}（理由：{reason}。{user}、{date}）",
        "Secretariat's assessment: {status} (reason: {reason}; {user}, {date})",
    ),
    "kpi.calc.effective": ("表示する状況：{status}", "Status shown: {status}"),
    "kpi.calc.rate_pct": ("{rate}%／年", "{rate}% a year"),
    "kpi.calc.rate_units": ("{rate}／年", "{rate} a year"),
    "kpi.direction.increase": ("増加", "increase"),
    "kpi.direction.decrease": ("減少", "decrease"),
    "kpi.direction.maintain": ("維持", "maintain"),
    "kpi.method.cagr": ("年平均成長率（複利）", "compound annual growth rate"),
    "kpi.method.linear": (
        "年あたり増加数（線形：ゼロからの件数）",
        "units a year (linear: a count from zero)",
    ),
    "kpi.method.level": ("水準の維持（許容幅 5%）", "level held (5% tolerance)"),
    "kpi.method.none": ("—（傾向を算定できない）", "— (no trend to compute)"),
    # --- accessibility statement (dashboard/views/accessibility.py) -------------------------------------
    "a11y.page": ("ウェブアクセシビリティ方針", "Web accessibility policy"),
    "a11y.nav": ("このサイトについて", "About this site"),
    "a11y.policy": (
        "量子戦略フォローアップ・ダッシュボードは、誰もが同じ情報を得て同じ操作ができるよう、"
        "JIS X 8341-3:2016「高齢者・障害者等配慮設計指針－情報通信における機器，ソフトウェア及びサービス－"
        "第3部：ウェブコンテンツ」の適合レベル AA に準拠することを目標とします。",
        "The Quantum Strategy Follow-up Dashboard aims to conform to level AA of JIS X 8341-3:2016 (the "
        "Japanese Industrial Standard identical to WCAG 2.0), so that everyone can get the same information "
        "and do the same things.",
    ),
    "a11y.scope.title": ("対象範囲", "Scope"),
    "a11y.scope": (
        "このダッシュボードのすべてのページ（ログインしていない閲覧者のページと、事務局・府省編集者・閲覧者の"
        "各ロールでログインしたときのページ）。日本語と英語の両方、画面幅 {widths} で試験しています。",
        "Every page of this dashboard (what a reader who is not logged in sees, and what the secretariat, "
        "ministry editors and viewers see once logged in), in Japanese and in English, at widths {widths}.",
    ),
    "a11y.level.title": ("目標とする適合レベルと対応度", "Target level and degree of conformance"),
    "a11y.level": (
        "目標：JIS X 8341-3:2016 適合レベル AA。現時点の対応度は「配慮」です。自動試験で重大・深刻な問題が"
        "ないことを確認していますが、達成基準ごとの人手による試験はまだ行っていないため、「準拠」とは表記しません。",
        "Target: JIS X 8341-3:2016 level AA. The degree of conformance today is “considered”: an "
        "automated test finds no serious or critical problem, but no manual test of every success criterion "
        "has been made yet, so we do not claim conformance.",
    ),
    "a11y.results.title": ("試験結果", "Test results"),
    "a11y.results.meta": (
        "試験日：{date}　試験ツール：{tool} {version}（{runner}）　ルール：{tags}　"
        "試験したページ：{pages} ページ（延べ {checks} 回）",
        "Tested on {date} with {tool} {version} ({runner}); rules: {tags}; pages tested: {pages} "
        "({checks} checks in all)",
    ),
    "a11y.results.verdict_ok": (
        "すべてのページで、影響度「重大」「深刻」の問題は 0 件でした。",
        "No page has a problem of impact serious or critical.",
    ),
    "a11y.results.verdict_ng": (
        "影響度「重大」「深刻」の問題が {n} 件あります（下の表）。",
        "{n} problems of impact serious or critical remain (table below).",
    ),
    "a11y.col.page": ("ページ", "Page"),
    "a11y.col.checks": ("試験の組合せ", "Checks"),
    "a11y.col.serious": ("重大・深刻", "Serious / critical"),
    "a11y.col.other": ("中程度・軽微（ルール：件数）", "Moderate / minor (rule: count)"),
    "a11y.col.result": ("結果", "Result"),
    "a11y.result.pass": ("問題なし", "Pass"),
    "a11y.result.notes": ("軽微な指摘あり", "Pass with notes"),
    "a11y.result.fail": ("要対応", "Fails"),
    "a11y.checks": ("{n} 回（ロール {roles}、{langs}、{widths}）", "{n} ({roles}; {langs}; {widths})"),
    "a11y.rules.title": ("残っている指摘の内容", "What the remaining notes mean"),
    "a11y.method.title": ("試験の方法", "How it is tested"),
    "a11y.method": (
        "自動試験はテストスイートの一部（tests/browser/test_accessibility.py）で、Chromium で各ページを"
        "表示し axe-core を実行します。あわせて、キーボードだけでログイン・ページ移動・様式のアップロードが"
        "できること、日本語表示に英語の既定文言が、英語表示に日本語が（固有名詞と原文の引用を除き）"
        "出ないことを確かめています。この表は最後に記録した試験結果から作られています。",
        "The automated test is part of the test suite (tests/browser/test_accessibility.py): it opens every "
        "page in Chromium and runs axe-core. The same test checks that login, moving between pages and "
        "uploading a template work with the keyboard alone, and that the Japanese screen shows no default "
        "English and the English screen no Japanese (except proper names and quoted source text). This table "
        "is made from the last recorded results.",
    ),
    "a11y.missing": (
        "試験結果のファイル（{path}）を読めません：{problem}。"
        "テストを QF_A11Y_RECORD=1 で実行して記録してください。",
        "The results file ({path}) cannot be read: {problem}. "
        "Run the test with QF_A11Y_RECORD=1 to record it.",
    ),
    "a11y.role.anonymous": ("未ログイン", "not logged in"),
}
