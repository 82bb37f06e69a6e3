"""Showcase: each plan includes some showcase slots (`Tier.showcase_slots`) and a supplier picks listings for them.

A showcased listing leads its supplier's store, carries a "Showcase" badge in the search results it appears in, and
ranks up to SHOWCASE_BOOST higher. That boost adds to its tier's ranking boost and search bounds the sum by the
tier-boost cap (search.ranking.MAX_TIER_BOOST, 5%): paid placement of any kind only reorders near-ties, and a
Platinum supplier (already at +5%) gains a badge and a place in its store, not rank.

A pick holds a slot whatever its listing's status; only published listings are shown. After a downgrade only the
earliest picks that fit the new plan's slots are shown; nothing is deleted, so an upgrade brings the rest back."""

from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Listing, ShowcasePick
from app.models.enums import ListingStatus
from membership.tiers import current_tiers

SHOWCASE_BOOST = 0.02


def listing_boost(tier_boost: float, showcased: bool) -> float:
    """The paid boost of one listing before search bounds it."""
    return tier_boost + (SHOWCASE_BOOST if showcased else 0.0)


async def showcased(session: AsyncSession, organization_ids: Collection[int]) -> dict[int, list[int]]:
    """Each organization's showcased listings in the order they were picked (its store shows them so)."""
    wanted = set(organization_ids)
    if not wanted:
        return {}
    slots = {organization_id: tier.showcase_slots if tier else 0
             for organization_id, tier in (await current_tiers(session, wanted)).items()}
    rows = await session.execute(
        select(ShowcasePick.organization_id, ShowcasePick.listing_id, Listing.status)
        .join(Listing, Listing.id == ShowcasePick.listing_id)
        .where(ShowcasePick.organization_id.in_(wanted))
        .order_by(ShowcasePick.organization_id, ShowcasePick.picked_at, ShowcasePick.id))
    picks: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for organization_id, listing_id, status in rows:
        picks[organization_id].append((listing_id, status))
    return {organization_id: [listing_id for listing_id, status in picks[organization_id][:slots[organization_id]]
                              if status == ListingStatus.PUBLISHED]
            for organization_id in wanted}


async def showcased_of(session: AsyncSession, organization_ids: Collection[int]) -> set[int]:
    """Every showcased listing of these organizations."""
    return {listing_id for listings in (await showcased(session, organization_ids)).values() for listing_id in listings}

