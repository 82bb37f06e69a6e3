"""Outgoing e-mail: one EmailSender interface, an SMTP implementation, and a file sink (the default) that writes
each message as an .eml file under var/mail/."""

import asyncio
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import Protocol

from app.core.config import Settings


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    body: str
    # Stable per queued e-mail, so a resend after a crash can be recognised as the same message.
    message_id: str


class EmailSender(Protocol):
    async def send(self, email: Email) -> None:
        """Returns once the message was accepted; raises (OSError, smtplib.SMTPException) otherwise."""


def build_message(email: Email, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = email.to
    message["Subject"] = email.subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = email.message_id
    message.set_content(email.body)
    return message


@dataclass(frozen=True)
class SmtpSender:
    host: str
    port: int
    sender: str
    user: str | None = None
    password: str | None = None
    starttls: bool = True
    timeout: float = 10

    async def send(self, email: Email) -> None:
        await asyncio.to_thread(self._send, build_message(email, self.sender))

    def _send(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            if self.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if self.user:
                smtp.login(self.user, self.password or "")
            smtp.send_message(message)


@dataclass(frozen=True)
class FileSender:
    """Development sink: every message becomes var/mail/<message id>.eml, readable with any mail client."""

    folder: Path
    sender: str

    async def send(self, email: Email) -> None:
        await asyncio.to_thread(self._write, email)

    def _write(self, email: Email) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = email.message_id.strip("<>").replace("@", "_").replace("/", "_")
        (self.folder / f"{name}.eml").write_bytes(bytes(build_message(email, self.sender)))


def create_sender(settings: Settings) -> EmailSender:
    if settings.smtp_host:
        return SmtpSender(settings.smtp_host, settings.smtp_port, settings.smtp_from, settings.smtp_user,
                          settings.smtp_password, settings.smtp_starttls, settings.smtp_timeout_seconds)
    return FileSender(settings.var_dir / "mail", settings.smtp_from)
