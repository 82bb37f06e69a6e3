"""The matching engine: suppliers for an RFQ and RFQ leads for a supplier, ranked and explained factor by factor.

RFQ -> candidates from search/ -> SQL rows -> every factor assessed per listing -> hard constraints filter ->
model score x bounded tier boost -> best listing per supplier. The leads feed runs the same scoring the other
way: each published listing of the supplier searches the open RFQs."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.models import Listing, Organization, Rfq
from app.models.enums import ListingStatus
from matching.candidates import listing_candidates, normalised, rfq_candidates_of_each
from matching.model import MatchingModel, configured_model
from matching.scoring import Ranked, candidates, rank_pool
from matching.signals import Candidate
from matching.suppliers import supplier_views
from matching.types import FactorExplanation, LeadMatch, ListingMatch, SupplierMatch
from matching.views import RfqView, SupplierView, listing_text, listing_view, rfq_view
from search.backend import SearchBackend
from search.loader import load_listings, load_rfqs

__all__ = ["FactorExplanation", "LeadMatch", "ListingMatch", "SupplierMatch", "listing_pool", "rank_listings",
           "suppliers_for_rfq"]

MAX_FEED_LISTINGS = 30
MAX_FEED_RFQS = 500


def _today(today: date | None) -> date:
    return today or clock.today()


async def listing_pool(session: AsyncSession, backend: SearchBackend, rfq: Rfq,
                       today: date | None = None) -> tuple[RfqView, list[tuple[Candidate, SupplierView]]]:
    """The RFQ and its candidate listings that meet its hard constraints, in search order (the buyer's own
    listings excluded)."""
    wanted = rfq_view(rfq)
    relevance = normalised(await listing_candidates(backend, wanted.text, wanted.hs_code))
    rows = await load_listings(session, list(relevance))
    suppliers = await supplier_views(session, {organization.id: organization for _, organization in rows}.values())
    listings = [(listing_view(listing), suppliers[listing.organization_id], relevance[listing.id])
                for listing, _ in rows if listing.organization_id != rfq.organization_id]
    return wanted, candidates(wanted, listings, _today(today))


async def ranked_pool(session: AsyncSession, backend: SearchBackend, rfq: Rfq, *, today: date | None = None,
                      model: MatchingModel | None = None) -> Ranked:
    wanted, pool = await listing_pool(session, backend, rfq, today)
    return rank_pool(wanted, pool, model or configured_model())


async def rank_listings(session: AsyncSession, backend: SearchBackend, rfq: Rfq, *, limit: int | None = None,
                        today: date | None = None, model: MatchingModel | None = None) -> list[ListingMatch]:
    """The candidate listings that meet the RFQ's hard constraints, best first, explained."""
    ranked = await ranked_pool(session, backend, rfq, today=today, model=model)
    return [ranked.match(index) for index in ranked.order[:limit]]


def best_per_supplier(ranked: Ranked, limit: int) -> list[int]:
    seen: set[int] = set()
    best: list[int] = []
    for index in ranked.order:
        if len(best) == limit:
            break
        if ranked.organization_id(index) not in seen:
            seen.add(ranked.organization_id(index))
            best.append(index)
    return best


async def suppliers_for_rfq(session: AsyncSession, backend: SearchBackend, rfq: Rfq, *,
                            limit: int = 20) -> list[SupplierMatch]:
    ranked = await ranked_pool(session, backend, rfq)
    matches = [ranked.match(index) for index in best_per_supplier(ranked, limit)]
    return [SupplierMatch(match.organization_id, match.listing_id, match.score, match.factors)
            for match in matches]


async def _feed_listings(session: AsyncSession, organization_id: int) -> list[Listing]:
    rows = await session.scalars(
        select(Listing).where(Listing.organization_id == organization_id, Listing.status == ListingStatus.PUBLISHED)
        .order_by(Listing.published_at.desc(), Listing.id.desc()).limit(MAX_FEED_LISTINGS))
    return list(rows)


async def _lead_candidates(backend: SearchBackend, listings: Sequence[Listing]) -> dict[int, dict[int, float]]:
    """RFQ id -> listing id -> the listing's relevance to it (normalised per listing search)."""
    found: dict[int, dict[int, float]] = {}
    # One search per listing, asked at once: OpenSearch answers them side by side, the embedded engine in threads.
    answers = await rfq_candidates_of_each(backend, [listing_text(listing) for listing in listings])
    for listing, scores in zip(listings, answers, strict=True):
        for rfq_id, relevance in normalised(scores).items():
            found.setdefault(rfq_id, {})[listing.id] = relevance
    return found


async def rank_leads(session: AsyncSession, backend: SearchBackend, organization_id: int, *,
                     today: date | None = None) -> list[LeadMatch]:
    """Every open RFQ (not the organization's own) that one of its listings matches, best first."""
    listings = await _feed_listings(session, organization_id)
    candidates_of = await _lead_candidates(backend, listings)
    rfqs = await load_rfqs(session, list(candidates_of)[:MAX_FEED_RFQS])
    organization = await session.get(Organization, organization_id)
    if organization is None:
        return []
    supplier = (await supplier_views(session, [organization]))[organization_id]
    views = {listing.id: listing_view(listing) for listing in listings}
    chosen, day = configured_model(), _today(today)
    leads: list[LeadMatch] = []
    for rfq, _buyer in rfqs:
        if rfq.organization_id == organization_id:
            continue
        wanted = rfq_view(rfq)
        found = sorted(candidates_of[rfq.id].items(), key=lambda item: -item[1])
        pool = candidates(wanted, [(views[listing_id], supplier, relevance) for listing_id, relevance in found], day)
        ranked = rank_pool(wanted, pool, chosen)
        if ranked.order:
            best = ranked.match(ranked.order[0])
            leads.append(LeadMatch(rfq.id, best.listing_id, best.score, best.factors))
    return sorted(leads, key=lambda lead: (-lead.score, -lead.rfq_id))

