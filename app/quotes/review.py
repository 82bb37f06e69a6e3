"""Quotes held for review: a message with contact details holds the quote until an admin approves it (it is then
submitted and the buyer told) or rejects it with a reason (it stops being active and the supplier is told)."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, require_admin
from app.core.clock import utcnow
from app.core.contact_details import contact_details_in
from app.core.errors import conflict
from app.core.repository import get_or_404
from app.models import Quote, Rfq
from app.models.enums import NotificationKind, QuoteStatus
from app.quotes import repository
from app.quotes.messages import tell_buyer, tell_supplier
from app.rfqs.service import locked_rfq


def status_for(message: str) -> QuoteStatus:
    return QuoteStatus.PENDING_REVIEW if contact_details_in(message) else QuoteStatus.SUBMITTED


async def _held_quote(session: AsyncSession, viewer: Viewer | None, quote_id: int) -> tuple[Quote, Rfq]:
    """The quote awaiting review, its RFQ locked so that an award or a close does not decide at the same time."""
    require_admin(viewer)
    quote = await get_or_404(session, Quote, quote_id, "Quote")
    rfq = await locked_rfq(session, quote.rfq_id)
    assert rfq is not None
    await repository.reload_quote(session, quote)
    if quote.status is not QuoteStatus.PENDING_REVIEW:
        raise conflict(f"A quote that is {quote.status.value} is not awaiting review", code="not_pending_review")
    return quote, rfq


async def approve_quote(session: AsyncSession, viewer: Viewer | None, quote_id: int) -> Quote:
    quote, rfq = await _held_quote(session, viewer, quote_id)
    quote.status = QuoteStatus.SUBMITTED
    quote.updated_at = utcnow()
    await session.flush()
    await tell_buyer(session, rfq, NotificationKind.QUOTE_RECEIVED, quote)
    return quote


async def reject_quote(session: AsyncSession, viewer: Viewer | None, quote_id: int, reason: str) -> Quote:
    quote, rfq = await _held_quote(session, viewer, quote_id)
    quote.status = QuoteStatus.REJECTED
    quote.rejection_reason = reason
    quote.updated_at = utcnow()
    await session.flush()
    await tell_supplier(session, rfq, quote, NotificationKind.QUOTE_REJECTED, note=reason)
    return quote
