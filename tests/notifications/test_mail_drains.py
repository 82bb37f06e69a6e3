"""Draining the mail queue from several places: concurrent drains send each e-mail once (PostgreSQL row locks),
and `tradeleads mail send --once` sends what is queued."""

import asyncio
from collections import Counter

import pytest
from click.testing import Result
from fastapi import FastAPI
from sqlalchemy import func, select
from typer.testing import CliRunner

from app.cli import cli
from app.core.config import Settings
from app.core.db import is_sqlite
from app.models import OutgoingEmail
from app.notifications.email import SmtpSender
from app.notifications.mailer import drain_outgoing_emails
from tests.notifications.conftest import SmtpSink
from tests.notifications.test_mail import queued_email
from tests.support.actors import Cast


async def sent_count(app: FastAPI) -> int:
    async with app.state.sessionmaker() as session:
        statement = select(func.count()).select_from(OutgoingEmail).where(OutgoingEmail.sent_at.is_not(None))
        return await session.scalar(statement) or 0


@pytest.mark.postgres_only
async def test_concurrent_drains_send_each_email_once(app: FastAPI, settings: Settings, cast: Cast,
                                                      smtp_sink: SmtpSink) -> None:
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    owner = await cast.owner()
    for _ in range(12):
        await queued_email(app, owner.organization_id)
    sender = SmtpSender("127.0.0.1", smtp_sink.port, "robot@tradeleads.test", starttls=False)

    reports = await asyncio.gather(*(drain_outgoing_emails(app.state.sessionmaker, sender, batch=3)
                                     for _ in range(4)))

    assert sum(len(report.sent) for report in reports) == 12
    ids = [mail.message["Message-ID"] for mail in smtp_sink.received]
    assert len(ids) == 12 and set(Counter(ids).values()) == {1}
    assert await sent_count(app) == 12


async def test_the_mail_send_command_sends_the_queue(app: FastAPI, cast: Cast) -> None:
    owner = await cast.owner()
    for _ in range(3):
        await queued_email(app, owner.organization_id)

    result: Result = await asyncio.to_thread(CliRunner().invoke, cli, ["mail", "send", "--once"])

    assert result.exit_code == 0, result.output
    assert "Sent 3 e-mails; 0 failed attempts, 0 parked." in result.output
    assert await sent_count(app) == 3
