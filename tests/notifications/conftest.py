"""A real SMTP server for the mail tests (aiosmtpd on a free local port) that keeps what it receives."""

import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from fastapi import FastAPI

from app.core.config import Settings
from app.main import create_app
from tests.support.actors import Cast, cast_fixture

cast = cast_fixture("supplier")


@dataclass
class Received:
    envelope_from: str
    recipients: list[str]
    message: Message


@dataclass
class SmtpSink:
    port: int
    received: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        self.received.append(Received(str(envelope.mail_from), list(envelope.rcpt_tos), message_from_bytes(content)))
        return "250 Message accepted for delivery"


def free_port() -> int:
    """A local port nothing listens on (once the probe socket is closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    sink = SmtpSink(free_port())
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    yield sink
    controller.stop()


def smtp_settings(settings: Settings, port: int) -> Settings:
    return settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_starttls": False,
                                       "smtp_from": "tradeleads <robot@tradeleads.test>", "mail_retry_seconds": 0})


@pytest.fixture
async def smtp_app(app: FastAPI, settings: Settings, smtp_sink: SmtpSink) -> AsyncIterator[FastAPI]:
    """The app sending its e-mails to the sink (the `app` fixture empties the tables afterwards)."""
    application = create_app(smtp_settings(settings, smtp_sink.port))
    yield application
    await application.state.engine.dispose()
    await application.state.search.close()


@pytest.fixture
async def smtp_cast(smtp_app: FastAPI, client: object) -> AsyncIterator[Cast]:
    people = Cast(smtp_app, client, "supplier")  # type: ignore[arg-type]
    yield people
    await people.close()
