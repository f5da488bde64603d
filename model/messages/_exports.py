"""Messages of the briefing exports (charts, deck, published table), merged into the catalogue."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- errors -----------------------------------------------------------------------------------------
    "err.export.no_browser": (
        "グラフの画像化に必要な Chromium が見つかりません。"
        "Debian では `apt-get install chromium` で導入するか、BROWSER_PATH を設定してください。",
        "Chromium, needed to turn charts into images, was not found. "
        "On Debian install it with `apt-get install chromium`, or set BROWSER_PATH.",
    ),
    "err.export.render_failed": (
        "グラフ「{name}」を画像にできませんでした：{detail}",
        "Could not render the chart “{name}” as an image: {detail}",
    ),
    "err.export.no_soffice": (
        "PDF への変換には LibreOffice が必要ですが、見つかりません。"
        "PowerPoint ファイル（.pptx）はそのまま使えます。"
        "PDF が必要な場合は `apt-get install libreoffice-impress` で導入してください。",
        "Converting to PDF needs LibreOffice, which is not installed. The PowerPoint file (.pptx) "
        "works as it is; for a PDF install it with `apt-get install libreoffice-impress`.",
    ),
    "err.export.pdf_failed": (
        "LibreOffice による PDF 変換に失敗しました：{detail}",
        "LibreOffice could not convert the file to PDF: {detail}",
    ),
    "err.export.unknown_chart": (
        "グラフ「{name}」はありません。使用可能：{known}",
        "There is no chart “{name}”. Available: {known}",
    ),
    "err.export.unknown_section": (
        "スライドの区分「{name}」はありません。使用可能：{known}",
        "There is no deck section “{name}”. Available: {known}",
    ),
    "err.export.no_section": (
        "スライドの区分を 1 つ以上選んでください。使用可能：{known}",
        "Choose at least one deck section. Available: {known}",
    ),
    "err.export.bad_format": (
        "形式「{fmt}」には対応していません。使用可能：{known}",
        "Format “{fmt}” is not supported. Supported: {known}",
    ),
    "err.export.bad_suffix": (
        "出力ファイル「{path}」の拡張子は {known} のいずれかにしてください。",
        "The output file “{path}” must end with one of {known}.",
    ),
    "err.export.chart_name_missing": (
        "グラフ名を指定してください（一覧は `python -m model export chart --list`）。",
        "Name a chart (list them with `python -m model export chart --list`).",
    ),
    "err.export.out_missing": (
        "出力ファイルを --out で指定してください（例：--out chart.png）。",
        "Name the output file with --out (e.g. --out chart.png).",
    ),
    "err.export.cannot_write": (
        "ファイル「{path}」に書き込めません：{detail}",
        "Cannot write the file “{path}”: {detail}",
    ),
    # --- command line -----------------------------------------------------------------------------------
    "cli.export.written": (
        "{path} を書き出しました（{detail}、データ版 {version}）。",
        "Wrote {path} ({detail}; data version {version}).",
    ),
    "cli.export.deck_detail": (
        "スライド {slides} 枚、グラフ {charts} 点",
        "{slides} slides, {charts} charts",
    ),
    "cli.export.followup_detail": (
        "{fy}、取組 {actions} 行",
        "{fy}, {actions} action rows",
    ),
    "cli.export.chart_detail": ("{fmt}、{size} バイト", "{fmt}, {size} bytes"),
    # --- the published follow-up table ------------------------------------------------------------------
    "ft.title": (
        "{strategies}フォローアップ {fy}",
        "Follow-up of {strategies}, {fy}",
    ),
    "ft.note": (
        "出典：フォローアップ登録データ（{fy}）。作成日：{date}。データ版：{version}",
        "Source: follow-up entries ({fy}). Made on {date}. Data version: {version}",
    ),
    "ft.col.action": ("取組", "Action"),
    "ft.col.progress": ("進捗", "Progress"),
    "ft.col.next": ("{next_fy}年度以降（の取組）", "From FY{next_fy} on"),
    "ft.goal": ("＜目標＞{text}", "＜目標＞{text}"),
    "ft.empty": ("―", "―"),
    "ft.ministry_prefix": ("［{name}］", "[{name}]"),
    "ft.ministry_prefix_status": ("［{name}｜{status}］", "[{name} | {status}]"),
    "ft.sheet": ("フォローアップ", "Follow-up"),
    "ft.footer": ("&P / &N ページ", "Page &P of &N"),
    # --- the briefing deck ------------------------------------------------------------------------------
    "deck.title": ("量子戦略フォローアップ ブリーフィング資料", "Quantum strategy follow-up: briefing"),
    "deck.subtitle": ("{fy}フォローアップ／{date}時点", "{fy} follow-up, as of {date}"),
    "deck.cover_note": (
        "内閣府 科学技術・イノベーション推進事務局　量子戦略フォローアップ・ダッシュボードより作成",
        "Made with the quantum strategy follow-up dashboard (Cabinet Office, CSTI secretariat)",
    ),
    "deck.footer": ("出典：{sources}　｜　{date}時点", "Source: {sources}  |  as of {date}"),
    "deck.notes": (
        "出典：\n{sources}\n\n基準日：{date}\nデータ版：{version}",
        "Sources:\n{sources}\n\nAs of: {date}\nData version: {version}",
    ),
    "deck.sample_mark": ("サンプル", "Sample"),
    "deck.sample_note": (
        "「サンプル」は公式統計ではない表示確認用の値です。",
        "“Sample” values are not official statistics; they are for demonstration.",
    ),
    "deck.kpi.title": ("2030年目標（ヘッドライン KPI）の状況", "Headline 2030 targets: status"),
    "deck.kpi.col.goal": ("目標", "Target"),
    "deck.kpi.col.latest": ("最新値", "Latest"),
    "deck.kpi.col.target": ("目標値", "Target value"),
    "deck.kpi.col.pct": ("達成率", "% of target"),
    "deck.kpi.col.status": ("状況", "Status"),
    "deck.kpi.col.projected": ("達成見込み", "Projected"),
    "deck.kpi.col.sample": ("値の区分", "Values"),
    "deck.pillars.title": ("柱別の状況（{fy}）", "Status by pillar ({fy})"),
    "deck.pillars.col.pillar": ("柱", "Pillar"),
    "deck.pillars.col.rows": ("報告対象", "Rows owed"),
    "deck.pillars.col.reported": ("報告済み", "Reported"),
    "deck.pillars.col.missing": ("未報告（府省×取組）", "Not yet reported (ministry × row)"),
    "deck.milestones.title": ("マイルストーン", "Milestones"),
    "deck.milestones.col.title": ("マイルストーン", "Milestone"),
    "deck.milestones.col.deadline": ("期限", "Deadline"),
    "deck.milestones.col.status": ("状況", "Status"),
    "deck.coop.title": ("国際協力", "International cooperation"),
    "deck.coop.col.date": ("時期", "Date"),
    "deck.coop.col.partner": ("相手国・地域", "Partner"),
    "deck.coop.col.kind": ("種別", "Kind"),
    "deck.coop.col.summary": ("概要", "Summary"),
    "deck.coop.frameworks": (
        "政府レベルの協力枠組み：{n} 件（目標期限 {deadline} までに {by_deadline} 件）",
        "Government cooperation frameworks: {n} ({by_deadline} by the deadline {deadline})",
    ),
    "deck.delayed.title": ("フォローアップの要注意事項：遅延（{fy}）", "Follow-up highlights: delays ({fy})"),
    "deck.delayed.none": ("遅延・一部遅延の報告はありません。", "No action was reported as delayed."),
    "deck.delayed.col.action": ("取組", "Action"),
    "deck.delayed.col.ministry": ("府省", "Ministry"),
    "deck.delayed.col.status": ("状況", "Status"),
    "deck.delayed.col.progress": ("進捗（抜粋）", "Progress (excerpt)"),
    "deck.missing.title": ("未報告の取組（{fy}）", "Not yet reported ({fy})"),
    "deck.missing.none": (
        "すべての府省が担当する取組を報告済みです。",
        "Every ministry has reported its rows.",
    ),
    "deck.missing.col.ministry": ("府省", "Ministry"),
    "deck.missing.col.owed": ("担当", "Owed"),
    "deck.missing.col.missing": ("未報告", "Missing"),
    "deck.missing.col.actions": ("未報告の取組", "Rows not yet reported"),
    "deck.continued": ("{title}（続き）", "{title} (continued)"),
    # alt text of the charts and pictures (what a screen reader says)
    "deck.alt.text": ("{kind}「{title}」。{series}", "{kind}: {title}. {series}"),
    "deck.alt.series_points": ("{name}：{points}", "{name}: {points}"),
    "deck.alt.series": ("系列", "Series"),
    "deck.alt.kind.bar": ("横棒グラフ", "Horizontal bar chart"),
    "deck.alt.kind.column": ("縦棒グラフ", "Column chart"),
    "deck.alt.kind.stacked_bar": ("積み上げ横棒グラフ", "Stacked horizontal bar chart"),
    "deck.alt.kind.stacked_column": ("積み上げ縦棒グラフ", "Stacked column chart"),
    "deck.alt.kind.line": ("折れ線グラフ（横軸は日付）", "Line chart over time"),
    "deck.alt.kind.picture": ("図", "Figure"),
    # the sections briefing staff choose (model/exports/deck.py SECTIONS)
    "deck.section.cover": ("表紙", "Cover"),
    "deck.section.kpi": ("ヘッドライン KPI（表とグラフ）", "Headline KPIs (table and charts)"),
    "deck.section.pillars": ("柱別の状況（表とグラフ）", "Status by pillar (table and charts)"),
    "deck.section.milestones": ("マイルストーン（表と時系列）", "Milestones (table and timeline)"),
    "deck.section.coop": ("国際協力（表とグラフ）", "International cooperation (table and charts)"),
    "deck.section.delayed": ("要注意事項：遅延", "Highlights: delays"),
    "deck.section.missing": ("未報告の取組", "Rows not yet reported"),
    "deck.chart_notes": ("グラフ：{name}", "Chart: {name}"),
    # --- sources as people read them --------------------------------------------------------------------
    "src.sample": ("サンプル値（公式統計ではない）", "sample values (not official statistics)"),
    "src.followup": ("各府省のフォローアップ登録データ（{fy}）", "ministries' follow-up entries ({fy})"),
    "src.store": ("量子戦略フォローアップ・データベース", "quantum strategy follow-up database"),
    # --- dashboard export page --------------------------------------------------------------------------
    "exp.title": ("ブリーフィング資料・公表様式の書き出し", "Briefing deck and published tables"),
    "exp.fy": ("年度", "Fiscal year"),
    "exp.deck.header": ("ブリーフィング資料（16:9）", "Briefing deck (16:9)"),
    "exp.deck.pptx": ("PowerPoint をダウンロード", "Download PowerPoint"),
    "exp.deck.pdf": ("PDF をダウンロード", "Download PDF"),
    "exp.deck.sections": ("含めるスライド", "Slides to include"),
    "exp.deck.sections_help": (
        "選んだ区分だけのスライドを作成します（順序は資料の順）。",
        "Only the chosen sections are made into slides (in the deck's order).",
    ),
    "exp.deck.caption": (
        "表紙、ヘッドライン KPI、柱別の状況、マイルストーン、国際協力、要注意事項と各グラフ。"
        "作成に 10〜20 秒かかります。",
        "Cover, headline KPIs, status by pillar, milestones, international cooperation, highlights and "
        "every chart. Takes 10–20 s to build.",
    ),
    "exp.followup.header": ("公表様式のフォローアップ表", "Follow-up table as published"),
    "exp.followup.xlsx": ("Excel（印刷設定済み）をダウンロード", "Download Excel (print-ready)"),
    "exp.followup.csv": ("CSV（UTF-8 BOM 付き）をダウンロード", "Download CSV (UTF-8 with BOM)"),
    "exp.charts.header": ("グラフ単体", "Single charts"),
    "exp.charts.pick": ("グラフ", "Chart"),
    "exp.download.png": ("PNG", "PNG"),
    "exp.download.svg": ("SVG", "SVG"),
    "exp.download.pdf": ("PDF", "PDF"),
    "exp.download.csv": ("CSV", "CSV"),
    "exp.download.help": (
        "{fmt} 形式でダウンロード（タイトル・凡例・出典・基準日付き）",
        "Download as {fmt} (with title, legend, source and as-of date)",
    ),
}
