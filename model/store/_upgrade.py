"""Bring a store made before store versions existed up to date (run by `Store.init`, idempotent).

Such a store's version was its newest submission id. Each old submission becomes the change of the same id,
so a template made from such a store (it names that number as its base version) is still judged right by
the stale-template check; rounds, assessments and overrides of that time are dated to the newest of them.
A store made before file names were kept as sent gets the (empty) `submissions.file_name_raw` column.
"""

from __future__ import annotations

import sqlalchemy as sa

from model.store._tables import assessments, changes, reference, round_events, status_overrides, submissions

_legacy = sa.MetaData()
# The rounds table of those stores: one row per fiscal year, updated in place.
_legacy_rounds = sa.Table(
    "rounds",
    _legacy,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("fiscal_year", sa.Integer),
    sa.Column("deadline", sa.Date),
    sa.Column("status", sa.String(8)),
    sa.Column("opened_by", sa.String(128)),
    sa.Column("opened_at", sa.DateTime(timezone=True)),
    sa.Column("closed_by", sa.String(128)),
    sa.Column("closed_at", sa.DateTime(timezone=True)),
)


def _add_reference_columns(conn: sa.Connection, inspector: sa.Inspector) -> None:
    """Reference tables gain columns when the seed's schema grows (e.g. strategy_id): add them empty; the
    seed load that follows (its sha256 changed with the files) fills them."""
    for table in reference.values():
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name not in have:
                kind = column.type.compile(dialect=conn.dialect)
                conn.execute(sa.text(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}"))


def upgrade(conn: sa.Connection, dialect: str) -> None:
    inspector = sa.inspect(conn)
    _add_reference_columns(conn, inspector)
    for table in (submissions, status_overrides, assessments):
        if "change_id" not in {c["name"] for c in inspector.get_columns(table.name)}:
            conn.execute(sa.text(f"ALTER TABLE {table.name} ADD COLUMN change_id INTEGER"))
    if "file_name_raw" not in {c["name"] for c in inspector.get_columns(submissions.name)}:
        binary = sa.LargeBinary().compile(dialect=conn.dialect)  # BLOB on SQLite, BYTEA on PostgreSQL
        conn.execute(sa.text(f"ALTER TABLE {submissions.name} ADD COLUMN file_name_raw {binary}"))
    if conn.execute(sa.select(sa.func.count()).select_from(changes)).scalar_one():
        return
    old = conn.execute(
        sa.select(
            submissions.c.id, submissions.c.kind, submissions.c.user_name, submissions.c.created_at
        ).order_by(submissions.c.id)
    ).all()
    if not old:
        return
    conn.execute(
        changes.insert(),
        [{"id": r.id, "kind": r.kind, "user_name": r.user_name, "created_at": r.created_at} for r in old],
    )
    last = old[-1].id
    conn.execute(
        submissions.update().where(submissions.c.change_id.is_(None)).values(change_id=submissions.c.id)
    )
    for table in (status_overrides, assessments):
        conn.execute(table.update().where(table.c.change_id.is_(None)).values(change_id=last))
    if inspector.has_table("rounds"):
        events = []
        for r in conn.execute(sa.select(_legacy_rounds).order_by(_legacy_rounds.c.id)).mappings():
            base = {"fiscal_year": r["fiscal_year"], "deadline": r["deadline"], "change_id": last}
            opened = {"status": "open", "user_name": r["opened_by"], "created_at": r["opened_at"]}
            events.append({**base, **opened})
            if r["status"] == "closed":
                who, when = r["closed_by"] or r["opened_by"], r["closed_at"] or r["opened_at"]
                events.append({**base, "status": "closed", "user_name": who, "created_at": when})
        if events:
            conn.execute(round_events.insert(), events)
    if dialect == "postgresql":  # ids were given explicitly: move the sequence past them
        conn.execute(sa.text("SELECT setval(pg_get_serial_sequence('changes', 'id'), :n)"), {"n": last})
