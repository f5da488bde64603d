"""E-mail through SMTP: the settings (environment), one session, and every failure named for what it is.

Settings (unset `QF_SMTP_HOST`: e-mail is not configured, reminders are only a list to download):

| variable | meaning |
|---|---|
| `QF_SMTP_HOST` | the server |
| `QF_SMTP_PORT` | default 587 (starttls), 465 (tls), 25 (none) |
| `QF_SMTP_SECURITY` | `starttls` (default), `tls` (implicit TLS, SMTPS) or `none` |
| `QF_SMTP_SENDER` | the From address (required) |
| `QF_SMTP_USER`, `QF_SMTP_PASSWORD` | optional login (only over TLS or STARTTLS) |
| `QF_SMTP_CA_FILE` | optional: a CA bundle to trust (a ministry network's own CA) |
| `QF_SMTP_TIMEOUT` | seconds, default 15 |

A failure raises `AppError` with one of the `err.rm.smtp_*` ids and the server's words as `detail`: never
a traceback, and the caller records it (model/reporting/reminders.py).
"""

from __future__ import annotations

import os
import smtplib
import socket
import ssl
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage

from model.errors import AppError

SECURITIES = ("starttls", "tls", "none")
_DEFAULT_PORT = {"starttls": 587, "tls": 465, "none": 25}


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # starttls | tls | none
    sender: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)  # never printed
    ca_file: str | None = None
    timeout: float = 15.0


def smtp_settings(env: Mapping[str, str] | None = None) -> SmtpSettings | None:
    """The SMTP settings from the environment; None when no server is configured; AppError when wrong."""
    env = os.environ if env is None else env
    host = env.get("QF_SMTP_HOST", "").strip()
    if not host:
        return None
    security = env.get("QF_SMTP_SECURITY", "starttls").strip().lower() or "starttls"
    if security not in SECURITIES:
        raise AppError("err.rm.smtp_setting", name="QF_SMTP_SECURITY", value=security)
    port_text = env.get("QF_SMTP_PORT", "").strip()
    try:
        port = int(port_text) if port_text else _DEFAULT_PORT[security]
        timeout = float(env.get("QF_SMTP_TIMEOUT", "") or 15)
    except ValueError as exc:
        raise AppError("err.rm.smtp_setting", name="QF_SMTP_PORT / QF_SMTP_TIMEOUT", value=port_text) from exc
    if not 0 < port < 65536:
        raise AppError("err.rm.smtp_setting", name="QF_SMTP_PORT", value=port_text)
    sender = env.get("QF_SMTP_SENDER", "").strip()
    if not sender or "@" not in sender:
        raise AppError("err.rm.smtp_setting", name="QF_SMTP_SENDER", value=sender or "—")
    user = env.get("QF_SMTP_USER", "").strip() or None
    return SmtpSettings(
        host=host,
        port=port,
        security=security,
        sender=sender,
        user=user,
        password=env.get("QF_SMTP_PASSWORD") if user else None,
        ca_file=env.get("QF_SMTP_CA_FILE", "").strip() or None,
        timeout=timeout,
    )


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]


def _fault(exc: BaseException, settings: SmtpSettings) -> AppError:
    """The message for an SMTP failure, named for what it is."""
    where = {"host": settings.host, "port": settings.port, "detail": _one_line(exc)}
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return AppError("err.rm.smtp_auth", user=settings.user or "—", **where)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        refused = ", ".join(sorted(exc.recipients))
        return AppError("err.rm.smtp_recipients", recipients=refused, **where)
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return AppError("err.rm.smtp_sender", sender=settings.sender, **where)
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return AppError("err.rm.smtp_unsupported", **where)
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return AppError("err.rm.smtp_tls", **where)
    if isinstance(exc, ConnectionRefusedError):
        return AppError("err.rm.smtp_refused", **where)
    if isinstance(exc, socket.gaierror):
        return AppError("err.rm.smtp_unknown_host", **where)
    if isinstance(exc, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError):
        return AppError("err.rm.smtp_disconnected", **where)
    if isinstance(exc, TimeoutError | OSError):  # includes socket.timeout, unreachable networks
        return AppError("err.rm.smtp_unreachable", **where)
    return AppError("err.rm.smtp_failed", **where)


def _tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=settings.ca_file)


@contextmanager
def smtp_session(settings: SmtpSettings) -> Iterator[smtplib.SMTP]:
    """A connected (and, when configured, encrypted and logged-in) SMTP session; AppError otherwise."""
    try:
        if settings.security == "tls":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=_tls_context(settings)
            )
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with smtp:
            smtp.ehlo()
            if settings.security == "starttls":
                smtp.starttls(context=_tls_context(settings))
                smtp.ehlo()
            if settings.user:
                if settings.security == "none":
                    raise AppError("err.rm.smtp_login_plain")
                smtp.login(settings.user, settings.password or "")
            yield smtp
    except AppError:
        raise
    except (smtplib.SMTPException, OSError) as exc:
        raise _fault(exc, settings) from exc


def send(smtp: smtplib.SMTP, message: EmailMessage, settings: SmtpSettings) -> None:
    """Send one message on an open session; AppError (named) when the server refuses it."""
    try:
        refused = smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as exc:
        raise _fault(exc, settings) from exc
    if refused:  # some recipients refused, others accepted: say which were not reached
        raise _fault(smtplib.SMTPRecipientsRefused(refused), settings)
