"""Keeps an organization within its tier after a downgrade or an expiry, without deleting anything.

Published listings over the new limit become `unpublished`, the most recently published first: the listings that
have been live longest keep their place (and their search history). The owner republishes them after an upgrade.
"""

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import utcnow
from app.models import Listing, OutboxEvent
from app.models.enums import EntityType, ListingStatus, OutboxOperation
from membership.tiers import current_tier


async def enforce_listing_limit(session: AsyncSession, organization_id: int) -> list[int]:
    """Unpublishes listings beyond the current tier's limit; returns their ids."""
    limit = (await current_tier(session, organization_id)).max_published_listings
    if limit is None:
        return []
    newest_first = (select(Listing).where(Listing.organization_id == organization_id,
                                          Listing.status == ListingStatus.PUBLISHED)
                    .order_by(Listing.published_at.desc(), Listing.id.desc()))
    published = list(await session.scalars(newest_first))
    excess = published[:max(0, len(published) - limit)]
    now = utcnow()
    for listing in excess:
        # The engine cannot import the listings domain; this is the one transition it makes, with its outbox row.
        listing.status = ListingStatus.UNPUBLISHED
        listing.updated_at = now
        session.add(OutboxEvent(entity_type=EntityType.LISTING, entity_id=listing.id,
                                operation=OutboxOperation.UPSERT))
    await session.flush()
    return [listing.id for listing in excess]


async def unpublished_count(session: AsyncSession, organization_id: int) -> int:
    statement = select(func.count()).select_from(Listing).where(
        Listing.organization_id == organization_id, Listing.status == ListingStatus.UNPUBLISHED)
    return int(await session.scalar(statement) or 0)
