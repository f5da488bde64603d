"""Table definitions. Reference tables mirror the seed schemas; history tables are append-only."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import sqlalchemy as sa

metadata = sa.MetaData()

# Reference tables: replaced as a whole when the seed data set changes (they are the strategy's text and
# vocabulary, not reported values). Their primary keys:
_REFERENCE_KEYS: dict[str, tuple[str, ...]] = {
    "sources": ("source_id",),
    "strategies": ("strategy_id",),
    "ministries": ("code",),
    "pillars": ("pillar_id",),
    "areas": ("area_id",),
    "actions": ("action_id",),
    "bullets": ("bullet_id",),
    "goals": ("id",),
    "milestones_status": ("goal_id",),
    "coop_areas": ("code",),
    "agreements": ("agreement_id",),
    "agreement_areas": ("agreement_id", "seq", "area_code"),
    "events": ("event_id",),
}


def _column_type(annotation: str) -> type[sa.types.TypeEngine[Any]]:
    text = annotation.lower()
    if "bool" in text:
        return sa.Boolean
    if "int" in text:
        return sa.Integer
    if "float" in text:
        return sa.Float
    return sa.Text


def schema_columns() -> dict[str, list[tuple[str, str]]]:
    """Per table of model/schemas.py's `TABLES`, its columns and their annotations (`Series[str]` …), in
    order, read from that module's source rather than by importing it: the schemas are pandera models, and
    importing pandera costs more than a small command's whole work (`python -m model status`). The schemas
    stay the one definition; tests/model/store/test_schema_columns.py checks this reading against them."""
    tree = ast.parse((Path(__file__).resolve().parent.parent / "schemas.py").read_text(encoding="utf-8"))
    classes = {
        node.name: [
            (item.target.id, ast.unparse(item.annotation))
            for item in node.body
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
        ]
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }
    registry = next(
        node.value
        for node in tree.body
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and node.target.id == "TABLES"
    )
    assert isinstance(registry, ast.Dict)
    return {
        ast.literal_eval(k): classes[v.id]
        for k, v in zip(registry.keys, registry.values, strict=True)
        if k is not None and isinstance(v, ast.Name)
    }


def _reference_table(name: str, columns: list[tuple[str, str]]) -> sa.Table:
    keys = _REFERENCE_KEYS[name]
    cols = [
        sa.Column(
            col_name,
            _column_type(annotation),
            primary_key=col_name in keys,
            nullable=col_name not in keys,
        )
        for col_name, annotation in columns
    ]
    return sa.Table(f"ref_{name}", metadata, *cols)


reference: dict[str, sa.Table] = {
    name: _reference_table(name, columns)
    for name, columns in schema_columns().items()
    if name in _REFERENCE_KEYS
}
REFERENCE_TABLES = tuple(reference)  # names a snapshot's `table()` knows

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# The store version: one row per write transaction, whatever it writes (a submission, a withdrawal, a round
# opened or closed, an assessment, an override, an account change, the seed). The newest id is the version;
# every versioned row below names the change that wrote it, so "the state at version v" is exact.
changes = sa.Table(
    "changes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(24), nullable=False),  # seed | upload | withdrawal | round | assessment | …
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# One row per change set: the seed load, a ministry upload, a withdrawal, a secretariat edit.
submissions = sa.Table(
    "submissions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("change_id", sa.Integer, sa.ForeignKey("changes.id")),
    sa.Column("kind", sa.String(16), nullable=False),  # seed | upload | withdrawal | manual
    sa.Column("ministry_code", sa.String(16)),
    sa.Column("fiscal_year", sa.Integer),
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("file_name", sa.Text),  # the display name (model.text.display_file_name)
    sa.Column("file_name_raw", sa.LargeBinary),  # the name as sent, only as bytes (never shown as text)
    sa.Column("sha256", sa.String(64)),
    sa.Column("base_version", sa.Integer),  # the store version the uploaded template was made from
    sa.Column("n_added", sa.Integer, nullable=False, default=0),
    sa.Column("n_changed", sa.Integer, nullable=False, default=0),
    sa.Column("n_unchanged", sa.Integer, nullable=False, default=0),
    sa.Column("outcome", sa.String(16), nullable=False),  # committed | withdrawn
    sa.Column("withdraws_id", sa.Integer, sa.ForeignKey("submissions.id")),
    sa.Column("note", sa.Text),
)

submission_files = sa.Table(
    "submission_files",
    metadata,
    sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id"), primary_key=True),
    sa.Column("content", sa.LargeBinary, nullable=False),
)

# Follow-up entries: action × fiscal year × ministry. Every change is a new row; the current state is the
# newest row per key. `deleted` marks an entry removed (e.g. by withdrawing the submission that added it).
followup_versions = sa.Table(
    "followup_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("action_id", sa.String(32), nullable=False),
    sa.Column("fiscal_year", sa.Integer, nullable=False),
    sa.Column("ministry_code", sa.String(16), nullable=False),  # JOINT = published joint text
    sa.Column("progress_ja", sa.Text),
    sa.Column("next_ja", sa.Text),
    sa.Column("status", sa.String(16)),
    sa.Column("deleted", sa.Boolean, nullable=False, default=False),
    sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id"), nullable=False),
    sa.Index("ix_followup_key", "action_id", "fiscal_year", "ministry_code", "id"),
)

# KPI observations: goal × date. Same append-only rule.
kpi_versions = sa.Table(
    "kpi_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("goal_id", sa.String(64), nullable=False),
    sa.Column("date", sa.String(10), nullable=False),  # ISO date
    sa.Column("obs_id", sa.String(64)),
    sa.Column("metric", sa.String(64)),
    sa.Column("date_precision", sa.String(8)),
    sa.Column("value", sa.Float),
    sa.Column("unit", sa.String(32)),
    sa.Column("sample", sa.Boolean, nullable=False, default=False),
    sa.Column("source", sa.Text),
    sa.Column("note", sa.Text),
    sa.Column("deleted", sa.Boolean, nullable=False, default=False),
    sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id"), nullable=False),
    sa.Index("ix_kpi_key", "goal_id", "date", "id"),
)

# Secretariat status override per goal (append-only; the newest row counts, status NULL clears it).
status_overrides = sa.Table(
    "status_overrides",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("goal_id", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16)),
    sa.Column("reason", sa.Text),
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("change_id", sa.Integer, sa.ForeignKey("changes.id")),
)

# Collection rounds: the secretariat opens one per fiscal year, then closes it (and may re-open it).
# Append-only like the rest: one row per opening or closing; the newest row of a year is its state, and the
# year's first row gives the round its id (what a template names).
round_events = sa.Table(
    "round_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("fiscal_year", sa.Integer, nullable=False),
    sa.Column("status", sa.String(8), nullable=False),  # open | closed
    sa.Column("deadline", sa.Date),
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("change_id", sa.Integer, sa.ForeignKey("changes.id"), nullable=False),
    sa.Index("ix_round_events_fy", "fiscal_year", "id"),
)

# Edits of a strategy's structure by the secretariat (add / reword / retire / merge an action, set its
# owners, add a ministry, a goal, a crosswalk link …). Append-only: the seed's reference tables are the
# structure as the documents printed it, and these rows, applied in order, are every change since, each
# effective from a fiscal year (model/structure.py gives them their meaning; the store only keeps them).
structure_edits = sa.Table(
    "structure_edits",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("op", sa.String(32), nullable=False),  # e.g. action.add | action.retire | owners.set
    sa.Column("target", sa.String(64), nullable=False),  # the id the edit is about
    sa.Column("payload", sa.Text, nullable=False),  # JSON object: the edit's values
    sa.Column("from_fy", sa.Integer),  # effective from this fiscal year (None: not year-bound)
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("change_id", sa.Integer, sa.ForeignKey("changes.id"), nullable=False),
)

# The secretariat's decisions on entries (model/reporting/review.py): returned with a comment, or accepted.
# Append-only; the review state of an entry is derived from these and its submissions.
review_events = sa.Table(
    "review_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("action_id", sa.String(32), nullable=False),
    sa.Column("fiscal_year", sa.Integer, nullable=False),
    sa.Column("ministry_code", sa.String(16), nullable=False),
    sa.Column("decision", sa.String(16), nullable=False),  # returned | accepted
    sa.Column("comment", sa.Text),
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("change_id", sa.Integer, sa.ForeignKey("changes.id"), nullable=False),
    sa.Index("ix_review_key", "fiscal_year", "action_id", "ministry_code", "id"),
)

# Publications (公表) of a fiscal year (model/reporting/publication.py): what readers who are not logged in
# see of that year is the store as of `pinned_version`. Append-only: a re-publication adds a row.
publications = sa.Table(
    "publications",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("fiscal_year", sa.Integer, nullable=False),
    sa.Column("pinned_version", sa.Integer, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("change_id", sa.Integer, sa.ForeignKey("changes.id"), nullable=False),
)

# --- reminders (model/reporting/reminders.py) ------------------------------------------------------------
# Where the secretariat writes to a ministry: one or more e-mail addresses, edited by the secretariat.
# Append-only: the newest row per ministry counts (an empty `addresses` removes the contact).
ministry_contacts = sa.Table(
    "ministry_contacts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ministry_code", sa.String(16), nullable=False),
    sa.Column("addresses", sa.Text, nullable=False),  # comma-separated e-mail addresses ("" = none)
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("change_id", sa.Integer, sa.ForeignKey("changes.id"), nullable=False),
)

# Every reminder the secretariat sent (or tried to send) to a ministry: one row per ministry and sending,
# with what it listed and how it ended (sent, or failed with the error as the message id and its detail).
reminders = sa.Table(
    "reminders",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("fiscal_year", sa.Integer, nullable=False),
    sa.Column("ministry_code", sa.String(16), nullable=False),
    sa.Column("recipients", sa.Text, nullable=False),  # comma-separated addresses ("" = none known)
    sa.Column("rows", sa.Text, nullable=False),  # JSON list: [{"action_id", "state"}, …]
    sa.Column("outcome", sa.String(8), nullable=False),  # sent | failed
    sa.Column("error", sa.String(64)),  # message id of the failure (err.rm.smtp_refused …)
    sa.Column("error_detail", sa.Text),  # JSON: the message's parameters (host, port, the server's words)
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("change_id", sa.Integer, sa.ForeignKey("changes.id"), nullable=False),
    sa.Index("ix_reminders_fy", "fiscal_year", "id"),
)

# Every template the store issued (model/reporting/template.py): the file carries only the id, and
# everything an upload is judged by (whose rows, which year and round, the version it was made from) is read
# here, never from the file's cells. The id is random, so a template this store did not issue is refused.
issued_templates = sa.Table(
    "issued_templates",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("ministry_code", sa.String(16), nullable=False),
    sa.Column("fiscal_year", sa.Integer, nullable=False),
    sa.Column("round_id", sa.Integer, nullable=False),
    sa.Column("base_version", sa.Integer, nullable=False),
    sa.Column("template_version", sa.String(16), nullable=False),
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("change_id", sa.Integer, sa.ForeignKey("changes.id"), nullable=False),
)

FOLLOWUP_KEY = ("action_id", "fiscal_year", "ministry_code")
FOLLOWUP_VALUES = ("progress_ja", "next_ja", "status")
KPI_KEY = ("goal_id", "date")
KPI_VALUES = ("obs_id", "metric", "date_precision", "value", "unit", "sample", "source", "note")

# --- reporting cycle (users, secretariat assessments) ---------------------------------------------------
# Local accounts of the embedded default. Passwords are argon2 hashes (model/auth.py); an OIDC user is a row
# with no password whose name is the e-mail the identity provider gives.
users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(128), nullable=False, unique=True),
    sa.Column("role", sa.String(16), nullable=False),  # secretariat | editor | viewer
    sa.Column("ministry_code", sa.String(16)),  # editors only
    sa.Column("password_hash", sa.Text),
    sa.Column("disabled", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.String(128), nullable=False),
)

# The secretariat's own assessment of a follow-up entry, kept apart from the status the ministry reported.
# Append-only: the newest row per entry counts.
assessments = sa.Table(
    "assessments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("action_id", sa.String(32), nullable=False),
    sa.Column("fiscal_year", sa.Integer, nullable=False),
    sa.Column("ministry_code", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16)),
    sa.Column("comment", sa.Text),
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("change_id", sa.Integer, sa.ForeignKey("changes.id")),
    sa.Index("ix_assessment_key", "action_id", "fiscal_year", "ministry_code", "id"),
)

# Failed logins, for throttling (model/auth.py). Not part of the versioned state: recording one makes no
# new store version (an attacker's guesses must not make every session reload), and a success clears them.
login_failures = sa.Table(
    "login_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("client", sa.String(64)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_login_failures_user", "user_name", "created_at"),
)

# Login sessions (model/sessions.py). Not part of the versioned state either: a login, a touch or a logout
# makes no store version. Only hashes are kept: `token_hash` of the cookie's random token (NULL until the
# browser has claimed it), `handoff_hash` of the one-time code that carries a fresh login to the route that
# sets the cookie. An ended session keeps its row (when, why) until it is purged.
sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("token_hash", sa.String(64), unique=True),
    sa.Column("handoff_hash", sa.String(64), unique=True),
    sa.Column("handoff_until", sa.DateTime(timezone=True)),
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("method", sa.String(16), nullable=False),  # password | oidc
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("ended_at", sa.DateTime(timezone=True)),
    sa.Column("ended_reason", sa.String(16)),  # logout | password | reset | idle | expired | disabled
    sa.Index("ix_sessions_user", "user_name", "ended_at"),
)

# A checked upload not yet committed, kept for its login session so that a reload (F5) does not lose it
# (model/reporting/pending.py). Not versioned state: it is deleted at commit, at discard, and when its
# session ends (logout, idle, password) or is purged.
pending_uploads = sa.Table(
    "pending_uploads",
    metadata,
    sa.Column("session_id", sa.Integer, primary_key=True),  # sessions.id: one kept file per login
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("ministry_code", sa.String(16), nullable=False),
    sa.Column("fiscal_year", sa.Integer, nullable=False),
    sa.Column("file_name", sa.Text, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# What a reading command printed for one store version (model/store/_kept.py): `status` and `kpi` print the
# same text until the store changes, so the next run prints it again instead of deriving it from every
# entry. Not versioned state: a derived copy, keyed by a digest of everything the text depends on (the
# command line, the database, the code, the day); rows for versions other than the newest are deleted.
kept_outputs = sa.Table(
    "kept_outputs",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("stdout", sa.Text, nullable=False),
    sa.Column("stderr", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
