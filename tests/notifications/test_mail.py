"""Outgoing e-mail: a notification's mail reaches a real SMTP server after commit; failures are retried later and
parked after too many; the default sink writes .eml files under var/mail/."""

from datetime import timedelta
from email import message_from_bytes

from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.models import OutgoingEmail
from app.models.enums import NotificationKind
from app.notifications.email import SmtpSender
from app.notifications.mailer import RetryPolicy, drain_outgoing_emails, email_of
from app.notifications.service import Message, notify_organization
from tests.notifications.conftest import SmtpSink, free_port
from tests.support.actors import Cast
from tests.support.listings import listing_in_status

NOW = RetryPolicy(max_attempts=3, first_delay=timedelta(0))


async def queued_email(app: FastAPI, organization_id: int) -> int:
    async with app.state.sessionmaker() as session:
        await notify_organization(session, organization_id, Message(NotificationKind.INQUIRY_REPLY, "A reply", "Hi"))
        await session.commit()
        return int(await session.scalar(select(OutgoingEmail.id).order_by(OutgoingEmail.id.desc())) or 0)


async def stored_email(app: FastAPI, email_id: int) -> OutgoingEmail:
    async with app.state.sessionmaker() as session:
        return await session.get_one(OutgoingEmail, email_id)


async def send_queued_mail(app: FastAPI) -> None:
    """What `tradeleads mail send` does; on the embedded default the web process already did it after commit."""
    await drain_outgoing_emails(app.state.sessionmaker, app.state.mail_sender, policy=NOW)


def closed_port_sender() -> SmtpSender:
    return SmtpSender("127.0.0.1", free_port(), "robot@tradeleads.test", starttls=False, timeout=5)


async def test_publishing_a_listing_mails_the_supplier_through_smtp(smtp_cast: Cast, smtp_sink: SmtpSink,
                                                                     smtp_app: FastAPI) -> None:
    owner = await smtp_cast.owner()

    await listing_in_status(smtp_cast, "published", title="Bamboo cutting boards")
    await send_queued_mail(smtp_app)

    assert [(mail.recipients, mail.message["Subject"]) for mail in smtp_sink.received] == [
        ([owner.email], "Your listing is published: Bamboo cutting boards")]
    mail = smtp_sink.received[0]
    assert mail.message["From"] == "tradeleads <robot@tradeleads.test>"
    assert mail.message["To"] == owner.email
    assert "It passed review and buyers can find it now." in mail.message.get_payload(decode=True).decode()
    async with smtp_app.state.sessionmaker() as session:
        row = await session.scalar(select(OutgoingEmail).where(OutgoingEmail.to_address == owner.email))
    assert row is not None and row.sent_at is not None
    assert (row.attempts, row.last_error, row.parked_at) == (1, None, None)


async def test_an_email_is_parked_after_repeated_smtp_failures(app: FastAPI, cast: Cast) -> None:
    email_id = await queued_email(app, (await cast.owner()).organization_id)
    sender = closed_port_sender()

    reports = [await drain_outgoing_emails(app.state.sessionmaker, sender, policy=NOW) for _ in range(4)]

    assert [(report.sent, report.failed, report.parked) for report in reports] == [
        ([], [email_id], []), ([], [email_id], []), ([], [email_id], [email_id]), ([], [], [])]
    row = await stored_email(app, email_id)
    assert (row.attempts, row.sent_at) == (3, None)
    assert row.parked_at is not None
    assert row.last_error is not None and row.last_error.startswith("ConnectionRefusedError")


async def test_a_failed_email_waits_before_it_is_tried_again(app: FastAPI, cast: Cast) -> None:
    email_id = await queued_email(app, (await cast.owner()).organization_id)
    policy = RetryPolicy(max_attempts=5, first_delay=timedelta(minutes=1))

    first = await drain_outgoing_emails(app.state.sessionmaker, closed_port_sender(), policy=policy)
    second = await drain_outgoing_emails(app.state.sessionmaker, closed_port_sender(), policy=policy)

    assert (first.failed, second.attempted) == ([email_id], 0)
    row = await stored_email(app, email_id)
    assert row.attempts == 1 and row.next_attempt_at is not None
    waited = row.next_attempt_at - row.created_at
    assert timedelta(seconds=59) < waited < timedelta(seconds=70)


async def test_an_email_that_failed_is_sent_once_the_server_answers(app: FastAPI, cast: Cast,
                                                                    smtp_sink: SmtpSink) -> None:
    owner = await cast.owner()
    email_id = await queued_email(app, owner.organization_id)
    await drain_outgoing_emails(app.state.sessionmaker, closed_port_sender(), policy=NOW)
    working = SmtpSender("127.0.0.1", smtp_sink.port, "robot@tradeleads.test", starttls=False)

    report = await drain_outgoing_emails(app.state.sessionmaker, working, policy=NOW)

    assert report.sent == [email_id]
    assert [(mail.recipients, mail.message["Subject"]) for mail in smtp_sink.received] == [([owner.email], "A reply")]
    row = await stored_email(app, email_id)
    assert (row.attempts, row.last_error, row.parked_at) == (2, None, None)
    assert row.sent_at is not None


async def test_without_smtp_each_email_is_written_under_var_mail(app: FastAPI, cast: Cast, settings: Settings,
                                                                 db: AsyncSession) -> None:
    owner = await cast.owner()

    await listing_in_status(cast, "rejected", title="Vintage watches")
    await send_queued_mail(app)

    row = await db.scalar(select(OutgoingEmail).where(OutgoingEmail.to_address == owner.email))
    assert row is not None and row.sent_at is not None
    name = email_of(row).message_id.strip("<>").replace("@", "_")
    message = message_from_bytes((settings.var_dir / "mail" / f"{name}.eml").read_bytes())
    assert (message["To"], message["Subject"]) == (owner.email, "Your listing was not approved: Vintage watches")
    assert "Reason: Photos are missing" in message.get_payload(decode=True).decode()
