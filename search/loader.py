"""Hydrates search hits from SQL in one query, in hit order, dropping rows that stopped being searchable since
they were indexed (the index may lag the database by one worker cycle)."""

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
    rows = await session.execute(select(Listing, Organization).join(Listing.organization).where(
        Listing.id.in_(ids), Listing.status == ListingStatus.PUBLISHED))
    return _in_order(ids, {listing.id: (listing, organization) for listing, organization in rows})


async def load_rfqs(session: AsyncSession, ids: Sequence[int]) -> list[tuple[Rfq, Organization]]:
    rows = await session.execute(select(Rfq, Organization).join(Rfq.organization).where(
        Rfq.id.in_(ids), Rfq.status == RfqStatus.OPEN))
    return _in_order(ids, {rfq.id: (rfq, organization) for rfq, organization in rows})


async def load_suppliers(session: AsyncSession, ids: Sequence[int]) -> list[Organization]:
    rows = await session.scalars(select(Organization).where(
        Organization.id.in_(ids), Organization.role.in_(SELLER_ROLES)))
    return _in_order(ids, {organization.id: organization for organization in rows})
