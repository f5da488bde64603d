"""Reminders (督促): the secretariat reminds each ministry of the rows it still owes for a round.

A ministry is reminded of its rows 未提出 or 差戻し (model/reporting/deadlines.py: what it still owes),
with the round's deadline and the open days left, each row by its id and title, each returned row with the
secretariat's comment. The same plan is

- a list to download (CSV or .xlsx: one line per owed row), always;
- one e-mail per ministry to its contact addresses, when SMTP is configured (model/reporting/mail.py).

Every e-mail sent or tried is recorded through the write door (table `reminders`): when, who, fiscal year,
ministry, recipients, rows, sent or failed with the error. The sending happens first, outside the writer's
lock (a slow server must not hold up uploads); then all outcomes are recorded in one transaction, so the
record is never a part of a sending. A ministry without a contact address is recorded as failed
(err.rm.no_contact): the secretariat sees it in the history and on the list.

Contact addresses are the secretariat's setting per ministry (table `ministry_contacts`, append-only).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import openpyxl
import pandas as pd

from model import strategy
from model.auth import User, require_secretariat
from model.calendar_ja import format_date, format_fy, today_tokyo
from model.errors import AppError
from model.exports.safe import frame_csv_bytes, xlsx_cell
from model.holidays import business_days_left
from model.messages import t
from model.reporting.deadlines import OWED_STATES, days_left_text
from model.reporting.mail import SmtpSettings, send, smtp_session
from model.reporting.review import entry_states
from model.reporting.rounds import get_round
from model.store import Snapshot, Store, per_snapshot

MAX_ADDRESSES = 10
# An address as the secretariat types one: local part, @, a domain with a dot. (Not RFC 5322 in full: the
# addresses of ministries are plain; anything stranger is refused with the address named.)
_ADDRESS = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$"
)
_SPLIT = re.compile(r"[\s,;、，；]+")
OUTCOMES = ("sent", "failed")
HISTORY_COLUMNS = [
    "id",
    "created_at",
    "user_name",
    "fiscal_year",
    "ministry_code",
    "recipients",
    "n_rows",
    "rows",
    "outcome",
    "error",
    "error_detail",
]


# --- contacts ---------------------------------------------------------------------------------------------
def parse_addresses(text: str) -> tuple[str, ...]:
    """Addresses typed as the secretariat writes them (commas, spaces, 、 or new lines between; full-width
    letters tolerated); AppError naming the first address that is not one. "" → no address."""
    text = unicodedata.normalize("NFKC", text or "")
    found = [a for a in _SPLIT.split(text.strip()) if a]
    for address in found:
        if not _ADDRESS.match(address) or len(address) > 254:
            raise AppError("err.rm.bad_address", address=address)
    unique = tuple(dict.fromkeys(found))
    if len(unique) > MAX_ADDRESSES:
        raise AppError("err.rm.too_many_addresses", n=len(unique), limit=MAX_ADDRESSES)
    return unique


@per_snapshot
def contacts(snap: Snapshot) -> dict[str, tuple[str, ...]]:
    """Ministry code → its contact addresses (ministries without any are not listed)."""
    table = snap.ministry_contacts()
    newest = table.sort_values("id").drop_duplicates("ministry_code", keep="last")
    return {
        str(code): tuple(a for a in str(addresses).split(",") if a)
        for code, addresses in zip(newest["ministry_code"], newest["addresses"], strict=True)
        if str(addresses)
    }


def set_contact(store: Store, user: User, ministry: str, text: str) -> tuple[str, ...]:
    """Set (or, with "", remove) a ministry's contact addresses. Secretariat only; returns them."""
    require_secretariat(user)
    addresses = parse_addresses(text)
    with store.transaction(user, "contact") as tx:
        code = strategy.registry(tx.snapshot()).get(ministry).code
        tx.record_contact(code, ",".join(addresses))
    return addresses


# --- the plan: who owes what ------------------------------------------------------------------------------
@dataclass(frozen=True)
class OwedRow:
    action_id: str
    title: str
    state: str  # not_submitted | returned
    comment: str | None


