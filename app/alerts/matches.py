"""Who is told of a match: the best-matched suppliers of an RFQ that opened, and the buyers whose open RFQs a new
listing answers strongly (it enters the RFQ's top suppliers). Both use the matching engine's own ranking, so an
alert says what the RFQ page shows."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.alerts.types import Alert, event_key, factor_data, factor_lines
from app.core.clock import utcnow
from app.core.repository import get_or_none
from app.models import Listing, Rfq
from app.models.enums import ListingStatus, NotificationKind, RfqStatus
from app.notifications.service import Message
from matching.candidates import rfq_candidates
from matching.engine import SupplierMatch, suppliers_for_rfq
from matching.views import listing_text
from search.backend import SearchBackend
from search.loader import load_rfqs

RFQ_CANDIDATES = 20


async def rfq_opened_alerts(session: AsyncSession, backend: SearchBackend, rfq_id: int, top: int) -> list[Alert]:
    rfq = await get_or_none(session, Rfq, rfq_id)
    if rfq is None or rfq.status != RfqStatus.OPEN or top == 0:
        return []
    key = event_key(NotificationKind.RFQ_MATCH, "rfq", rfq.id)
    alerts = []
    for match in await suppliers_for_rfq(session, backend, rfq, limit=top):
        message = Message(NotificationKind.RFQ_MATCH, f"New RFQ matching your products: {rfq.title}",
                          f"Why it matches your listing #{match.best_listing_id}:\n{factor_lines(match.factors)}",
                          f"/rfqs/{rfq.id}")
        alerts.append(Alert(match.organization_id, key, message, {
            "rfq_id": rfq.id, "rfq_title": rfq.title, "listing_id": match.best_listing_id,
            "score": round(match.score, 4), "factors": factor_data(match.factors)}))
    return alerts


async def _strong_matches(session: AsyncSession, backend: SearchBackend, listing: Listing, top: int,
                          min_score: float | None) -> list[tuple[Rfq, SupplierMatch]]:
    """RFQs of other organisations, open at publication, whose top suppliers now include this listing (scores are in the
    model's units and not comparable across RFQs, so rank decides; `min_score` can cut further)."""
    candidates = await rfq_candidates(backend, listing_text(listing), RFQ_CANDIDATES)
    # The RFQs open when the listing was published: a later one alerts its suppliers when it opens instead.
    published = listing.published_at or utcnow()
    rfqs = [rfq for rfq, _ in await load_rfqs(session, sorted(candidates))
            if rfq.organization_id != listing.organization_id and rfq.opened_at and rfq.opened_at <= published]
    strong = []
    for rfq in rfqs:
        shortlist = await suppliers_for_rfq(session, backend, rfq, limit=top)
        match = next((m for m in shortlist if m.best_listing_id == listing.id), None)
        if match is not None and (min_score is None or match.score >= min_score):
            strong.append((rfq, match))
    return strong


async def listing_published_alerts(session: AsyncSession, backend: SearchBackend, listing_id: int, top: int,
                                   min_score: float | None) -> list[Alert]:
    """One alert per buyer, about its best-answered RFQ."""
    listing = await get_or_none(session, Listing, listing_id)
    if listing is None or listing.status != ListingStatus.PUBLISHED or top == 0:
        return []
    best: dict[int, tuple[Rfq, SupplierMatch]] = {}
    for rfq, match in await _strong_matches(session, backend, listing, top, min_score):
        if rfq.organization_id not in best or match.score > best[rfq.organization_id][1].score:
            best[rfq.organization_id] = (rfq, match)
    key = event_key(NotificationKind.LISTING_MATCH, "listing", listing.id)
    alerts = []
    for buyer_id, (rfq, match) in sorted(best.items()):
        message = Message(NotificationKind.LISTING_MATCH, f"A new listing matches your RFQ: {rfq.title}",
                          f"{listing.title}\n{factor_lines(match.factors)}", f"/listings/{listing.id}")
        alerts.append(Alert(buyer_id, key, message, {
            "listing_id": listing.id, "listing_title": listing.title, "rfq_id": rfq.id,
            "score": round(match.score, 4), "factors": factor_data(match.factors)}))
    return alerts
