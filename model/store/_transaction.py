"""The one write door: a transaction under the writer's lock, and every kind of write the product makes."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

import sqlalchemy as sa

from model.store._changes import ChangeSet, Outcome, current_rows, diff_rows, tombstones
from model.store._snapshot import Snapshot, load_snapshot
from model.store._tables import (
    FOLLOWUP_KEY,
    FOLLOWUP_VALUES,
    KPI_KEY,
    KPI_VALUES,
    assessments,
    changes,
    followup_versions,
    issued_templates,
    kpi_versions,
    login_failures,
    ministry_contacts,
    pending_uploads,
    publications,
    reminders,
    review_events,
    round_events,
    sessions,
    status_overrides,
    structure_edits,
    submission_files,
    submissions,
    users,
)


class Actor(Protocol):
    """Whoever writes: model.auth.User, or anything else with a name."""

    @property
    def name(self) -> str: ...


class Transaction:
    """One write transaction, open under the writer's lock: what `Store.transaction` yields.

    `version` is the store version this transaction makes: the first time it is asked for, a row is
    added to `changes`, so a transaction that writes nothing leaves the version as it was. Everything
    versioned that the transaction writes carries it.
    """

    def __init__(self, conn: sa.Connection, user_name: str, kind: str, url: str) -> None:
        self.conn = conn
        self.user_name = user_name
        self.kind = kind
        self._url = url
        self._version: int | None = None

    def snapshot(self) -> Snapshot:
        """The state as this transaction sees it, under the writer's lock: checks that must hold at the
        moment of the write (the round is open, the template is not stale) run on it."""
        newest = int(
            self.conn.execute(sa.select(sa.func.coalesce(sa.func.max(changes.c.id), 0))).scalar_one()
        )
        return load_snapshot(self.conn, newest, self._url)

    def _now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    @property
    def version(self) -> int:
        if self._version is None:
            row = {"kind": self.kind, "user_name": self.user_name, "created_at": dt.datetime.now(dt.UTC)}
            self._version = int(self.conn.execute(changes.insert().returning(changes.c.id), row).scalar_one())
        return self._version

    def apply(self, change: ChangeSet, *, tombstone_seeded: bool = False) -> Outcome:
        """Append `change` as one submission: the newest version of each of its rows, compared with the
        current state (unchanged rows are counted, not written)."""
        conn = self.conn
        fu_current = current_rows(conn, followup_versions, FOLLOWUP_KEY)
        kpi_current = current_rows(conn, kpi_versions, KPI_KEY)
        fu_new, fu_counts = diff_rows(change.followup, fu_current, FOLLOWUP_KEY, FOLLOWUP_VALUES)
        kpi_new, kpi_counts = diff_rows(change.kpi, kpi_current, KPI_KEY, KPI_VALUES)
        if tombstone_seeded:
            fu_new += tombstones(change.followup, fu_current, FOLLOWUP_KEY, FOLLOWUP_VALUES)
            kpi_new += tombstones(change.kpi, kpi_current, KPI_KEY, KPI_VALUES)
        added = fu_counts[0] + kpi_counts[0]
        changed = fu_counts[1] + kpi_counts[1]
        unchanged = fu_counts[2] + kpi_counts[2]
        if not fu_new and not kpi_new and change.kind == "seed":
            return Outcome(None, 0, 0, unchanged)
        sub_id = conn.execute(
            submissions.insert().returning(submissions.c.id),
            {
                "change_id": self.version,
                "kind": change.kind,
                "ministry_code": change.ministry_code,
                "fiscal_year": change.fiscal_year,
                "user_name": change.user_name,
                "created_at": dt.datetime.now(dt.UTC),
                "file_name": change.file_name,
                "file_name_raw": change.file_name_raw,
                "sha256": change.sha256,
                "base_version": change.base_version,
                "n_added": added,
                "n_changed": changed,
                "n_unchanged": unchanged,
                "outcome": "committed",
                "withdraws_id": change.withdraws_id,
                "note": change.note,
            },
        ).scalar_one()
        if change.content is not None:
            conn.execute(submission_files.insert(), {"submission_id": sub_id, "content": change.content})
        for rows, table in ((fu_new, followup_versions), (kpi_new, kpi_versions)):
            if rows:
                conn.execute(table.insert(), [{**r, "submission_id": sub_id} for r in rows])
        return Outcome(int(sub_id), added, changed, unchanged)

    # --- withdrawal -----------------------------------------------------------------------------------
    def mark_withdrawn(self, submission_id: int) -> None:
        """The submission stays in the history; its outcome says a withdrawal undid it."""
        self.version  # noqa: B018 — the withdrawal's own submission carries it; this marks the same change
        self.conn.execute(
            submissions.update().where(submissions.c.id == submission_id).values(outcome="withdrawn")
        )

    # --- settings and the secretariat's words (append-only, each row names its change) ---------------
    def record_round(self, fiscal_year: int, status: str, deadline: dt.date | None) -> int:
        """Append an opening or closing of a round; returns the event's id."""
        event_id = self.conn.execute(
            round_events.insert().returning(round_events.c.id),
            {
                "fiscal_year": fiscal_year,
                "status": status,
                "deadline": deadline,
                "user_name": self.user_name,
                "created_at": self._now(),
                "change_id": self.version,
            },
        ).scalar_one()
        return int(event_id)

    def record_assessment(
        self, action_id: str, fiscal_year: int, ministry_code: str, status: str | None, comment: str | None
    ) -> None:
        self.conn.execute(
            assessments.insert(),
            {
                "action_id": action_id,
                "fiscal_year": fiscal_year,
                "ministry_code": ministry_code,
                "status": status,
                "comment": comment,
                "user_name": self.user_name,
                "created_at": self._now(),
                "change_id": self.version,
            },
        )

    def record_override(self, goal_id: str, status: str | None, reason: str) -> None:
        self.conn.execute(
            status_overrides.insert(),
            {
                "goal_id": goal_id,
                "status": status,
                "reason": reason,
                "user_name": self.user_name,
                "created_at": self._now(),
                "change_id": self.version,
            },
        )

    def record_review(
        self, action_id: str, fiscal_year: int, ministry_code: str, decision: str, comment: str | None
    ) -> None:
        """The secretariat returns or accepts one entry (model/reporting/review.py checks it first)."""
        self.conn.execute(
            review_events.insert(),
            {
                "action_id": action_id,
                "fiscal_year": fiscal_year,
                "ministry_code": ministry_code,
                "decision": decision,
                "comment": comment,
                "user_name": self.user_name,
                "created_at": self._now(),
                "change_id": self.version,
            },
        )

    def record_publication(self, fiscal_year: int, pinned_version: int, note: str | None) -> None:
        """The secretariat publishes a fiscal year as of `pinned_version` (model/reporting/publication.py
        checks it first, under this transaction's lock)."""
        self.conn.execute(
            publications.insert(),
            {
                "fiscal_year": fiscal_year,
                "pinned_version": pinned_version,
                "note": note,
                "user_name": self.user_name,
                "created_at": self._now(),
                "change_id": self.version,
            },
        )

    def record_structure_edit(
        self, op: str, target: str, payload: str, from_fy: int | None, reason: str
    ) -> None:
        """One edit of the structure (model/structure.py checks it first, under this transaction's lock)."""
        self.conn.execute(
            structure_edits.insert(),
            {
                "op": op,
                "target": target,
                "payload": payload,
                "from_fy": from_fy,
                "reason": reason,
                "user_name": self.user_name,
                "created_at": self._now(),
                "change_id": self.version,
            },
        )

    # --- reminders (model/reporting/reminders.py checks them first) ----------------------------------
    def record_contact(self, ministry_code: str, addresses: str) -> None:
        """A ministry's contact addresses (comma-separated; "" removes them)."""
        self.conn.execute(
            ministry_contacts.insert(),
            {
                "ministry_code": ministry_code,
                "addresses": addresses,
                "user_name": self.user_name,
                "created_at": self._now(),
                "change_id": self.version,
            },
        )

    def record_reminder(
        self,
        fiscal_year: int,
        ministry_code: str,
        recipients: str,
        rows: str,
        outcome: str,
        error: str | None = None,
        error_detail: str | None = None,
    ) -> None:
        """One reminder to one ministry: sent, or failed with the error (message id and detail)."""
        self.conn.execute(
            reminders.insert(),
            {
                "fiscal_year": fiscal_year,
                "ministry_code": ministry_code,
                "recipients": recipients,
                "rows": rows,
                "outcome": outcome,
                "error": error,
                "error_detail": error_detail,
                "user_name": self.user_name,
                "created_at": self._now(),
                "change_id": self.version,
            },
        )

    def record_template(
        self,
        template_id: str,
        ministry_code: str,
        fiscal_year: int,
        round_id: int,
        base_version: int,
        template_version: str,
    ) -> None:
        """A template issued to a ministry (model/reporting/template.py makes the id and the file)."""
        self.conn.execute(
            issued_templates.insert(),
            {
                "id": template_id,
                "ministry_code": ministry_code,
                "fiscal_year": fiscal_year,
                "round_id": round_id,
                "base_version": base_version,
                "template_version": template_version,
                "user_name": self.user_name,
                "created_at": self._now(),
                "change_id": self.version,
            },
        )

    # --- accounts -------------------------------------------------------------------------------------
    def user_exists(self, name: str) -> bool:
        return self.conn.execute(sa.select(users.c.id).where(users.c.name == name)).first() is not None

    def add_user(self, name: str, role: str, ministry_code: str | None, password_hash: str | None) -> None:
        self.version  # noqa: B018 — an account change is a new version: sessions re-read their account
        self.conn.execute(
            users.insert(),
            {
                "name": name,
                "role": role,
                "ministry_code": ministry_code,
                "password_hash": password_hash,
                "disabled": False,
                "created_at": self._now(),
                "created_by": self.user_name,
            },
        )

    def update_user(self, name: str, **values: object) -> bool:
        """Change an account's fields; False when there is no such account (nothing written)."""
        done = self.conn.execute(users.update().where(users.c.name == name).values(**values))
        if done.rowcount == 0:
            return False
        self.version  # noqa: B018
        return True

    # --- login throttling (not versioned: see login_failures) ----------------------------------------
    def record_login_failure(self, user_name: str, client: str | None) -> None:
        row = {"user_name": user_name, "client": client, "created_at": self._now()}
        self.conn.execute(login_failures.insert(), row)

    def clear_login_failures(self, user_name: str) -> None:
        self.conn.execute(login_failures.delete().where(login_failures.c.user_name == user_name))

    # --- login sessions (not versioned: see sessions) ------------------------------------------------
    def add_session(
        self, user_name: str, method: str, *, token_hash: str | None, handoff_hash: str | None,
        handoff_until: dt.datetime | None, now: dt.datetime, expires_at: dt.datetime,
    ) -> int:  # fmt: skip
        row = {
            "user_name": user_name, "method": method, "token_hash": token_hash, "handoff_hash": handoff_hash,
            "handoff_until": handoff_until, "created_at": now, "last_seen": now, "expires_at": expires_at,
        }  # fmt: skip
        return int(self.conn.execute(sessions.insert().returning(sessions.c.id), row).scalar_one())

    def claim_handoff(self, handoff_hash: str, token_hash: str, now: dt.datetime) -> str | None:
        """Exchange a one-time code for a session token: the user's name, or None when the code is unknown,
        used or stale. The code is spent either way."""
        s = sessions
        row = self.conn.execute(
            sa.select(s.c.id, s.c.user_name, s.c.handoff_until, s.c.ended_at).where(
                s.c.handoff_hash == handoff_hash
            )
        ).first()
        if row is None:
            return None
        until = row[2] if row[2].tzinfo else row[2].replace(tzinfo=dt.UTC)
        fresh = until >= now and row[3] is None
        values: dict[str, object] = {"handoff_hash": None, "handoff_until": None}
        if fresh:
            values.update(token_hash=token_hash, last_seen=now)
        else:
            values.update(ended_at=now, ended_reason="stale")
        self.conn.execute(s.update().where(s.c.id == row[0]).values(**values))
        return str(row[1]) if fresh else None

    def purge_sessions(self, before: dt.datetime) -> tuple[int, int]:
        """Delete sessions ended, or expired, before `before` and login failures older than it (neither is
        versioned state: nothing else refers to them); how many of each."""
        s = sessions
        old = sa.or_(s.c.ended_at < before, sa.and_(s.c.ended_at.is_(None), s.c.expires_at < before))
        gone = self.conn.execute(s.delete().where(old)).rowcount
        failures = self.conn.execute(login_failures.delete().where(login_failures.c.created_at < before))
        self._drop_orphan_uploads()
        return int(gone), int(failures.rowcount)

    # --- checked uploads kept for a session (not versioned: see pending_uploads) ---------------------
    def keep_upload(self, session_id: int, user_name: str, ministry_code: str, fiscal_year: int,
                    file_name: str, sha256: str, content: bytes) -> None:  # fmt: skip
        """Keep this checked file for the session (replacing the one kept before)."""
        self.drop_upload(session_id)
        row = {"session_id": session_id, "user_name": user_name, "ministry_code": ministry_code,
               "fiscal_year": fiscal_year, "file_name": file_name, "sha256": sha256, "content": content,
               "created_at": self._now()}  # fmt: skip
        self.conn.execute(pending_uploads.insert(), row)

    def drop_upload(self, session_id: int) -> None:
        self.conn.execute(pending_uploads.delete().where(pending_uploads.c.session_id == session_id))

    def _drop_orphan_uploads(self) -> None:
        """Kept uploads whose session has ended or is gone."""
        s = sessions
        live = sa.select(s.c.id).where(s.c.ended_at.is_(None))
        self.conn.execute(pending_uploads.delete().where(pending_uploads.c.session_id.not_in(live)))

    def touch_session(self, session_id: int, now: dt.datetime) -> None:
        s = sessions
        self.conn.execute(
            s.update().where(s.c.id == session_id, s.c.ended_at.is_(None)).values(last_seen=now)
        )

    def end_sessions(
        self, reason: str, now: dt.datetime, *, session_id: int | None = None, user_name: str | None = None,
        keep: int | None = None,
    ) -> int:  # fmt: skip
        """End one session, or every open session of a user (but `keep`); how many were ended."""
        s = sessions
        where: list[sa.ColumnElement[bool]] = [s.c.ended_at.is_(None)]
        if session_id is not None:
            where.append(s.c.id == session_id)
        if user_name is not None:
            where.append(s.c.user_name == user_name)
        if keep is not None:
            where.append(s.c.id != keep)
        if session_id is None and user_name is None:
            raise ValueError("end_sessions needs a session or a user")
        done = self.conn.execute(
            s.update().where(*where).values(ended_at=now, ended_reason=reason, handoff_hash=None)
        )
        self._drop_orphan_uploads()  # a checked upload lives no longer than its session
        return int(done.rowcount)
