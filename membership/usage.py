"""Usage counted from SQL, so every app process sees the same numbers. Days and months are UTC."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import utcnow
from app.models import Base, Invitation, LeadView, Listing, Quote, Rfq, ShowcasePick, User
from app.models.enums import ListingStatus, RfqStatus

# Listings waiting for review hold a slot too: otherwise a supplier could submit past its limit and have an
# administrator publish them all.
LISTING_SLOT_STATUSES = (ListingStatus.PUBLISHED, ListingStatus.PENDING_REVIEW)

LIVE_RFQ_STATUSES = (RfqStatus.PENDING_REVIEW, RfqStatus.OPEN)


def month_start(today: date) -> datetime:
    return datetime(today.year, today.month, 1, tzinfo=UTC)


async def _count(session: AsyncSession, model: type[Base], *conditions: ColumnElement[bool]) -> int:
    return int(await session.scalar(select(func.count()).select_from(model).where(*conditions)) or 0)


async def listing_slots_used(session: AsyncSession, organization_id: int) -> int:
    return await _count(session, Listing, Listing.organization_id == organization_id,
                        Listing.status.in_(LISTING_SLOT_STATUSES))


async def showcase_picks(session: AsyncSession, organization_id: int) -> int:
    return await _count(session, ShowcasePick, ShowcasePick.organization_id == organization_id)


def _not_on_fake_rfqs(rfq_id: Any) -> ColumnElement[bool]:
    """Quotes and lead views of an RFQ an admin confirmed fake are given back: they no longer count."""
    fakes = select(Rfq.id).where(Rfq.fake_confirmed_at.is_not(None))
    kept: ColumnElement[bool] = rfq_id.not_in(fakes)
    return kept


async def quotes_this_month(session: AsyncSession, organization_id: int, today: date) -> int:
    """Every quote submitted since the 1st, withdrawn ones included (withdrawing does not give a quote back), except
    on RFQs confirmed fake."""
    return await _count(session, Quote, Quote.organization_id == organization_id,
                        Quote.created_at >= month_start(today), _not_on_fake_rfqs(Quote.rfq_id))


async def rfqs_this_month(session: AsyncSession, organization_id: int, today: date) -> int:
    """RFQs created since the 1st that were submitted (drafts are free)."""
    return await _count(session, Rfq, Rfq.organization_id == organization_id, Rfq.created_at >= month_start(today),
                        Rfq.status != RfqStatus.DRAFT)


async def rfqs_created_on(session: AsyncSession, organization_id: int, day: date) -> int:
    """Every RFQ created on that day (UTC), drafts included: the anti-spam cap counts creations."""
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return await _count(session, Rfq, Rfq.organization_id == organization_id, Rfq.created_at >= start,
                        Rfq.created_at < start + timedelta(days=1))


async def rfqs_live(session: AsyncSession, organization_id: int) -> int:
    """RFQs open or waiting for review."""
    return await _count(session, Rfq, Rfq.organization_id == organization_id, Rfq.status.in_(LIVE_RFQ_STATUSES))


async def leads_viewed_on(session: AsyncSession, organization_id: int, day: date) -> int:
    return await _count(session, LeadView, LeadView.organization_id == organization_id, LeadView.viewed_on == day,
                        _not_on_fake_rfqs(LeadView.rfq_id))


async def members(session: AsyncSession, organization_id: int) -> int:
    """Users of the organization plus its open invitations: an invitation holds its place until it is accepted,
    withdrawn or expires, so an owner cannot invite past the plan and have every invitation accepted."""
    users = await _count(session, User, User.organization_id == organization_id)
    return users + await _count(session, Invitation, Invitation.organization_id == organization_id,
                                Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None),
                                Invitation.expires_at > utcnow())


async def record_lead_view(session: AsyncSession, organization_id: int, rfq_id: int, day: date) -> None:
    """Counts an RFQ once per organization and day, however often it is opened (safe under concurrency)."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(LeadView).values(organization_id=organization_id, rfq_id=rfq_id, viewed_on=day)
    await session.execute(statement.on_conflict_do_nothing())
