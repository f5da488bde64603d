"""Briefing exports: what leaves the system as a file.

- `safe` — formula-like cells neutralised; every .xlsx/.csv writer of the project uses it.
- `images` — charts as PNG/SVG/PDF through kaleido, one Chromium per batch.
- `briefing` — the deck's tables (headline KPIs, pillars, milestones, cooperation, highlights).
- `deck` — the 16:9 PowerPoint (python-pptx), Japanese fonts on every run, sources in the notes.
- `followup_table` — the follow-up table as published (.xlsx print-ready, .csv UTF-8 with BOM).
- `pdf` — LibreOffice conversion to PDF, with a clear error when LibreOffice is missing.

Modules are imported by name (`from model.exports import deck`): the deck pulls in plotly and the figures,
which the published table and the safe-cell helpers do not need.
"""
