"""Who sees what of an RFQ's buyer and text: the one place every RFQ surface asks.

- The buyer's identity (company name, organisation and author ids) and contact details follow the membership
  policy's `view_buyer_contact`: shown to suppliers whose plan includes them, once they open the RFQ. The buyer's
  own members and admins see the identity (their own RFQ, or moderation); anonymous visitors, other buyers and
  suppliers without the feature see only the buyer's country.
- Opening an open RFQ's details (its page or GET /api/v1/rfqs/{id}) as a supplier opens a lead: the first time on
  a day it counts against the plan's daily leads (`view_lead`). The whole description is shown to suppliers who
  opened the lead; lists, search and everyone else get an excerpt. When the day's leads are used up, the supplier
  sees what an anonymous visitor sees, and why. The RFQ search index carries only the excerpt
  (search.documents.rfq_document).
"""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, can_manage
from app.core import clock
from app.core.repository import get_one, get_or_none
from app.core.text import excerpt
from app.models import Organization, Rfq, User
from app.models.enums import RfqStatus
from app.rfqs import repository
from app.rfqs.schemas import BuyerContactOut, RfqOut, lead_quality_out
from membership.policy import UPGRADE_URL, Decision, contact_details_visible, daily_lead_allowance
from membership.usage import record_lead_view


async def _plan_shows_buyers(session: AsyncSession, viewer: Viewer | None) -> bool:
    return (viewer is not None and viewer.organization_role.sells
            and await contact_details_visible(session, viewer.organization_id))


@dataclass(frozen=True)
class Disclosure:
    """What one viewer sees of one RFQ."""

    identity: bool  # the buyer's company and ids
    contact: bool  # the buyer's contact panel (suppliers whose plan includes it)
    full_text: bool  # the whole description, not an excerpt
    lead_refusal: Decision | None = None  # a supplier whose daily leads are used up: the policy's decision

    @property
    def refusal_message(self) -> str | None:
        return self.lead_refusal.message if self.lead_refusal else None


async def _open_lead(session: AsyncSession, viewer: Viewer, rfq: Rfq) -> Decision | None:
    """Opens the lead for the supplier (counted once a day); the refusal when the day's leads are used up."""
    today = clock.today()
    if await repository.lead_opened_on(session, viewer.organization_id, rfq.id, today):
        return None
    await repository.lock_organization(session, viewer.organization_id)
    allowance = await daily_lead_allowance(session, viewer.organization_id, today)
    if not allowance.allowed:
        return allowance
    await record_lead_view(session, viewer.organization_id, rfq.id, today)
    return None


async def disclose(session: AsyncSession, viewer: Viewer | None, rfq: Rfq) -> Disclosure:
    """What this viewer sees of the RFQ's details; a supplier opening an open RFQ opens (and counts) a lead."""
    if viewer is not None and can_manage(viewer, rfq.organization_id):
        contact = not viewer.belongs_to(rfq.organization_id) and await _plan_shows_buyers(session, viewer)
        return Disclosure(identity=True, contact=contact, full_text=True)
    if viewer is None or not viewer.organization_role.sells:
        return Disclosure(identity=False, contact=False, full_text=False)
    refusal = await _open_lead(session, viewer, rfq) if rfq.status is RfqStatus.OPEN else None
    if refusal is not None:
        return Disclosure(identity=False, contact=False, full_text=False, lead_refusal=refusal)
    shown = await _plan_shows_buyers(session, viewer)
    return Disclosure(identity=shown, contact=shown, full_text=True)


async def buyer_contact(session: AsyncSession, rfq: Rfq) -> BuyerContactOut:
    organization = await get_one(session, Organization, rfq.organization_id)
    user = await get_or_none(session, User, rfq.user_id) if rfq.user_id is not None else None
    return BuyerContactOut(name=user.name if user else None, email=user.email if user else None,
                           organization_name=organization.name, website=organization.website,
                           city=organization.city, country=organization.country)


def shows_quality(viewer: Viewer | None, rfq: Rfq) -> bool:
    """Suppliers judging the lead, and admins, see its quality; not the buyer (it is about them), nor visitors."""
    return viewer is not None and (viewer.is_admin or (viewer.organization_role.sells
                                                       and not viewer.belongs_to(rfq.organization_id)))


def as_disclosed(rfq: Rfq, disclosure: Disclosure, contact: BuyerContactOut | None = None,
                 quality: bool = False) -> RfqOut:
    """The RFQ's API output without what the viewer may not see."""
    out = RfqOut.model_validate(rfq)
    hidden: dict[str, object] = {"buyer_contact": contact, "full_text": disclosure.full_text,
                                 "quality": lead_quality_out(rfq) if quality else None}
    if not disclosure.identity:
        hidden |= {"organization_id": None, "user_id": None}
    if not disclosure.full_text:
        hidden["description"] = excerpt(rfq.description)
    return out.model_copy(update=hidden)


async def detail_out(session: AsyncSession, viewer: Viewer | None, rfq: Rfq) -> RfqOut:
    disclosure = await disclose(session, viewer, rfq)
    return as_disclosed(rfq, disclosure, await buyer_contact(session, rfq) if disclosure.contact else None,
                        shows_quality(viewer, rfq))


def list_rule(viewer: Viewer | None) -> Callable[[Rfq], RfqOut]:
    """How a list (API list, search) shows each RFQ to this viewer: opening none of them, so the buyer's identity
    only to its own members and admins, and an excerpt of the text to everyone else."""
    def shown(rfq: Rfq) -> RfqOut:
        managed = can_manage(viewer, rfq.organization_id)
        return as_disclosed(rfq, Disclosure(identity=managed, contact=False, full_text=managed),
                            quality=shows_quality(viewer, rfq))

    return shown


async def may_filter_by_buyer(session: AsyncSession, viewer: Viewer | None, organization_id: int) -> bool:
    """Whether a list may be filtered by this buyer: naming the buyer's RFQs tells who posted them."""
    return can_manage(viewer, organization_id) or await _plan_shows_buyers(session, viewer)


async def page_context(session: AsyncSession, viewer: Viewer | None, rfq: Rfq) -> dict[str, object]:
    """What the RFQ page shows of the buyer and the text (templates/rfqs/detail.html)."""
    disclosure = await disclose(session, viewer, rfq)
    return {"disclosure": disclosure, "upgrade_url": UPGRADE_URL,
            "quality": lead_quality_out(rfq) if shows_quality(viewer, rfq) else None,
            "description_shown": rfq.description if disclosure.full_text else excerpt(rfq.description),
            "contact": await buyer_contact(session, rfq) if disclosure.contact else None}
