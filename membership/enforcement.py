"""Keeps an organization within its tier after a downgrade or an expiry, without deleting anything.

The limit counts listings published or waiting for review. Over it, listings waiting for review go back to draft
first, then published listings become `unpublished`, the most recently published first: the listings that have
been live longest keep their place (and their search history). The owner resubmits or republishes them after an
upgrade.
"""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.core.clock import utcnow
from app.models import Listing, OutboxEvent
from app.models.enums import EntityType, ListingStatus, OutboxOperation
from membership.tiers import current_tier


async def enforce_listing_limit(session: AsyncSession, organization_id: int) -> list[int]:
    """Brings the listings that hold a slot (published or waiting for review, as the policy counts them) within
    the current tier's limit: listings waiting for review go back to draft first (newest first; nothing live is
    lost), then published listings are unpublished (newest first). Returns the ids of the unpublished ones."""
    limit = (await current_tier(session, organization_id)).max_published_listings
    if limit is None:
        return []
    pending = await _newest_first(session, organization_id, ListingStatus.PENDING_REVIEW, Listing.updated_at)
    published = await _newest_first(session, organization_id, ListingStatus.PUBLISHED, Listing.published_at)
    excess = max(0, len(pending) + len(published) - limit)
    back_to_draft = pending[:excess]
    unpublish = published[:excess - len(back_to_draft)]
    now = utcnow()
    # The engine cannot import the listings domain; these are the transitions it makes, with their outbox rows.
    for listing, status in [(one, ListingStatus.DRAFT) for one in back_to_draft] + \
            [(one, ListingStatus.UNPUBLISHED) for one in unpublish]:
        listing.status = status
        listing.updated_at = now
        session.add(OutboxEvent(entity_type=EntityType.LISTING, entity_id=listing.id,
                                operation=OutboxOperation.UPSERT))
    await session.flush()
    return [listing.id for listing in unpublish]


async def _newest_first(session: AsyncSession, organization_id: int, status: ListingStatus,
                        moment: InstrumentedAttribute[datetime | None] | InstrumentedAttribute[datetime],
                        ) -> list[Listing]:
    statement = (select(Listing).where(Listing.organization_id == organization_id, Listing.status == status)
                 .order_by(moment.desc(), Listing.id.desc()))
    return list(await session.scalars(statement))


async def unpublished_count(session: AsyncSession, organization_id: int) -> int:
    statement = select(func.count()).select_from(Listing).where(
        Listing.organization_id == organization_id, Listing.status == ListingStatus.UNPUBLISHED)
    return int(await session.scalar(statement) or 0)
