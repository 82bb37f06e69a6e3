"""Expiry of open RFQs past their valid-until date. Safe to run from several processes at once: one conditional
UPDATE ... WHERE status = 'open' moves each RFQ, so each is expired (and announced) by exactly one run."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.clock import utcnow
from app.models import Rfq
from app.models.enums import EntityType, NotificationKind, RfqStatus
from app.outbox import record_change
from app.quotes.messages import tell_buyer
from app.quotes.outcomes import expire_open_quotes


@dataclass(frozen=True)
class ExpiryReport:
    expired: list[int]


async def expire_rfqs(session: AsyncSession, today: date) -> list[int]:
    """Expires, in the caller's transaction, the open RFQs whose valid-until date is before `today`."""
    statement = (update(Rfq).where(Rfq.status == RfqStatus.OPEN, Rfq.valid_until < today)
                 .values(status=RfqStatus.EXPIRED, updated_at=utcnow())
                 .returning(Rfq.id).execution_options(synchronize_session=False))
    expired = sorted((await session.scalars(statement)).all())
    for rfq_id in expired:
        rfq = await session.get_one(Rfq, rfq_id, populate_existing=True)
        record_change(session, EntityType.RFQ, rfq_id)
        await expire_open_quotes(session, rfq_id)
        await tell_buyer(session, rfq, NotificationKind.RFQ_EXPIRED)
    await session.flush()
    return expired


async def run_expiry(sessions: async_sessionmaker[AsyncSession], today: date) -> ExpiryReport:
    async with sessions() as session:
        expired = await expire_rfqs(session, today)
        await session.commit()
    return ExpiryReport(expired)
