"""What happens to the active quotes of an RFQ when it ends: awarded, closed without award, or expired."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Quote, Rfq
from app.models.enums import UNDECIDED_QUOTE_STATUSES, NotificationKind, QuoteStatus
from app.quotes.messages import tell_supplier


async def submitted_quotes(session: AsyncSession, rfq_id: int) -> Sequence[Quote]:
    undecided = select(Quote).where(Quote.rfq_id == rfq_id, Quote.status.in_(UNDECIDED_QUOTE_STATUSES))
    return (await session.scalars(undecided.order_by(Quote.id))).all()


async def decline_open_quotes(session: AsyncSession, rfq: Rfq) -> int:
    """Every quote still submitted (or held for review) is declined and its supplier told; returns how many."""
    quotes = await submitted_quotes(session, rfq.id)
    for quote in quotes:
        quote.status = QuoteStatus.DECLINED
        await tell_supplier(session, rfq, quote, NotificationKind.QUOTE_DECLINED)
    await session.flush()
    return len(quotes)


async def expire_open_quotes(session: AsyncSession, rfq_id: int) -> None:
    for quote in await submitted_quotes(session, rfq_id):
        quote.status = QuoteStatus.EXPIRED
    await session.flush()
