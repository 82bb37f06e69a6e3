"""Queries of the leads feed: which RFQs an organization has already opened on a day."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import LeadView


async def rfqs_viewed_on(session: AsyncSession, organization_id: int, day: date) -> set[int]:
    """The ids of the RFQs whose lead the organization opened on `day`."""
    return set(await session.scalars(select(LeadView.rfq_id).where(
        LeadView.organization_id == organization_id, LeadView.viewed_on == day)))
