"""Queries of notifications: the members an organisation's notification goes to, a user's own notifications (all or
unread, counted, marked read at once) and the outgoing e-mails that are due."""

from datetime import datetime

from sqlalchemy import ColumnElement, Select, func, or_, select, update
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


def _due(now: datetime) -> list[ColumnElement[bool]]:
    return [OutgoingEmail.sent_at.is_(None), OutgoingEmail.parked_at.is_(None),
            or_(OutgoingEmail.next_attempt_at.is_(None), OutgoingEmail.next_attempt_at <= now)]


async def lock_due_emails(session: AsyncSession, after_id: int, now: datetime, batch: int) -> list[OutgoingEmail]:
    """Unsent, unparked e-mails after `after_id` whose retry time has come, locked (skipping the ones another
    transaction holds) so that the caller can lease them (lease_emails)."""
    return await lock_batch(session, OutgoingEmail, [*_due(now), OutgoingEmail.id > after_id], batch)


async def lease_emails(session: AsyncSession, ids: list[int], now: datetime, until: datetime) -> set[int]:
    """Moves the retry time of those of `ids` still due at `now` to `until`; returns them. A compare-and-set: on
    SQLite, which has no row locks, a mailer running beside this one (another process) may have read the same rows,
    and the one whose update comes second finds them no longer due, so no e-mail goes out twice."""
    if not ids:
        return set()
    statement = (update(OutgoingEmail).where(OutgoingEmail.id.in_(ids), *_due(now))
                 .values(next_attempt_at=until).returning(OutgoingEmail.id)
                 .execution_options(synchronize_session=False))
    return set((await session.scalars(statement)).all())
