"""Sends the queued e-mails (outgoing_emails): marks one sent only after the sender accepted it, retries failures
later with a doubling delay, and parks an e-mail after too many failures. Several mailers may run at once (the web
process's and `tradeleads mail send`), on PostgreSQL or SQLite: each leases its rows (FOR UPDATE SKIP LOCKED, and
a compare-and-set of the retry time) before sending, so an e-mail goes out once."""

import asyncio
import smtplib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.attempts import count_failure, error_text
from app.core.clock import utcnow
from app.core.config import Settings
from app.models import OutgoingEmail
from app.notifications import repository
from app.notifications.email import Email, EmailSender

SEND_ERRORS = (OSError, smtplib.SMTPException)
LEASE = timedelta(minutes=5)  # how long a leased e-mail is left to its mailer before another may send it


@dataclass
class MailReport:
    sent: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    parked: list[int] = field(default_factory=list)

    @property
    def attempted(self) -> int:
        return len(self.sent) + len(self.failed)

    def add(self, other: "MailReport") -> None:
        self.sent += other.sent
        self.failed += other.failed
        self.parked += other.parked


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    first_delay: timedelta = timedelta(seconds=60)

    @classmethod
    def from_settings(cls, settings: Settings) -> "RetryPolicy":
        return cls(settings.mail_max_attempts, timedelta(seconds=settings.mail_retry_seconds))

    def next_attempt(self, attempts: int, now: datetime) -> datetime:
        return now + self.first_delay * (1 << (attempts - 1))


def email_of(row: OutgoingEmail) -> Email:
    message_id = f"<outgoing-{row.id}.{row.created_at:%Y%m%d%H%M%S}@tradeleads>"
    return Email(to=row.to_address, subject=row.subject, body=row.body_text, message_id=message_id)


async def _send_one(row: OutgoingEmail, sender: EmailSender, policy: RetryPolicy, report: MailReport) -> None:
    try:
        await sender.send(email_of(row))
    except SEND_ERRORS as exc:
        now = utcnow()
        report.failed.append(row.id)
        if count_failure(row, error_text(exc), policy.max_attempts, now):
            report.parked.append(row.id)
        else:
            row.next_attempt_at = policy.next_attempt(row.attempts, now)
        return
    row.sent_at = utcnow()
    row.attempts += 1
    row.last_error = None
    report.sent.append(row.id)


async def _drain_batch(session: AsyncSession, sender: EmailSender, after_id: int, batch: int,
                       policy: RetryPolicy, report: MailReport) -> int | None:
    """Leases one batch in a short transaction, sends it with none open (a slow SMTP server never holds a lock: on
    SQLite that would stop every writer) and records the outcomes in another; returns the last id seen, or None
    when nothing was due. An e-mail leased by a mailer that then died goes out after the lease."""
    now = utcnow()
    rows = await repository.lock_due_emails(session, after_id, now, batch)
    leased = await repository.lease_emails(session, [row.id for row in rows], now, now + LEASE)
    await session.commit()
    for row in rows:
        if row.id in leased:
            await _send_one(row, sender, policy, report)
    await session.commit()
    return rows[-1].id if rows else None


async def drain_outgoing_emails(
    session_factory: async_sessionmaker[AsyncSession], sender: EmailSender, batch: int = 50,
    policy: RetryPolicy | None = None, max_batches: int | None = None,
) -> MailReport:
    """One pass over the e-mails that are due: each is tried at most once per call."""
    policy = policy or RetryPolicy()
    report = MailReport()
    after_id, batches = 0, 0
    while max_batches is None or batches < max_batches:
        async with session_factory() as session:
            last_id = await _drain_batch(session, sender, after_id, batch, policy, report)
        batches += 1
        if last_id is None:
            break
        after_id = last_id
    return report


async def run_mailer(session_factory: async_sessionmaker[AsyncSession], sender: EmailSender, policy: RetryPolicy, *,
                     batch: int, poll_seconds: float, once: bool) -> MailReport:
    """`tradeleads mail send`: passes over the due e-mails, once or for ever (sleeping when nothing was due)."""
    total = MailReport()
    while True:
        report = await drain_outgoing_emails(session_factory, sender, batch, policy)
        total.add(report)
        if once:
            return total
        if not report.attempted:
            await asyncio.sleep(poll_seconds)
