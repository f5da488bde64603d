"""Messages of the follow-up page at scale (issue #12): pages of actions, the view switch, the URL filters.
Ids start with `fux.`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "fux.all_years": ("全年度", "All years"),
    "fux.view": ("表示", "View"),
    "fux.view.cards": ("取組ごと（ページ送り）", "By action (in pages)"),
    "fux.per_page": ("1ページの取組数", "Actions per page"),
    "fux.page": ("ページ", "Page"),
    "fux.page_of": ("{page} / {pages}", "{page} of {pages}"),
    "fux.range": (
        "{pages} ページ中 {page} ページ目：取組 {first}–{last}（全 {actions} 取組）",
        "Page {page} of {pages}: actions {first}–{last} of {actions}",
    ),
    "fux.shared": (
        "絞り込みはページのURLに保存されます（ブックマーク・共有できます）。",
        "The filters are kept in the page's URL: bookmark or share it.",
    ),
    "fux.history_help": (
        "このページに表示している記載から選びます。",
        "Choose among the entries shown on this page.",
    ),
}
