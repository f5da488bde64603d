"""Messages of the dashboard views and figures (ja, en), merged into model.messages.CATALOGUE."""

MESSAGES: dict[str, tuple[str, str]] = {}
