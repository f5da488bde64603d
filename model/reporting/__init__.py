"""The ministry reporting cycle: collection rounds, templates, upload validation, preview, commit, history.

rounds.py       open / close a round per fiscal year; which rows each ministry owes and has sent
template.py     the .xlsx a ministry fills (locked ids, dropdowns, instructions, hidden metadata)
files.py        hostile-file checks before parsing, then calamine into plain grids
upload.py       validation (every problem by sheet, row, column) and the preview
commit.py       commit in one transaction, withdraw, history
assessments.py  the secretariat's own status and comment per entry
owners.py       who reports which rows and KPIs
"""
