"""The lifecycle listings and RFQs share: an object owned by an organization that its members draft and submit, an
admin reviews (goes live, or is rejected with a reason the owner is told), and its members retire (archive, close).

What differs between the two (the state machine, which status is live and when it went live, the alert it raises,
the texts the owner reads) is said once per kind in an `OwnedKind`; the steps are written once here."""

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, can_manage, require_admin, require_viewer
from app.background.outbox import enqueue_alert, record_change
from app.core.clock import utcnow
from app.core.errors import forbidden, not_found
from app.core.lifecycle import move
from app.models.enums import AlertEvent, EntityType, NotificationKind
from app.notifications.service import Message, notify_organization
from app.owned.repository import owned_row


class Owned(Protocol):
    id: int
    organization_id: int
    title: str
    status: Any
    rejection_reason: str | None
    updated_at: datetime


T = TypeVar("T", bound=Owned)
Check = Callable[[T], Awaitable[None]]


@dataclass(frozen=True)
class OwnedKind(Generic[T]):
    model: type[T]
    entity: EntityType
    noun: str  # as the owner reads it: "listing", "RFQ"
    transitions: Mapping[Any, frozenset[Any]]
    review: StrEnum  # submitted, waiting for an admin
    live: StrEnum  # where review leads: published, open
    refused: StrEnum  # rejected by review
    is_public: Callable[[T], bool]  # what someone who is neither a member nor an admin sees
    refusal: str  # 403 for a non-member who tries to change it
    pages_url: str  # "/listings": its page is pages_url/id; the owner's is /my + pages_url
    went_live_at: str  # the timestamp set when it goes live: published_at, opened_at
    live_alert: AlertEvent
    approved: NotificationKind
    approved_title: str  # "{title}" is the object's title
    approved_body: str
    rejected: NotificationKind

    async def get(self, session: AsyncSession, viewer: Viewer | None, ident: int) -> T:
        """Public objects for everyone, unless their organization is suspended; the others exist only for their
        organization and admins."""
        noun = self.noun[:1].upper() + self.noun[1:]
        found = await owned_row(session, self.model, ident)
        if found is None:
            raise not_found(noun)
        item, owner_active = found
        if not can_manage(viewer, item.organization_id) and not (owner_active and self.is_public(item)):
            raise not_found(noun)
        return item

    async def managed(self, session: AsyncSession, viewer: Viewer | None, ident: int,
                      refusal: str | None = None) -> T:
        """An object the viewer acts on for its organization (its members and admins); others get 403."""
        item = await self.get(session, require_viewer(viewer), ident)
        if not can_manage(viewer, item.organization_id):
            raise forbidden(refusal or self.refusal, code="not_a_member")
        return item

    def changed(self, session: AsyncSession, item: T) -> None:
        item.updated_at = utcnow()
        record_change(session, self.entity, item.id)

    async def submit(self, session: AsyncSession, viewer: Viewer | None, ident: int, check: Check[T]) -> T:
        """To review; `check` is the kind's own rules for a submission (plan limits, caps), run once it moved."""
        item = await self.managed(session, viewer, ident)
        move(item, self.review, self.transitions, self.noun)
        await check(item)
        item.rejection_reason = None
        self.changed(session, item)
        await session.flush()
        return item

    async def approve(self, session: AsyncSession, viewer: Viewer | None, ident: int) -> T:
        """Review passed: live, indexed, matched (alerts), and the owner told."""
        require_admin(viewer)
        item = await self.get(session, viewer, ident)
        move(item, self.live, self.transitions, self.noun)
        self.went_live(session, item)
        await notify_organization(session, item.organization_id, Message(
            self.approved, self.approved_title.format(title=item.title), self.approved_body,
            f"{self.pages_url}/{item.id}"))
        await session.flush()
        return item

    def went_live(self, session: AsyncSession, item: T) -> None:
        """Live (after review, or back after a downgrade): stamped, indexed, and matched against the other side
        (an organisation already alerted about it is not alerted again)."""
        setattr(item, self.went_live_at, utcnow())
        self.changed(session, item)
        enqueue_alert(session, self.live_alert, item.id)

    async def reject(self, session: AsyncSession, viewer: Viewer | None, ident: int, reason: str) -> T:
        require_admin(viewer)
        item = await self.get(session, viewer, ident)
        move(item, self.refused, self.transitions, self.noun)
        item.rejection_reason = reason
        self.changed(session, item)
        await notify_organization(session, item.organization_id, Message(
            self.rejected, f"Your {self.noun} was not approved: {item.title}",
            f"Reason: {reason}\nEdit it and submit it for review again.", f"/my{self.pages_url}"))
        await session.flush()
        return item

    async def retire(self, session: AsyncSession, viewer: Viewer | None, ident: int, target: StrEnum) -> T:
        """Archived or closed by its organization: off the market for good."""
        item = await self.managed(session, viewer, ident)
        move(item, target, self.transitions, self.noun)
        self.changed(session, item)
        await session.flush()
        return item
