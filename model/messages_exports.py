"""Messages of the briefing exports (charts, deck, published table), merged into the catalogue."""

MESSAGES: dict[str, tuple[str, str]] = {}
