"""Matches for a buyer's RFQ and the leads feed of a supplier: the matching engine's results hydrated from SQL,
with what each viewer may see (tier-limited leads a day, buyer contact details only where the plan allows)."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, can_manage, require_seller, require_viewer
from app.core import clock
from app.core.errors import forbidden
from app.core.repository import by_id
from app.matches import repository
from app.matches.schemas import (
    BuyerOut,
    FactorOut,
    LeadOut,
    LeadsOut,
    MatchedListingOut,
    MatchesOut,
    SupplierMatchOut,
    SupplierOut,
)
from app.models import Listing, Organization, Rfq, User
from app.rfqs.service import get_rfq
from matching.engine import rank_leads, suppliers_for_rfq
from matching.types import FactorExplanation, LeadMatch
from membership.policy import UPGRADE_URL, contact_details_visible, daily_lead_allowance
from membership.usage import record_lead_view
from search.backend import SearchBackend

MAX_MATCHES = 20


def factors_out(factors: Sequence[FactorExplanation]) -> list[FactorOut]:
    return [FactorOut(factor=f.factor, contribution=f.contribution, text=f.text) for f in factors]


async def rfq_matches(session: AsyncSession, backend: SearchBackend, viewer: Viewer | None,
                      rfq_id: int, limit: int = MAX_MATCHES) -> MatchesOut:
    """For the buyer's members and admins only: the suppliers matched to the RFQ, best first."""
    rfq = await get_rfq(session, require_viewer(viewer), rfq_id)
    if not can_manage(viewer, rfq.organization_id):
        raise forbidden("Only the buyer's members may see the matches of an RFQ", code="not_a_member")
    matches = await suppliers_for_rfq(session, backend, rfq, limit=limit)
    organizations = await by_id(session, Organization, {m.organization_id for m in matches})
    listings = await by_id(session, Listing, {m.best_listing_id for m in matches})
    items = []
    for match in matches:
        organization, listing = organizations[match.organization_id], listings[match.best_listing_id]
        items.append(SupplierMatchOut(
            supplier=SupplierOut(id=organization.id, slug=organization.slug, name=organization.name,
                                 country=organization.country, verified=organization.verified_at is not None),
            listing=MatchedListingOut(id=listing.id, title=listing.title), score=match.score,
            factors=factors_out(match.factors)))
    return MatchesOut(rfq_id=rfq.id, items=items)


@dataclass(frozen=True)
class Allowance:
    limit: int | None
    remaining: int | None
    seen_today: set[int]


async def _allowance(session: AsyncSession, organization_id: int) -> Allowance:
    decision = await daily_lead_allowance(session, organization_id)
    seen = await repository.rfqs_viewed_on(session, organization_id, clock.today())
    return Allowance(decision.limit, decision.remaining, seen)


async def _buyers(session: AsyncSession, rfqs: dict[int, Rfq],
                  show: bool) -> tuple[dict[int, BuyerOut | None], dict[int, str]]:
    """Each RFQ's buyer (contact details only when `show`) and the buyer's country."""
    organizations = await by_id(session, Organization, {rfq.organization_id for rfq in rfqs.values()})
    users = await by_id(session, User, {rfq.user_id for rfq in rfqs.values() if rfq.user_id}) if show else {}
    buyers: dict[int, BuyerOut | None] = {}
    for rfq_id, rfq in rfqs.items():
        user = users.get(rfq.user_id or 0)
        contact = BuyerOut(organization_name=organizations[rfq.organization_id].name,
                           name=user.name if user else None, email=user.email if user else None)
        buyers[rfq_id] = contact if show else None
    return buyers, {rfq_id: organizations[rfq.organization_id].country for rfq_id, rfq in rfqs.items()}


def _shown(page: Sequence[LeadMatch], allowance: Allowance) -> tuple[list[LeadMatch], bool]:
    """The leads of the page the plan still shows today: those already opened today, then new ones while the
    daily allowance lasts."""
    shown, remaining = [], allowance.remaining
    for lead in page:
        if lead.rfq_id in allowance.seen_today:
            shown.append(lead)
        elif remaining is None or remaining > 0:
            shown.append(lead)
            remaining = None if remaining is None else remaining - 1
        else:
            return shown, True
    return shown, False


async def leads_feed(session: AsyncSession, backend: SearchBackend, viewer: Viewer | None, page: int,
                     per_page: int) -> LeadsOut:
    """Open RFQs ranked against the supplier's published listings; each lead shown counts against the plan's
    daily allowance once a day."""
    organization_id = require_seller(viewer).organization_id
    leads = await rank_leads(session, backend, organization_id)
    allowance = await _allowance(session, organization_id)
    shown, limited = _shown(leads[(page - 1) * per_page: page * per_page], allowance)
    today = clock.today()
    for lead in shown:
        await record_lead_view(session, organization_id, lead.rfq_id, today)
    rfqs = await by_id(session, Rfq, {lead.rfq_id for lead in shown})
    listings = await by_id(session, Listing, {lead.best_listing_id for lead in shown})
    buyers, countries = await _buyers(session, rfqs, await contact_details_visible(session, organization_id))
    after = await daily_lead_allowance(session, organization_id, today)
    return LeadsOut(items=[_lead_out(lead, rfqs[lead.rfq_id], listings[lead.best_listing_id], buyers[lead.rfq_id],
                                      countries[lead.rfq_id]) for lead in shown],
                    page=page, per_page=per_page, total=len(leads), daily_limit=after.limit,
                    remaining_today=after.remaining, limit_reached=limited,
                    upgrade_url=UPGRADE_URL if limited else None)


def _lead_out(lead: LeadMatch, rfq: Rfq, listing: Listing, buyer: BuyerOut | None, country: str) -> LeadOut:
    return LeadOut(rfq_id=rfq.id, title=rfq.title, quantity=format(rfq.quantity.normalize(), "f"),
                   unit=rfq.unit.value, destination_country=rfq.destination_country, buyer_country=country,
                   buyer=buyer, listing=MatchedListingOut(id=listing.id, title=listing.title), score=lead.score,
                   factors=factors_out(lead.factors))
