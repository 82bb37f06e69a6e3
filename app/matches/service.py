"""Matches for a buyer's RFQ and the leads feed of a supplier: the matching engine's results hydrated from SQL.
The feed names no buyer and shows an excerpt of each request: opening a lead (app.rfqs.contact) is what counts
against the plan's daily leads and shows the buyer where the plan allows."""

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, can_manage, require_seller, require_viewer
from app.core import clock
from app.core.errors import forbidden
from app.core.repository import by_id
from app.core.text import excerpt
from app.matches import repository
from app.matches.schemas import (
    ExplanationOut,
    FactorOut,
    LeadOut,
    LeadsOut,
    MatchedListingOut,
    MatchesOut,
    ReasonOut,
    SupplierMatchOut,
    SupplierOut,
)
from app.models import Listing, Organization, Rfq
from app.quotes import repository as quotes_repository
from app.rfqs.schemas import lead_quality_out
from app.rfqs.service import get_rfq
from matching.engine import rank_leads, suppliers_for_rfq
from matching.explain import explain
from matching.types import FactorExplanation, LeadMatch
from membership.policy import UPGRADE_URL, daily_lead_allowance
from search.backend import SearchBackend
from trust.verification import verified_today

MAX_MATCHES = 20


def factors_out(factors: Sequence[FactorExplanation]) -> list[FactorOut]:
    return [FactorOut(factor=f.factor, contribution=f.contribution, text=f.text, met=f.met) for f in factors]


def explanation_out(factors: Sequence[FactorExplanation]) -> ExplanationOut:
    found = explain(factors)
    return ExplanationOut(reasons=[ReasonOut(factor=r.factor, text=r.text, share=round(r.share, 4))
                                   for r in found.reasons], against=found.against)


async def rfq_matches(session: AsyncSession, backend: SearchBackend, viewer: Viewer | None,
                      rfq_id: int, limit: int = MAX_MATCHES) -> MatchesOut:
    """For the buyer's members and admins only: the suppliers matched to the RFQ, best first."""
    rfq = await get_rfq(session, require_viewer(viewer), rfq_id)
    if not can_manage(viewer, rfq.organization_id):
        raise forbidden("Only the buyer's members may see the matches of an RFQ", code="not_a_member")
    matches = await suppliers_for_rfq(session, backend, rfq, limit=limit + 1)
    more, matches = len(matches) > limit, matches[:limit]
    organizations = await by_id(session, Organization, {m.organization_id for m in matches})
    listings = await by_id(session, Listing, {m.best_listing_id for m in matches})
    items = []
    for match in matches:
        organization, listing = organizations[match.organization_id], listings[match.best_listing_id]
        items.append(SupplierMatchOut(
            supplier=SupplierOut(id=organization.id, slug=organization.slug, name=organization.name,
                                 country=organization.country, verified=verified_today(organization.verified_until)),
            listing=MatchedListingOut(id=listing.id, title=listing.title), score=match.score,
            factors=factors_out(match.factors), explanation=explanation_out(match.factors)))
    return MatchesOut(rfq_id=rfq.id, items=items, more=more)


async def _buyer_countries(session: AsyncSession, rfqs: dict[int, Rfq]) -> dict[int, str]:
    """Each RFQ's buyer's country: all a list says of the buyer (who it is waits until the lead is opened)."""
    organizations = await by_id(session, Organization, {rfq.organization_id for rfq in rfqs.values()})
    return {rfq_id: organizations[rfq.organization_id].country for rfq_id, rfq in rfqs.items()}


async def leads_feed(session: AsyncSession, backend: SearchBackend, viewer: Viewer | None, page: int,
                     per_page: int, min_quality: int | None = None) -> LeadsOut:
    """Open RFQs ranked against the supplier's published listings. Listing them costs nothing: a lead counts
    against the plan's daily allowance when the supplier opens its details (the RFQ page or GET /api/v1/rfqs/{id},
    app.rfqs.contact), once a day however often it is opened."""
    organization_id = require_seller(viewer).organization_id
    leads = await rank_leads(session, backend, organization_id)
    if min_quality is not None:  # an RFQ not scored yet does not pass a quality filter
        scores = await repository.quality_scores(session, [lead.rfq_id for lead in leads])
        leads = [lead for lead in leads if (score := scores.get(lead.rfq_id)) is not None and score >= min_quality]
    shown = leads[(page - 1) * per_page: page * per_page]
    today = clock.today()
    opened = await repository.rfqs_viewed_on(session, organization_id, today)
    quoted = await quotes_repository.rfqs_quoted_by(session, organization_id, [lead.rfq_id for lead in shown])
    rfqs = await by_id(session, Rfq, {lead.rfq_id for lead in shown})
    listings = await by_id(session, Listing, {lead.best_listing_id for lead in shown})
    countries = await _buyer_countries(session, rfqs)
    allowance = await daily_lead_allowance(session, organization_id, today)
    used_up = not allowance.allowed
    return LeadsOut(items=[_lead_out(lead, rfqs[lead.rfq_id], listings[lead.best_listing_id], countries[lead.rfq_id],
                                      lead.rfq_id in opened, lead.rfq_id in quoted) for lead in shown],
                    page=page, per_page=per_page, total=len(leads), daily_limit=allowance.limit,
                    remaining_today=allowance.remaining, limit_reached=used_up,
                    upgrade_url=UPGRADE_URL if used_up else None)


def _lead_out(lead: LeadMatch, rfq: Rfq, listing: Listing, country: str, opened: bool, quoted: bool) -> LeadOut:
    return LeadOut(rfq_id=rfq.id, title=rfq.title, excerpt=excerpt(rfq.description),
                   quantity=format(rfq.quantity.normalize(), "f"), unit=rfq.unit.value,
                   destination_country=rfq.destination_country, buyer_country=country, opened_today=opened,
                   listing=MatchedListingOut(id=listing.id, title=listing.title), score=lead.score,
                   factors=factors_out(lead.factors), explanation=explanation_out(lead.factors),
                   quality=lead_quality_out(rfq), quoted=quoted)
