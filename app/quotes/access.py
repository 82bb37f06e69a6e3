"""Who may see and act on a quote or on the quotes of an RFQ."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, can_manage, require_viewer
from app.core.clock import today
from app.core.errors import AppError, conflict, forbidden, not_found
from app.core.repository import get_one, get_or_404
from app.models import Quote, Rfq
from app.models.enums import HIDDEN_FROM_BUYER_QUOTE_STATUSES, UNDECIDED_QUOTE_STATUSES, RfqStatus
from app.rfqs.service import get_rfq, managed_rfq


async def visible_quote(session: AsyncSession, viewer: Viewer | None, quote_id: int) -> tuple[Quote, Rfq]:
    """A quote with its RFQ, for the supplier's members, the buyer's members (unless moderation holds or rejected
    it) and admins; 404 for anyone else."""
    viewer = require_viewer(viewer)
    quote = await get_or_404(session, Quote, quote_id, "Quote")
    rfq = await get_one(session, Rfq, quote.rfq_id)
    buyer_sees = quote.status not in HIDDEN_FROM_BUYER_QUOTE_STATUSES and can_manage(viewer, rfq.organization_id)
    if not (can_manage(viewer, quote.organization_id) or buyer_sees):
        raise not_found("Quote")
    return quote, rfq


async def own_quote(session: AsyncSession, viewer: Viewer | None, quote_id: int) -> tuple[Quote, Rfq]:
    """A quote its supplier's members change (revise, withdraw)."""
    quote, rfq = await visible_quote(session, viewer, quote_id)
    if not require_viewer(viewer).belongs_to(quote.organization_id):
        raise forbidden("Only members of the supplier that sent this quote may change it", code="not_a_member")
    if quote.status not in UNDECIDED_QUOTE_STATUSES:
        raise conflict(f"A quote that is {quote.status.value} cannot be changed", code="quote_not_active")
    return quote, rfq


def refusal_of(rfq: Rfq, active_quotes: int | None = None) -> AppError | None:
    """Why this RFQ takes no (more) quotes, or None when it does. All refusals are 409 with a stable code:
    rfq_expired (its valid-until date passed, or the expiry job ran), rfq_not_open (draft, in review, closed,
    awarded, rejected), rfq_full (it holds max_quotes active quotes)."""
    if rfq.status is RfqStatus.EXPIRED or (rfq.status is RfqStatus.OPEN and rfq.valid_until < today()):
        return conflict(f"This RFQ expired on {rfq.valid_until.isoformat()} and takes no more quotes",
                        code="rfq_expired")
    if rfq.status is not RfqStatus.OPEN:
        return conflict(f"This RFQ is {rfq.status.value.replace('_', ' ')} and takes no quotes", code="rfq_not_open")
    if active_quotes is not None and active_quotes >= rfq.max_quotes:
        return conflict(f"This RFQ already has the {rfq.max_quotes} quotes it accepts", code="rfq_full")
    return None


async def rfq_for_quotes_list(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> tuple[Rfq, bool]:
    """The RFQ, and whether the viewer sees all its quotes (buyer members, admins) or only its own (suppliers)."""
    viewer = require_viewer(viewer)
    rfq = await get_rfq(session, viewer, rfq_id)
    if can_manage(viewer, rfq.organization_id):
        return rfq, True
    if not viewer.organization_role.sells:
        raise forbidden("Only the buyer and suppliers that quoted see quotes of this RFQ", code="not_a_supplier")
    return rfq, False


async def buyer_rfq(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> Rfq:
    """An RFQ whose quotes the viewer decides on: members of the buyer and admins."""
    return await managed_rfq(session, viewer, rfq_id, "Only members of the buyer may do this")
