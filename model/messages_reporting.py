"""Messages of the reporting cycle (templates, upload checks, rounds, users), merged into the catalogue."""

MESSAGES: dict[str, tuple[str, str]] = {
    "err.round_missing": (
        "{fiscal_year}年度の報告受付は開設されていません。",
        "No collection round exists for FY{fiscal_year}.",
    ),
}
