"""Queries of listing imports."""

from datetime import datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.jobs import lock_batch
from app.models import ListingImport


def _free(lease_start: datetime) -> list[ColumnElement[bool]]:
    """Waiting imports, and those whose worker stopped renewing its lease."""
    return [*ListingImport.pending(), or_(ListingImport.claimed_at.is_(None), ListingImport.claimed_at < lease_start)]


async def claim_next(session: AsyncSession, worker: str, now: datetime, lease_start: datetime,
                     excluding: set[int]) -> ListingImport | None:
    conditions = [*_free(lease_start), ListingImport.id.not_in(excluding)] if excluding else _free(lease_start)
    found = await lock_batch(session, ListingImport, conditions, 1)
    if not found:
        return None
    found[0].claimed_by, found[0].claimed_at = worker, now
    return found[0]


async def locked(session: AsyncSession, import_id: int) -> ListingImport | None:
    return await session.scalar(select(ListingImport).where(ListingImport.id == import_id).with_for_update()
                                .execution_options(populate_existing=True))


async def recent(session: AsyncSession, organization_id: int, limit: int) -> list[ListingImport]:
    rows = await session.scalars(select(ListingImport).where(ListingImport.organization_id == organization_id)
                                 .order_by(ListingImport.id.desc()).limit(limit))
    return list(rows)
