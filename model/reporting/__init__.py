"""The ministry reporting cycle: collection rounds, templates, upload validation, preview, commit, history."""
