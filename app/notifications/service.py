"""Notifications: in-app rows for every member of an organization, and an e-mail for each, queued in SQL; and the
reading side (a user's own notifications, unread count, marking read)."""

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer
from app.background.outbox import queue_after_commit_work
from app.core.clock import utcnow
from app.core.repository import Page, get_users_own, paginate
from app.models import Notification, OutgoingEmail
from app.models.enums import NotificationKind
from app.notifications import repository

TITLE_LENGTH = 200


@dataclass(frozen=True)
class Message:
    kind: NotificationKind
    title: str
    body: str = ""
    link: str | None = None


def shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


async def notify_organization(session: AsyncSession, organization_id: int, message: Message) -> int:
    """Notifies every user of the organization in the caller's transaction; returns how many were notified."""
    users = await repository.members_of(session, organization_id)
    title = shorten(message.title, TITLE_LENGTH)
    for user in users:
        session.add(Notification(user_id=user.id, kind=message.kind, title=title, body=message.body,
                                 link=message.link))
        session.add(OutgoingEmail(to_address=user.email, subject=title, body_text=_email_text(message)))
    # The queued e-mails are an outbox too: the request boundary runs the after-commit hook, which sends them.
    queue_after_commit_work(session)
    await session.flush()
    return len(users)


async def send_email(session: AsyncSession, to: str, subject: str, body: str) -> None:
    """Queues one e-mail to one address in the caller's transaction; it goes out after the commit, like the rest."""
    session.add(OutgoingEmail(to_address=to, subject=shorten(subject, TITLE_LENGTH), body_text=body))
    queue_after_commit_work(session)
    await session.flush()


def _email_text(message: Message) -> str:
    parts = [message.title, "", message.body] if message.body else [message.title]
    if message.link:
        parts += ["", f"Open it on tradeleads: {message.link}"]
    return "\n".join(parts)


async def list_notifications(session: AsyncSession, viewer: Viewer, unread_only: bool, page: int,
                             per_page: int) -> Page[Notification]:
    return await paginate(session, repository.notifications_of(viewer.user_id, unread_only), page, per_page)


async def unread_count(session: AsyncSession, viewer: Viewer) -> int:
    return await repository.count_unread(session, viewer.user_id)


async def mark_read(session: AsyncSession, viewer: Viewer, notification_id: int) -> Notification:
    """Only the user's own notifications exist for them; marking one read again keeps its first read time."""
    notification = await get_users_own(session, Notification, notification_id, viewer.user_id, "Notification")
    if notification.read_at is None:
        notification.read_at = utcnow()
        await session.flush()
    return notification


async def mark_all_read(session: AsyncSession, viewer: Viewer) -> int:
    return await repository.mark_all_read(session, viewer.user_id, utcnow())
