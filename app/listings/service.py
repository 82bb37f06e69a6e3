"""Listings: a supplier's product offers, from draft through review (app.owned.lifecycle) to published and
archived."""


from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, require_seller, visible_to
from app.background.outbox import record_change
from app.core.errors import forbidden, not_found
from app.core.lifecycle import move
from app.core.repository import Page, paginate
from app.core.schemas import as_validation_failed, merged_update
from app.hs.service import ensure_hs_code_usable
from app.listings.repository import ListingFilters, listings_query
from app.listings.schemas import ListingCreate, ListingTranslation, ListingUpdate
from app.models import Listing
from app.models.enums import AlertEvent, EntityType, ListingStatus, NotificationKind
from app.owned.lifecycle import OwnedKind
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


LISTINGS = OwnedKind(
    model=Listing, entity=EntityType.LISTING, noun="listing", transitions=TRANSITIONS,
    review=S.PENDING_REVIEW, live=S.PUBLISHED, refused=S.REJECTED,
    is_public=lambda listing: listing.status is S.PUBLISHED,
    refusal="Only members of the supplier may change this listing", pages_url="/listings",
    went_live_at="published_at", live_alert=AlertEvent.LISTING_PUBLISHED,
    approved=NotificationKind.LISTING_APPROVED, approved_title="Your listing is published: {title}",
    approved_body="It passed review and buyers can find it now.", rejected=NotificationKind.LISTING_REJECTED,
)


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
    return await LISTINGS.get(session, viewer, listing_id)


async def update_listing(
    session: AsyncSession, viewer: Viewer | None, listing_id: int, data: ListingUpdate
) -> Listing:
    listing = await LISTINGS.managed(session, viewer, listing_id)
    if listing.status not in EDITABLE:
        raise forbidden(f"A listing that is {listing.status.value} cannot be edited", code="not_editable")
    merged = merged_update(ListingCreate, listing, data)
    await ensure_hs_code_usable(session, merged.hs_code)
    for field, value in merged.model_dump().items():
        setattr(listing, field, value)
    LISTINGS.changed(session, listing)
    await session.flush()
    return listing


async def set_translation(session: AsyncSession, viewer: Viewer | None, listing_id: int, language: str,
                          text: ListingTranslation) -> Listing:
    """Adds the title and description in a further language, or replaces the ones given before."""
    listing = await LISTINGS.managed(session, viewer, listing_id)
    translations = {**listing.translations, language: text.model_dump()}
    return await update_listing(session, viewer, listing_id, _translations_update(translations))


async def remove_translation(session: AsyncSession, viewer: Viewer | None, listing_id: int,
                             language: str) -> Listing:
    listing = await LISTINGS.managed(session, viewer, listing_id)
    if language not in listing.translations:
        raise not_found(f"A translation into {language}")
    translations = {tag: text for tag, text in listing.translations.items() if tag != language}
    return await update_listing(session, viewer, listing_id, _translations_update(translations))


def _translations_update(translations: dict[str, dict[str, str]]) -> ListingUpdate:
    try:
        return ListingUpdate.model_validate({"translations": translations})
    except ValidationError as exc:
        raise as_validation_failed(exc) from exc


async def submit_listing(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> Listing:
    async def within_plan(listing: Listing) -> None:
        await ensure_allowed(session, listing.organization_id, Action.PUBLISH_LISTING)

    return await LISTINGS.submit(session, viewer, listing_id, within_plan)


async def publish_listing(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> Listing:
    return await LISTINGS.approve(session, viewer, listing_id)


async def republish_listing(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> Listing:
    """Puts a listing unpublished by a downgrade back on the market, when the plan has room for it."""
    listing = await LISTINGS.managed(session, viewer, listing_id)
    move(listing, S.PUBLISHED, REPUBLISHABLE, "listing")
    await ensure_allowed(session, listing.organization_id, Action.PUBLISH_LISTING)
    LISTINGS.went_live(session, listing)
    await session.flush()
    return listing


async def reject_listing(session: AsyncSession, viewer: Viewer | None, listing_id: int, reason: str) -> Listing:
    return await LISTINGS.reject(session, viewer, listing_id, reason)


async def archive_listing(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> Listing:
    return await LISTINGS.retire(session, viewer, listing_id, S.ARCHIVED)


async def list_listings(
    session: AsyncSession, viewer: Viewer | None, filters: ListingFilters, page: int, per_page: int
) -> Page[Listing]:
    return await paginate(session, listings_query(filters, visible_to(viewer)), page, per_page)
