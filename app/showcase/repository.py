"""Queries of showcase picks and of the listings a supplier may pick."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.repository import by_id
from app.models import Listing, ShowcasePick
from app.models.enums import ListingStatus


async def picks_of(session: AsyncSession, organization_id: int) -> list[tuple[ShowcasePick, Listing]]:
    """In the order they were picked: the order the store shows them and the slots fill."""
    rows = await session.execute(
        select(ShowcasePick, Listing).join(Listing, Listing.id == ShowcasePick.listing_id)
        .where(ShowcasePick.organization_id == organization_id)
        .order_by(ShowcasePick.picked_at, ShowcasePick.id))
    return [(pick, listing) for pick, listing in rows]


async def pick_of(session: AsyncSession, listing_id: int) -> ShowcasePick | None:
    return await session.scalar(select(ShowcasePick).where(ShowcasePick.listing_id == listing_id))


async def pickable(session: AsyncSession, organization_id: int) -> list[Listing]:
    """The organisation's published listings not in its showcase, newest first."""
    picked = select(ShowcasePick.listing_id).where(ShowcasePick.organization_id == organization_id)
    rows = await session.scalars(
        select(Listing).where(Listing.organization_id == organization_id, Listing.status == ListingStatus.PUBLISHED,
                              Listing.id.not_in(picked))
        .order_by(Listing.published_at.desc(), Listing.id.desc()))
    return list(rows)


async def listings_in_order(session: AsyncSession, listing_ids: list[int]) -> list[Listing]:
    found = await by_id(session, Listing, listing_ids)
    return [found[listing_id] for listing_id in listing_ids if listing_id in found]
