"""Messages of the reporting cycle (templates, upload validation, rounds, users), merged into the catalogue."""

MESSAGES: dict[str, tuple[str, str]] = {}