@dataclass(frozen=True)
class Reminder:
    """What one ministry is reminded of."""

    fiscal_year: int
    ministry_code: str
    ministry_ja: str
    ministry_en: str
    recipients: tuple[str, ...]
    deadline: dt.date | None
    days_left: int | None
    past: bool
    total: int  # rows of its share this year
    rows: tuple[OwedRow, ...]

    def ministry(self, lang: str) -> str:
        return self.ministry_en if lang == "en" else self.ministry_ja

    def subject(self, lang: str = "ja") -> str:
        return t("rm.mail.subject", lang, fy=format_fy(self.fiscal_year, lang), ministry=self.ministry(lang))

    def body(self, lang: str = "ja") -> str:
        """The e-mail's text: the deadline, the count, every owed row; returned rows with the comment."""
        deadline = (
            t("rm.mail.deadline", lang, date=format_date(self.deadline, lang), left=self._left(lang))
            if self.deadline is not None
            else t("rm.no_deadline", lang)
        )
        lines = [
            t("rm.mail.greeting", lang, ministry=self.ministry(lang)),
            "",
            t("rm.mail.intro", lang, fy=format_fy(self.fiscal_year, lang)),
            deadline,
            t("rm.mail.count", lang, total=self.total, left=len(self.rows)),
            "",
        ]
        for state in OWED_STATES:
            part = [r for r in self.rows if r.state == state]
            if not part:
                continue
            lines.append(t(f"rm.mail.head.{state}", lang, n=len(part)))
            for r in part:
                lines.append(f"・{r.action_id} {r.title}")
                if r.comment:
                    lines.append(t("rm.mail.comment", lang, comment=r.comment))
            lines.append("")
        lines.append(t("rm.mail.closing", lang))
        return "\n".join(lines) + "\n"

    def _left(self, lang: str) -> str:
        return days_left_text(self.days_left, self.past, lang)

    def message(self, sender: str, lang: str = "ja") -> EmailMessage:
        """The e-mail: UTF-8 text, the subject encoded for any mail reader (RFC 2047)."""
        msg = EmailMessage()
        msg["Subject"] = self.subject(lang)
        msg["From"] = sender
        msg["To"] = ", ".join(self.recipients)
        msg["Date"] = formatdate(localtime=False)
        msg["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
        msg.set_content(self.body(lang), charset="utf-8")
        return msg


@per_snapshot
def _titles(snap: Snapshot, fiscal_year: int) -> dict[str, str]:
    acts = strategy.actions(snap, fiscal_year)
    return dict(zip(acts["action_id"].astype(str), acts["title_ja"].fillna("").astype(str), strict=True))


def plan(
    snap: Snapshot, fiscal_year: int, today: dt.date | None = None, ministry: str | None = None
) -> list[Reminder]:
    """One reminder per ministry that still owes rows for the year (or only `ministry`), in the order of
    the ministries' list."""
    day = today or today_tokyo()
    rnd = get_round(snap, fiscal_year)
    deadline = rnd.deadline if rnd is not None else None
    states = entry_states(snap, fiscal_year)
    titles = _titles(snap, fiscal_year)
    reg = strategy.registry(snap)
    codes = states["ministry_code"].drop_duplicates().tolist()
    if ministry is not None:
        code = reg.get(ministry).code
        codes = [c for c in codes if c == code]
    order = {code: i for i, code in enumerate(reg.codes)}
    addresses = contacts(snap)
    out = []
    for code in sorted(codes, key=lambda c: order.get(c, len(order))):
        mine = states[states["ministry_code"] == code]
        owed = mine[mine["state"].isin(OWED_STATES)]
        if owed.empty:
            continue
        m = reg.get(code)
        rows = tuple(
            OwedRow(
                action_id=str(a),
                title=titles.get(str(a), ""),
                state=str(s),
                comment=str(c) if isinstance(c, str) and c else None,
            )
            for a, s, c in zip(owed["action_id"], owed["state"], owed["comment"], strict=True)
        )
        out.append(
            Reminder(
                fiscal_year=fiscal_year,
                ministry_code=code,
                ministry_ja=m.name_ja,
                ministry_en=m.name_en,
                recipients=addresses.get(code, ()),
                deadline=deadline,
                days_left=None if deadline is None else business_days_left(deadline, day),
                past=deadline is not None and deadline < day,
                total=len(mine),
                rows=rows,
            )
        )
    return out


# --- the list to download ---------------------------------------------------------------------------------
def reminder_list(reminders: list[Reminder], lang: str = "ja") -> pd.DataFrame:
    """One line per owed row: ministry, contact, deadline, open days left, row id, title, state, comment."""
    cols = [
        t(k, lang)
        for k in (
            "rm.col.ministry",
            "rm.col.contact",
            "rm.col.deadline",
            "rm.col.days_left",
            "rm.col.action",
            "rm.col.title",
            "rm.col.state",
            "rm.col.comment",
        )
    ]
    rows = [
        [
            r.ministry(lang),
            ", ".join(r.recipients) or t("rm.no_contact", lang),
            format_date(r.deadline, lang),
            days_left_text(r.days_left, r.past, lang),
            row.action_id,
            row.title,
            t(f"rv.state.{row.state}", lang),
            row.comment or "",
        ]
        for r in reminders
        for row in r.rows
    ]
    return pd.DataFrame(rows, columns=cols)


def list_file(reminders: list[Reminder], fmt: str, lang: str = "ja") -> bytes:
    """The list as CSV (UTF-8 with BOM) or .xlsx; every cell written as text (model/exports/safe.py)."""
    table = reminder_list(reminders, lang)
    if fmt == "csv":
        return frame_csv_bytes(table)
    if fmt != "xlsx":
        raise AppError("err.rm.bad_format", fmt=fmt)
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = t("rm.sheet", lang)
    ws.append([xlsx_cell(c) for c in table.columns])
    for row in table.itertuples(index=False):
        ws.append([xlsx_cell(v) for v in row])
    for letter, width in zip("ABCDEFGH", (16, 32, 16, 18, 12, 50, 10, 50), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- sending ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SendResult:
    ministry_code: str
    recipients: tuple[str, ...]
    n_rows: int
    error: AppError | None  # None: sent

    @property
    def sent(self) -> bool:
        return self.error is None


def send_reminders(
    store: Store,
    user: User,
    fiscal_year: int,
    settings: SmtpSettings | None,
    *,
    today: dt.date | None = None,
    ministry: str | None = None,
    lang: str = "ja",
) -> list[SendResult]:
    """E-mail every ministry that owes rows (or only `ministry`), then record every outcome in one
    transaction. Secretariat only. AppError, nothing sent nor recorded, when SMTP is not configured or
    nobody owes anything; a failure of the server is an outcome, recorded with its error."""
    require_secretariat(user)
    if settings is None:
        raise AppError("err.rm.smtp_not_configured")
    reminders = plan(store.snapshot(), fiscal_year, today, ministry)
    if not reminders:
        raise AppError("err.rm.nothing_owed", fy=format_fy(fiscal_year, lang))
    results: dict[str, SendResult] = {}
    reachable = [r for r in reminders if r.recipients]
    for r in reminders:
        if not r.recipients:
            results[r.ministry_code] = SendResult(
                r.ministry_code, (), len(r.rows), AppError("err.rm.no_contact")
            )
    if reachable:
        try:
            with smtp_session(settings) as smtp:
                for r in reachable:
                    try:
                        send(smtp, r.message(settings.sender, lang), settings)
                    except AppError as err:
                        results[r.ministry_code] = SendResult(r.ministry_code, r.recipients, len(r.rows), err)
                        if err.msg_id not in ("err.rm.smtp_recipients", "err.rm.smtp_sender"):
                            raise  # the session itself broke: the rest fail with the same error
                    else:
                        results[r.ministry_code] = SendResult(
                            r.ministry_code, r.recipients, len(r.rows), None
                        )
        except AppError as err:
            for r in reachable:
                if r.ministry_code not in results:
                    results[r.ministry_code] = SendResult(r.ministry_code, r.recipients, len(r.rows), err)
    ordered = [results[r.ministry_code] for r in reminders]
    with store.transaction(user, "reminder") as tx:
        for r, res in zip(reminders, ordered, strict=True):
            tx.record_reminder(
                fiscal_year,
                r.ministry_code,
                ",".join(res.recipients),
                json.dumps([{"action_id": x.action_id, "state": x.state} for x in r.rows]),
                "sent" if res.sent else "failed",
                None if res.error is None else res.error.msg_id,
                None if res.error is None else json.dumps(res.error.params, ensure_ascii=False, default=str),
            )
    return ordered


def result_text(result: SendResult, snap: Snapshot, lang: str = "ja") -> str:
    """One line per ministry: sent to whom, or why not."""
    name = strategy.registry(snap).get(result.ministry_code).label(lang)
    if result.error is None:
        return t("rm.sent_to", lang, ministry=name, n=result.n_rows, to=", ".join(result.recipients))
    return t("rm.failed_for", lang, ministry=name, error=result.error.render(lang))


# --- history ----------------------------------------------------------------------------------------------
def reminder_history(snap: Snapshot, fiscal_year: int | None = None) -> pd.DataFrame:
    """Every reminder sent or tried (of one year), newest first, with the number of rows it listed."""
    table = snap.reminders()
    if fiscal_year is not None:
        table = table[table["fiscal_year"] == fiscal_year]
    table = table.sort_values("id", ascending=False).reset_index(drop=True)
    table["n_rows"] = [len(json.loads(r)) for r in table["rows"]] if len(table) else []
    return table[HISTORY_COLUMNS]


def error_text(error: object, detail: object, lang: str = "ja") -> str:
    """A recorded failure as a sentence (its message id and parameters as stored); "" for a sent one."""
    if not isinstance(error, str) or not error:
        return ""
    params = json.loads(detail) if isinstance(detail, str) and detail else {}
    return t(error, lang, **params) if isinstance(params, dict) else t(error, lang)
