"""How an RFQ ends, and what happens to its quotes: closed without award (the quotes still undecided are declined),
awarded (one quote wins, the others are declined) or expired past its valid-until date (its quotes expire). Each
ending moves the RFQ through the rfqs state machine, re-indexes it and tells the suppliers or the buyer. This module
owns those events, so quotes -> rfqs is the only arrow between the two domains."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.auth.viewer import Viewer
from app.background.outbox import record_change
from app.core.clock import utcnow
from app.core.errors import conflict, not_found
from app.core.lifecycle import move
from app.models import Quote, Rfq
from app.models.enums import HIDDEN_FROM_BUYER_QUOTE_STATUSES, EntityType, NotificationKind, QuoteStatus, RfqStatus
from app.quotes import repository
from app.quotes.access import buyer_rfq
from app.quotes.messages import tell_buyer, tell_supplier
from app.rfqs import repository as rfqs_repository
from app.rfqs.service import RFQS, TRANSITIONS, locked_rfq, managed_rfq


async def close_rfq(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> Rfq:
    """Closes without award: the quotes still submitted are declined and their suppliers told."""
    await managed_rfq(session, viewer, rfq_id)
    rfq = await locked_rfq(session, rfq_id)
    assert rfq is not None
    move(rfq, RfqStatus.CLOSED, TRANSITIONS, "RFQ")
    RFQS.changed(session, rfq)
    await decline_open_quotes(session, rfq)
    await session.flush()
    return rfq


async def award_quote(session: AsyncSession, viewer: Viewer | None, rfq_id: int, quote_id: int) -> Rfq:
    """The RFQ becomes awarded and the quote awarded; every other submitted quote is declined; each supplier is
    told."""
    await buyer_rfq(session, viewer, rfq_id)
    rfq = await locked_rfq(session, rfq_id)
    assert rfq is not None
    quote = await repository.fresh_quote(session, quote_id)
    if quote is None or quote.rfq_id != rfq.id or quote.status in HIDDEN_FROM_BUYER_QUOTE_STATUSES:
        raise not_found("Quote")
    if quote.status is not QuoteStatus.SUBMITTED:
        raise conflict(f"A quote that is {quote.status.value} cannot be awarded", code="quote_not_active")
    move(rfq, RfqStatus.AWARDED, TRANSITIONS, "RFQ")
    RFQS.changed(session, rfq)
    quote.status = QuoteStatus.AWARDED
    await session.flush()
    await tell_supplier(session, rfq, quote, NotificationKind.QUOTE_AWARDED)
    await decline_open_quotes(session, rfq)
    return rfq


@dataclass(frozen=True)
class ExpiryReport:
    expired: list[int]


async def expire_rfqs(session: AsyncSession, today: date) -> list[int]:
    """Expires, in the caller's transaction, the open RFQs whose valid-until date is before `today`. Safe to run
    from several processes at once: one conditional UPDATE ... WHERE status = 'open' moves each RFQ, so each is
    expired (and announced) by exactly one run."""
    expired = await rfqs_repository.expire_open_before(session, today, utcnow())
    for rfq_id in expired:
        rfq = await rfqs_repository.fresh_rfq(session, rfq_id)
        record_change(session, EntityType.RFQ, rfq_id)
        await _expire_open_quotes(session, rfq_id)
        await tell_buyer(session, rfq, NotificationKind.RFQ_EXPIRED)
    await session.flush()
    return expired


async def run_expiry(sessions: async_sessionmaker[AsyncSession], today: date) -> ExpiryReport:
    async with sessions() as session:
        expired = await expire_rfqs(session, today)
        await session.commit()
    return ExpiryReport(expired)


async def decline_open_quotes(session: AsyncSession, rfq: Rfq) -> int:
    """Every quote still submitted (or held for review) is declined and its supplier told; returns how many."""
    quotes: Sequence[Quote] = await repository.undecided_quotes(session, rfq.id)
    for quote in quotes:
        quote.status = QuoteStatus.DECLINED
        await tell_supplier(session, rfq, quote, NotificationKind.QUOTE_DECLINED)
    await session.flush()
    return len(quotes)


async def _expire_open_quotes(session: AsyncSession, rfq_id: int) -> None:
    for quote in await repository.undecided_quotes(session, rfq_id):
        quote.status = QuoteStatus.EXPIRED
    await session.flush()
