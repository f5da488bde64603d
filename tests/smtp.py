"""A real SMTP server for the tests (aiosmtpd), started on a free port; it keeps what it received.

Options: refuse some recipients, require STARTTLS with a self-signed certificate (made with `openssl`) and a
login with one password. Nothing is mocked: the product's smtplib client talks to it over TCP.
"""

from __future__ import annotations

import socket
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.raw, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Handler:
    refuse: set[str] = field(default_factory=set)
    received: list[Received] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


@dataclass
class Server:
    host: str
    port: int
    handler: Handler
    ca_file: str | None = None

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def env(self, **extra: str) -> dict[str, str]:
        """The product's settings pointing at this server."""
        values = {
            "QF_SMTP_HOST": self.host,
            "QF_SMTP_PORT": str(self.port),
            "QF_SMTP_SECURITY": "starttls" if self.ca_file else "none",
            "QF_SMTP_SENDER": "followup@cao.example.go.jp",
            "QF_SMTP_TIMEOUT": "10",
        }
        if self.ca_file:
            values["QF_SMTP_CA_FILE"] = self.ca_file
        return values | extra


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key (openssl, one day)."""
    cert, key = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


class _Authenticator:
    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user.encode(), password.encode()

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            self.user,
            self.password,
        )
        return AuthResult(success=ok, handled=False)


@contextmanager
def smtp_server(
    refuse: set[str] | None = None, tls_folder: Path | None = None, login: tuple[str, str] | None = None
) -> Iterator[Server]:
    """Start the server; with `tls_folder` it offers STARTTLS (and requires it), with `login` it requires
    that user and password."""
    handler = Handler(refuse=set(refuse or ()))
    port = free_port()
    kwargs: dict[str, Any] = {}
    ca_file = None
    if tls_folder is not None:
        cert, key = self_signed(tls_folder)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        kwargs |= {"tls_context": context, "require_starttls": True}
        ca_file = str(cert)
    if login is not None:
        kwargs |= {"authenticator": _Authenticator(*login), "auth_required": True}
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield Server("127.0.0.1", port, handler, ca_file)
    finally:
        controller.stop()
