"""Notifications: in-app rows for every member of an organization, and an e-mail for each, queued in SQL."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Notification, OutgoingEmail, User
from app.models.enums import NotificationKind


@dataclass(frozen=True)
class Message:
    kind: NotificationKind
    title: str
    body: str = ""
    link: str | None = None


async def notify_organization(session: AsyncSession, organization_id: int, message: Message) -> int:
    """Notifies every user of the organization in the caller's transaction; returns how many were notified."""
    users = (await session.scalars(select(User).where(User.organization_id == organization_id))).all()
    for user in users:
        session.add(Notification(user_id=user.id, kind=message.kind, title=message.title, body=message.body,
                                 link=message.link))
        session.add(OutgoingEmail(to_address=user.email, subject=message.title, body_text=_email_text(message)))
    await session.flush()
    return len(users)


def _email_text(message: Message) -> str:
    parts = [message.title, "", message.body] if message.body else [message.title]
    if message.link:
        parts += ["", f"Open it on tradeleads: {message.link}"]
    return "\n".join(parts)
