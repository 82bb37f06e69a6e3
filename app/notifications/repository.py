"""Queries of notifications: the members an organisation's notification goes to, a user's own notifications (all or
unread, counted, marked read at once) and the outgoing e-mails that are due."""

from datetime import datetime

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.jobs import lock_batch
from app.models import Notification, OutgoingEmail, User


async def members_of(session: AsyncSession, organization_id: int) -> list[User]:
    return list((await session.scalars(select(User).where(User.organization_id == organization_id))).all())


def _own(user_id: int, unread_only: bool = False) -> Select[Notification]:
    statement = select(Notification).where(Notification.user_id == user_id)
    return statement.where(Notification.read_at.is_(None)) if unread_only else statement


def notifications_of(user_id: int, unread_only: bool) -> Select[Notification]:
    """The user's notifications (or only the unread ones), newest first."""
    return _own(user_id, unread_only).order_by(Notification.created_at.desc(), Notification.id.desc())


async def count_unread(session: AsyncSession, user_id: int) -> int:
    statement = select(func.count()).select_from(_own(user_id, unread_only=True).subquery())
    return await session.scalar(statement) or 0


async def mark_all_read(session: AsyncSession, user_id: int, now: datetime) -> int:
    """Marks the user's unread notifications read at `now`; returns how many."""
    statement = (update(Notification)
                 .where(Notification.user_id == user_id, Notification.read_at.is_(None))
                 .values(read_at=now))
    result = await session.execute(statement)
    return int(result.rowcount)  # type: ignore[attr-defined]


async def lock_due_emails(session: AsyncSession, after_id: int, now: datetime, batch: int) -> list[OutgoingEmail]:
    """Unsent, unparked e-mails after `after_id` whose retry time has come. Locked, not claimed: outgoing_emails has
    no claimed_by column, and each e-mail is sent inside the transaction that locked it, so the lock alone keeps
    another mailer off it until the outcome is committed."""
    return await lock_batch(session, OutgoingEmail, [
        OutgoingEmail.sent_at.is_(None), OutgoingEmail.parked_at.is_(None), OutgoingEmail.id > after_id,
        or_(OutgoingEmail.next_attempt_at.is_(None), OutgoingEmail.next_attempt_at <= now)], batch)
