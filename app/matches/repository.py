"""Queries of the leads feed: which RFQs an organization has already opened on a day, and their
lead-quality scores."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import LeadView, Rfq


async def rfqs_viewed_on(session: AsyncSession, organization_id: int, day: date) -> set[int]:
    """The ids of the RFQs whose lead the organization opened on `day`."""
    return set(await session.scalars(select(LeadView.rfq_id).where(
        LeadView.organization_id == organization_id, LeadView.viewed_on == day)))


async def quality_scores(session: AsyncSession, rfq_ids: Sequence[int]) -> dict[int, int | None]:
    """Each RFQ's lead-quality score (None when not scored yet)."""
    if not rfq_ids:
        return {}
    rows = await session.execute(select(Rfq.id, Rfq.quality_score).where(Rfq.id.in_(rfq_ids)))
    return {row[0]: row[1] for row in rows}


