"""The buyer's decisions on quotes: award one (the others are declined), and rate the quotes received."""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.viewer import Viewer, require_member
from app.core.clock import utcnow
from app.core.errors import AppError, conflict, not_found
from app.core.lifecycle import move
from app.models import Quote, QuoteRating, Rfq
from app.models.enums import HIDDEN_FROM_BUYER_QUOTE_STATUSES, EntityType, NotificationKind, QuoteStatus, RfqStatus
from app.outbox import record_change
from app.quotes import repository
from app.quotes.access import buyer_rfq, visible_quote
from app.quotes.messages import tell_supplier
from app.quotes.outcomes import decline_open_quotes
from app.quotes.schemas import RatingIn
from app.rfqs.service import TRANSITIONS, locked_rfq

DECIDED = (RfqStatus.AWARDED, RfqStatus.CLOSED, RfqStatus.EXPIRED)


async def award_quote(session: AsyncSession, viewer: Viewer | None, rfq_id: int, quote_id: int) -> Rfq:
    """The RFQ becomes awarded and the quote awarded; every other submitted quote is declined; each supplier is
    told."""
    await buyer_rfq(session, viewer, rfq_id)
    rfq = await locked_rfq(session, rfq_id)
    assert rfq is not None
    quote = await session.get(Quote, quote_id, populate_existing=True)
    if quote is None or quote.rfq_id != rfq.id or quote.status in HIDDEN_FROM_BUYER_QUOTE_STATUSES:
        raise not_found("Quote")
    if quote.status is not QuoteStatus.SUBMITTED:
        raise conflict(f"A quote that is {quote.status.value} cannot be awarded", code="quote_not_active")
    move(rfq, RfqStatus.AWARDED, TRANSITIONS, "RFQ")
    rfq.updated_at = utcnow()
    record_change(session, EntityType.RFQ, rfq.id)
    quote.status = QuoteStatus.AWARDED
    await session.flush()
    await tell_supplier(session, rfq, quote, NotificationKind.QUOTE_AWARDED)
    await decline_open_quotes(session, rfq)
    return rfq


def _already_rated() -> AppError:
    return conflict("This quote has already been rated", code="already_rated")


async def rate_quote(session: AsyncSession, viewer: Viewer | None, quote_id: int, data: RatingIn) -> QuoteRating:
    """Members of the buyer rate a quote they received, once, after the RFQ was awarded, closed or expired."""
    quote, rfq = await visible_quote(session, viewer, quote_id)
    viewer = require_member(viewer, rfq.organization_id)
    if rfq.status not in DECIDED:
        raise conflict("Quotes are rated once the RFQ is awarded, closed or expired", code="rfq_not_decided")
    if await repository.rating_of(session, quote.id) is not None:
        raise _already_rated()
    rating = QuoteRating(quote_id=quote.id, supplier_id=quote.organization_id, user_id=viewer.user_id,
                         score=data.score, comment=data.comment)
    session.add(rating)
    try:
        await session.flush()
    except IntegrityError as exc:  # rated at the same moment by a colleague
        raise _already_rated() from exc
    return rating
