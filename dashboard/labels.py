"""Screen labels (ja, en). Model messages (statuses, errors) come from model.messages."""

LABELS: dict[str, tuple[str, str]] = {
    "page.kpi": ("目標・KPI", "Goals & KPIs"),
    "kpi.title": ("2030年目標と KPI", "2030 targets and KPIs"),
    "col.id": ("ID", "ID"),
    "col.kind": ("種別", "Kind"),
    "col.title": ("目標", "Goal"),
    "col.latest": ("最新値", "Latest"),
    "col.latest_date": ("時点", "As of"),
    "col.target": ("目標値", "Target"),
    "col.deadline": ("期限", "Deadline"),
    "col.pct": ("達成率", "% of target"),
    "col.status": ("状況", "Status"),
    "col.projected": ("達成見込み年", "Projected year"),
    "col.sample": ("サンプル", "Sample"),
    "col.source": ("出典", "Source"),
    "kpi.sample_note": (
        "「サンプル」の値は公式統計ではなく、表示確認用のサンプル値です。",
        "Values marked “Sample” are not official statistics; they are sample values for demonstration.",
    ),
}
