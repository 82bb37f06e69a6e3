"""Queries of listings and their images."""

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Listing, ListingImage
from app.models.enums import ListingStatus
from app.owned.repository import owned_query


@dataclass(frozen=True)
class ListingFilters:
    organization: str | None = None
    status: ListingStatus | None = None
    hs_code: str | None = None
    country_of_origin: str | None = None
    q: str | None = None
    hs_chapters: tuple[str, ...] | None = None  # any of these 2-digit chapters (an HS section's); () matches none


def listings_query(filters: ListingFilters, visible_organization_ids: set[int] | None) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    if filters.status is not None:
        conditions.append(Listing.status == filters.status)
    if filters.hs_code:
        conditions.append(Listing.hs_code.startswith(filters.hs_code))
    if filters.hs_chapters is not None:
        conditions.append(func.substr(Listing.hs_code, 1, 2).in_(filters.hs_chapters))
    if filters.country_of_origin:
        conditions.append(Listing.country_of_origin == filters.country_of_origin)
    if filters.q:
        conditions.append(Listing.title.icontains(filters.q, autoescape=True))
    return owned_query(Listing, filters.organization, conditions, ListingStatus.PUBLISHED,
                       visible_organization_ids)


async def images_of(session: AsyncSession, listing_id: int) -> list[ListingImage]:
    """A listing's gallery, in its order."""
    rows = await session.scalars(select(ListingImage).where(ListingImage.listing_id == listing_id)
                                 .order_by(ListingImage.position, ListingImage.id))
    return list(rows)


async def cover_images(session: AsyncSession, listing_ids: Collection[int]) -> dict[int, ListingImage]:
    """The first image of each listing that has one, in one query (a gallery holds a few images at most)."""
    if not listing_ids:
        return {}
    rows = await session.scalars(select(ListingImage).where(ListingImage.listing_id.in_(set(listing_ids)))
                                 .order_by(ListingImage.listing_id, ListingImage.position, ListingImage.id))
    covers: dict[int, ListingImage] = {}
    for image in rows:
        covers.setdefault(image.listing_id, image)
    return covers


async def image_of_listing(session: AsyncSession, listing_id: int, image_id: int) -> ListingImage | None:
    return await session.scalar(select(ListingImage).where(ListingImage.id == image_id,
                                                           ListingImage.listing_id == listing_id))


async def next_image_position(session: AsyncSession, listing_id: int) -> tuple[int, int]:
    """How many images the listing has, and the position after its last."""
    count, last = (await session.execute(select(func.count(), func.max(ListingImage.position))
                                         .where(ListingImage.listing_id == listing_id))).one()
    return int(count), (last or 0) + 1


async def lock_listing(session: AsyncSession, listing_id: int) -> None:
    """Takes the listing's row lock (PostgreSQL): uploads to one listing take turns on its gallery's count."""
    await session.execute(select(Listing.id).where(Listing.id == listing_id).with_for_update())
