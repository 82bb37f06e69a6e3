"""SQL rows for the indexing tests, written the way services write them: the change and its outbox row in one
transaction (no HTTP request, so no after-commit indexing: the tests drive the indexer themselves)."""

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.background.outbox import record_change
from app.core.clock import utcnow
from app.models import Listing, Organization, OutboxEvent
from app.models.enums import EntityType, ListingStatus, OrganizationRole, Unit

Sessions = async_sessionmaker[AsyncSession]


async def add_supplier(sessions: Sessions, name: str = "Acme Trading", country: str = "CN") -> int:
    async with sessions.begin() as session:
        organization = Organization(name=name, slug=name.lower().replace(" ", "-"), role=OrganizationRole.SUPPLIER,
                                    country=country)
        session.add(organization)
        await session.flush()
        record_change(session, EntityType.ORGANIZATION, organization.id)
        return organization.id


async def add_listing(sessions: Sessions, organization_id: int, title: str,
                      status: ListingStatus = ListingStatus.PUBLISHED, **fields: Any) -> int:
    async with sessions.begin() as session:
        listing = Listing(organization_id=organization_id, title=title, moq=Decimal(10), moq_unit=Unit.PIECE,
                          status=status, published_at=utcnow() if status == ListingStatus.PUBLISHED else None,
                          **fields)
        session.add(listing)
        await session.flush()
        record_change(session, EntityType.LISTING, listing.id)
        return listing.id


async def change_listing(sessions: Sessions, listing_id: int, **values: Any) -> None:
    async with sessions.begin() as session:
        listing = await session.get_one(Listing, listing_id)
        for name, value in values.items():
            setattr(listing, name, value)
        listing.updated_at = utcnow()
        record_change(session, EntityType.LISTING, listing_id)


async def pending_outbox(sessions: Sessions) -> int:
    async with sessions() as session:
        query = select(func.count()).select_from(OutboxEvent).where(
            OutboxEvent.processed_at.is_(None), OutboxEvent.parked_at.is_(None))
        return int((await session.execute(query)).scalar_one())


async def outbox_rows(sessions: Sessions) -> list[OutboxEvent]:
    async with sessions() as session:
        return list((await session.scalars(select(OutboxEvent).order_by(OutboxEvent.id))).all())


async def rename_supplier(sessions: Sessions, organization_id: int, name: str) -> None:
    async with sessions.begin() as session:
        organization = await session.get_one(Organization, organization_id)
        organization.name = name
        record_change(session, EntityType.ORGANIZATION, organization_id)
