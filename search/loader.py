"""Hydrates search hits from SQL in one query, in hit order, dropping rows that stopped being searchable since
they were indexed (the index may lag the database by one worker cycle).

The rows are looked up by primary key alone and their status is checked here: given `id IN (...) AND status = ?`,
SQLite's planner walks the status index, which holds nearly every row of a live catalogue, instead of the page's
few keys (16 ms instead of 1 ms at 100,000 listings)."""

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Listing, Organization, Rfq
from app.models.enums import ListingStatus, RfqStatus
from search.documents import SELLER_ROLES

T = TypeVar("T")


def _in_order(ids: Sequence[int], found: dict[int, T]) -> list[T]:
    return [found[doc_id] for doc_id in ids if doc_id in found]


async def load_listings(session: AsyncSession, ids: Sequence[int]) -> list[tuple[Listing, Organization]]:
    rows = await session.execute(select(Listing, Organization).join(Listing.organization).where(Listing.id.in_(ids)))
    return _in_order(ids, {listing.id: (listing, organization) for listing, organization in rows
                           if listing.status == ListingStatus.PUBLISHED})


async def load_rfqs(session: AsyncSession, ids: Sequence[int]) -> list[tuple[Rfq, Organization]]:
    rows = await session.execute(select(Rfq, Organization).join(Rfq.organization).where(Rfq.id.in_(ids)))
    return _in_order(ids, {rfq.id: (rfq, organization) for rfq, organization in rows if rfq.status == RfqStatus.OPEN})


async def load_suppliers(session: AsyncSession, ids: Sequence[int]) -> list[Organization]:
    rows = await session.scalars(select(Organization).where(Organization.id.in_(ids)))
    return _in_order(ids, {organization.id: organization for organization in rows
                           if organization.role in SELLER_ROLES})
