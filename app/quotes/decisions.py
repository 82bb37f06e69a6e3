"""The buyer's rating of the quotes received, once the RFQ is decided (awarding is app.quotes.rfq_endings)."""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, require_member
from app.core.errors import AppError, conflict
from app.models import QuoteRating
from app.models.enums import RfqStatus
from app.quotes import repository
from app.quotes.access import visible_quote
from app.quotes.schemas import RatingIn

DECIDED = (RfqStatus.AWARDED, RfqStatus.CLOSED, RfqStatus.EXPIRED)


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
