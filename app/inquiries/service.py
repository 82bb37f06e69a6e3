"""Inquiries: a buyer writes to the supplier of a published listing, and the two organizations exchange messages.
Only the two organizations read a thread (admins too); each side's unread count follows its last_read_at."""

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.service import get_organization_by_id
from app.auth.viewer import Viewer, require_viewer
from app.core.clock import utcnow
from app.core.config import Settings
from app.core.errors import conflict, forbidden, too_many_requests
from app.core.repository import Page, get_or_404, paginate
from app.inquiries import repository
from app.inquiries.schemas import InquiryCreate, InquiryRole, ReplyInput
from app.listings.service import get_listing
from app.models import Inquiry, InquiryMessage, Listing
from app.models.enums import ListingStatus, NotificationKind
from app.notifications.service import Message, notify_organization, shorten

RATE_WINDOW = timedelta(hours=1)
EXCERPT_LENGTH = 300


def role_in(inquiry: Inquiry, viewer: Viewer) -> InquiryRole | None:
    if viewer.belongs_to(inquiry.buyer_organization_id):
        return InquiryRole.BUYER
    if viewer.belongs_to(inquiry.supplier_organization_id):
        return InquiryRole.SUPPLIER
    return None


def link_to(inquiry: Inquiry) -> str:
    return f"/inquiries/{inquiry.id}"


async def get_inquiry(session: AsyncSession, viewer: Viewer | None, inquiry_id: int) -> Inquiry:
    """A thread exists only for its two organizations and for admins: anyone else gets a 404."""
    viewer = require_viewer(viewer)
    return await get_or_404(session, Inquiry, inquiry_id, "Inquiry",
                            lambda inquiry: role_in(inquiry, viewer) is not None or viewer.is_admin)


async def _listing_open_to(session: AsyncSession, viewer: Viewer, listing_id: int) -> Listing:
    listing = await get_listing(session, viewer, listing_id)
    if viewer.belongs_to(listing.organization_id):
        raise forbidden("You cannot send an inquiry about your own organization's listing", code="own_listing")
    if listing.status is not ListingStatus.PUBLISHED:
        raise conflict(f"Only published listings take inquiries; this one is {listing.status.value}",
                       code="listing_not_published")
    return listing


async def _ensure_under_rate_limit(session: AsyncSession, settings: Settings, viewer: Viewer) -> None:
    # Locks the sender's row (PostgreSQL) so two concurrent inquiries of one user are counted one after the other.
    await repository.lock_user(session, viewer.user_id)
    since = utcnow() - RATE_WINDOW
    count, oldest = await repository.started_since(session, viewer.user_id, since)
    if count >= settings.inquiries_per_hour and oldest is not None:
        retry_after = max(1, int((oldest - since).total_seconds()) + 1)
        raise too_many_requests(f"You can send {settings.inquiries_per_hour} inquiries per hour; wait before "
                                "sending another", retry_after)


def _add_message(session: AsyncSession, inquiry: Inquiry, viewer: Viewer, body: str) -> InquiryMessage:
    """The sender has read the thread up to its own message."""
    now = utcnow()
    message = InquiryMessage(inquiry_id=inquiry.id, organization_id=viewer.organization_id, user_id=viewer.user_id,
                             body=body, created_at=now)
    session.add(message)
    inquiry.last_message_at = now
    _mark_read_at(inquiry, role_in(inquiry, viewer), now)
    return message


def _mark_read_at(inquiry: Inquiry, role: InquiryRole | None, when: datetime) -> None:
    """Admins reading someone else's thread leave its unread counts alone."""
    if role is InquiryRole.BUYER:
        inquiry.buyer_last_read_at = when
    elif role is InquiryRole.SUPPLIER:
        inquiry.supplier_last_read_at = when


async def _tell(session: AsyncSession, organization_id: int, kind: NotificationKind, title: str,
                inquiry: Inquiry, body: str) -> None:
    await notify_organization(session, organization_id, Message(kind, title, shorten(body, EXCERPT_LENGTH),
                                                                link_to(inquiry)))


async def send_inquiry(session: AsyncSession, settings: Settings, viewer: Viewer | None, listing_id: int,
                       data: InquiryCreate) -> Inquiry:
    viewer = require_viewer(viewer)
    listing = await _listing_open_to(session, viewer, listing_id)
    await _ensure_under_rate_limit(session, settings, viewer)
    inquiry = Inquiry(listing_id=listing.id, buyer_organization_id=viewer.organization_id,
                      supplier_organization_id=listing.organization_id, started_by_user_id=viewer.user_id,
                      subject=listing.title, quantity=data.quantity,
                      unit=data.unit or (listing.moq_unit if data.quantity is not None else None))
    session.add(inquiry)
    await session.flush()
    _add_message(session, inquiry, viewer, data.message)
    buyer = await get_organization_by_id(session, viewer.organization_id)
    await _tell(session, listing.organization_id, NotificationKind.INQUIRY_RECEIVED,
                f"New inquiry from {buyer.name} about {listing.title}", inquiry, data.message)
    await session.flush()
    return inquiry


async def reply(session: AsyncSession, viewer: Viewer | None, inquiry_id: int, data: ReplyInput) -> InquiryMessage:
    viewer = require_viewer(viewer)
    inquiry = await get_inquiry(session, viewer, inquiry_id)
    role = role_in(inquiry, viewer)
    if role is None:
        raise forbidden("Only the buyer and the supplier of an inquiry may write in it", code="not_a_participant")
    message = _add_message(session, inquiry, viewer, data.message)
    other = inquiry.supplier_organization_id if role is InquiryRole.BUYER else inquiry.buyer_organization_id
    sender = await get_organization_by_id(session, viewer.organization_id)
    await _tell(session, other, NotificationKind.INQUIRY_REPLY, f"{sender.name} replied about {inquiry.subject}",
                inquiry, data.message)
    await session.flush()
    return message


async def read_thread(session: AsyncSession, viewer: Viewer | None, inquiry_id: int,
                      ) -> tuple[Inquiry, list[InquiryMessage]]:
    """The thread and its messages, oldest first; reading it marks it read for the viewer's side."""
    viewer = require_viewer(viewer)
    inquiry = await get_inquiry(session, viewer, inquiry_id)
    _mark_read_at(inquiry, role_in(inquiry, viewer), utcnow())
    await session.flush()
    return inquiry, await repository.messages_of(session, inquiry.id)


async def unread_in(session: AsyncSession, viewer: Viewer, inquiries: list[Inquiry]) -> dict[int, int]:
    return await repository.unread_counts(session, viewer.organization_id, (inquiry.id for inquiry in inquiries))


async def inbox(session: AsyncSession, viewer: Viewer | None, role: InquiryRole | None, page: int,
                per_page: int) -> Page[Inquiry]:
    viewer = require_viewer(viewer)
    return await paginate(session, repository.threads_of(viewer.organization_id, role), page, per_page)


async def unread_totals(session: AsyncSession, viewer: Viewer | None) -> tuple[int, int]:
    return await repository.unread_totals(session, require_viewer(viewer).organization_id)
