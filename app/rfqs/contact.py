"""Buyer contact details on an RFQ: shown to suppliers whose plan includes them (membership policy) and to nobody
else: the buyer's own members are not shown their own details (the RFQ reads the same as when they created it);
anonymous visitors and buyers never see them."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer
from app.core.repository import get_one, get_or_none
from app.models import Organization, Rfq, User
from app.rfqs.schemas import BuyerContactOut
from membership.policy import contact_details_visible


async def may_see_contact(session: AsyncSession, viewer: Viewer | None, rfq: Rfq) -> bool:
    if viewer is None or viewer.belongs_to(rfq.organization_id):
        return False
    return viewer.organization_role.sells and await contact_details_visible(session, viewer.organization_id)


async def buyer_contact(session: AsyncSession, viewer: Viewer | None, rfq: Rfq) -> BuyerContactOut | None:
    if not await may_see_contact(session, viewer, rfq):
        return None
    organization = await get_one(session, Organization, rfq.organization_id)
    user = await get_or_none(session, User, rfq.user_id) if rfq.user_id is not None else None
    return BuyerContactOut(name=user.name if user else None, email=user.email if user else None,
                           organization_name=organization.name, website=organization.website,
                           city=organization.city, country=organization.country)
