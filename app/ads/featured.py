"""Featured suppliers (booth promotion): a supplier buys 30 days in an HS chapter it sells in (an invoice, paid like
the plan's); once paid it shows, labelled "Featured supplier", among the featured suppliers of that chapter's pages
and of the home page, rotated fairly with the others paying for the same place (promotion.featured)."""

import random
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.ads.schemas import FeaturedIn, FeaturedOut
from app.auth.viewer import Viewer, require_owner, require_seller
from app.billing.schemas import InvoiceOut
from app.billing.service import invoice_out
from app.core import clock
from app.core.config import Settings
from app.core.errors import FieldError, validation_failed
from app.core.i18n import N_
from app.core.repository import by_id
from app.models import FeaturedPlacement, Invoice, Listing, Organization
from app.models.enums import ListingStatus, PaymentProviderName
from membership import featured as placements
from promotion.featured import live_suppliers, rotated

NOT_SOLD_HERE = N_("You have no published product in this chapter: a featured supplier is shown to its buyers.")


async def chapters_of(session: AsyncSession, organization_id: int) -> list[str]:
    """The HS chapters the organisation has published listings in."""
    rows = await session.scalars(select(func.substr(Listing.hs_code, 1, 2)).distinct().where(
        Listing.organization_id == organization_id, Listing.status == ListingStatus.PUBLISHED,
        Listing.hs_code.is_not(None)))
    return sorted(chapter for chapter in rows if chapter)


async def buy(session: AsyncSession, settings: Settings, viewer: Viewer | None, data: FeaturedIn) -> InvoiceOut:
    viewer = require_seller(require_owner(viewer))
    if data.chapter not in await chapters_of(session, viewer.organization_id):
        raise validation_failed([FieldError("chapter", NOT_SOLD_HERE, "no_products_in_chapter")])
    provider = data.provider or PaymentProviderName(settings.billing_default_provider)
    invoice, _ = await placements.buy(session, settings, viewer.organization_id, data.chapter, provider)
    return await invoice_out(session, settings, invoice)


async def mine(session: AsyncSession, viewer: Viewer | None) -> list[FeaturedOut]:
    viewer = require_seller(viewer)
    today = clock.today()
    rows = await session.execute(
        select(FeaturedPlacement, Invoice).join(Invoice, Invoice.id == FeaturedPlacement.invoice_id)
        .where(FeaturedPlacement.organization_id == viewer.organization_id)
        .order_by(FeaturedPlacement.id.desc()))
    return [FeaturedOut(chapter=placement.chapter, invoice_id=invoice.id, invoice_status=invoice.status,
                        starts_on=placement.starts_on, ends_on=placement.ends_on,
                        live=placements.live(placement, today))
            for placement, invoice in rows]


@dataclass(frozen=True)
class FeaturedSupplier:
    organization: Organization
    products: int


async def featured_for(session: AsyncSession, settings: Settings, chapter: str | None,
                       chance: random.Random | None = None) -> list[FeaturedSupplier]:
    """The featured suppliers a view of the chapter's pages (or of the home page: None) shows, in rotation."""
    chosen = rotated(await live_suppliers(session, chapter, clock.today()), settings.ads_featured_slots,
                     chance or random.Random())
    if not chosen:
        return []
    found = await by_id(session, Organization, chosen)
    products = dict((await session.execute(
        select(Listing.organization_id, func.count()).where(Listing.organization_id.in_(chosen),
                                                            Listing.status == ListingStatus.PUBLISHED)
        .group_by(Listing.organization_id))).all())
    return [FeaturedSupplier(found[organization_id], int(products.get(organization_id, 0)))
            for organization_id in chosen if organization_id in found]
