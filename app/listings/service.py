"""Listings: a supplier's product offers, from draft through review to published and archived."""


from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.viewer import Viewer, can_manage, require_admin, require_seller, require_viewer, visible_to
from app.alerts.jobs import enqueue_alert
from app.core.clock import utcnow
from app.core.errors import forbidden, not_found
from app.core.lifecycle import move
from app.core.repository import Page, paginate
from app.core.schemas import merged_update
from app.hs.service import ensure_hs_code_usable
from app.listings.repository import ListingFilters, listings_query
from app.listings.schemas import ListingCreate, ListingUpdate
from app.models import Listing
from app.models.enums import AlertEvent, EntityType, ListingStatus, NotificationKind
from app.notifications.service import Message, notify_organization
from app.outbox import record_change
from membership.policy import Action, ensure_allowed

S = ListingStatus
TRANSITIONS: dict[ListingStatus, frozenset[ListingStatus]] = {
    S.DRAFT: frozenset({S.PENDING_REVIEW, S.ARCHIVED}),
    S.PENDING_REVIEW: frozenset({S.PUBLISHED, S.REJECTED, S.ARCHIVED}),
    S.REJECTED: frozenset({S.PENDING_REVIEW, S.ARCHIVED}),
    S.PUBLISHED: frozenset({S.ARCHIVED, S.UNPUBLISHED}),
    S.ARCHIVED: frozenset(),
    # Unpublished by a plan downgrade (membership.enforcement); the owner republishes without a new review.
    S.UNPUBLISHED: frozenset({S.PUBLISHED, S.ARCHIVED}),
}
REPUBLISHABLE = {S.UNPUBLISHED: frozenset({S.PUBLISHED})}
EDITABLE = frozenset({S.DRAFT, S.REJECTED, S.PUBLISHED})


def _changed(session: AsyncSession, listing: Listing) -> None:
    listing.updated_at = utcnow()
    record_change(session, EntityType.LISTING, listing.id)


async def create_listing(session: AsyncSession, viewer: Viewer | None, data: ListingCreate) -> Listing:
    viewer = require_seller(viewer)
    await ensure_hs_code_usable(session, data.hs_code)
    listing = Listing(organization_id=viewer.organization_id, status=S.DRAFT, **data.model_dump())
    session.add(listing)
    await session.flush()
    record_change(session, EntityType.LISTING, listing.id)
    return listing


async def get_listing(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> Listing:
    """Published listings are public; the others exist only for their organization and admins."""
    listing = await session.get(Listing, listing_id)
    if listing is None or (listing.status != S.PUBLISHED and not can_manage(viewer, listing.organization_id)):
        raise not_found("Listing")
    return listing


async def _managed_listing(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> Listing:
    listing = await get_listing(session, require_viewer(viewer), listing_id)
    if not can_manage(viewer, listing.organization_id):
        raise forbidden("Only members of the supplier may change this listing", code="not_a_member")
    return listing


async def update_listing(
    session: AsyncSession, viewer: Viewer | None, listing_id: int, data: ListingUpdate
) -> Listing:
    listing = await _managed_listing(session, viewer, listing_id)
    if listing.status not in EDITABLE:
        raise forbidden(f"A listing that is {listing.status.value} cannot be edited", code="not_editable")
    merged = merged_update(ListingCreate, listing, data)
    await ensure_hs_code_usable(session, merged.hs_code)
    for field, value in merged.model_dump().items():
        setattr(listing, field, value)
    _changed(session, listing)
    await session.flush()
    return listing


async def submit_listing(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> Listing:
    listing = await _managed_listing(session, viewer, listing_id)
    move(listing, S.PENDING_REVIEW, TRANSITIONS, "listing")
    await ensure_allowed(session, listing.organization_id, Action.PUBLISH_LISTING)
    listing.rejection_reason = None
    _changed(session, listing)
    await session.flush()
    return listing


async def publish_listing(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> Listing:
    require_admin(viewer)
    listing = await get_listing(session, viewer, listing_id)
    move(listing, S.PUBLISHED, TRANSITIONS, "listing")
    _went_live(session, listing)
    await notify_organization(session, listing.organization_id, Message(
        NotificationKind.LISTING_APPROVED, f"Your listing is published: {listing.title}",
        "It passed review and buyers can find it now.", f"/listings/{listing.id}"))
    await session.flush()
    return listing


async def republish_listing(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> Listing:
    """Puts a listing unpublished by a downgrade back on the market, when the plan has room for it."""
    listing = await _managed_listing(session, viewer, listing_id)
    move(listing, S.PUBLISHED, REPUBLISHABLE, "listing")
    await ensure_allowed(session, listing.organization_id, Action.PUBLISH_LISTING)
    _went_live(session, listing)
    await session.flush()
    return listing


def _went_live(session: AsyncSession, listing: Listing) -> None:
    """Published (after review, or back after a downgrade): indexed, and matched against RFQs and saved searches
    (an organisation already alerted about this listing is not alerted again)."""
    listing.published_at = utcnow()
    _changed(session, listing)
    enqueue_alert(session, AlertEvent.LISTING_PUBLISHED, listing.id)


async def reject_listing(session: AsyncSession, viewer: Viewer | None, listing_id: int, reason: str) -> Listing:
    require_admin(viewer)
    listing = await get_listing(session, viewer, listing_id)
    move(listing, S.REJECTED, TRANSITIONS, "listing")
    listing.rejection_reason = reason
    _changed(session, listing)
    await notify_organization(session, listing.organization_id, Message(
        NotificationKind.LISTING_REJECTED, f"Your listing was not approved: {listing.title}",
        f"Reason: {reason}\nEdit it and submit it for review again.", "/my/listings"))
    await session.flush()
    return listing


async def archive_listing(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> Listing:
    listing = await _managed_listing(session, viewer, listing_id)
    move(listing, S.ARCHIVED, TRANSITIONS, "listing")
    _changed(session, listing)
    await session.flush()
    return listing


async def list_listings(
    session: AsyncSession, viewer: Viewer | None, filters: ListingFilters, page: int, per_page: int
) -> Page[Listing]:
    return await paginate(session, listings_query(filters, visible_to(viewer)), page, per_page)
