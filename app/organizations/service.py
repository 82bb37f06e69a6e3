"""A supplier's storefront: who it is, what backs it (verification, paid plan, ratings, responsiveness) and
what it sells. Verification and the paid plan's badge are told apart: one is checked, the other is bought."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer
from app.categories.repository import counts_by_prefix_and_uncoded
from app.core import clock
from app.core.errors import not_found
from app.core.repository import Page
from app.hs.service import code_descriptions
from app.listings.repository import ListingFilters
from app.listings.service import list_listings
from app.models import Listing, Organization
from app.models.enums import ListingStatus
from app.organizations import repository
from app.showcase.service import showcase_listings
from app.verifications.schemas import VerificationFacts
from app.verifications.service import badges
from matching.trust import TrustSignals, supplier_trust
from membership.tiers import current_tiers

STORE_PAGE_SIZE = 12


@dataclass(frozen=True)
class StoreCategory:
    chapter: str
    description: str
    listings: int


@dataclass(frozen=True)
class Storefront:
    supplier: Organization
    plan_badge: str | None  # the paid plan's badge ("Gold Supplier"): bought, not checked
    trust: TrustSignals
    published_listings: int
    categories: list[StoreCategory]
    years_in_business: int | None
    member_since: date
    verifications: list[VerificationFacts]  # live ones: checked by the platform, until they expire
    showcase: list[Listing]  # what the supplier picked to lead its store (promotion.showcase)


async def storefront(session: AsyncSession, slug: str) -> Storefront:
    supplier = await repository.supplier_by_slug(session, slug)
    if supplier is None:
        raise not_found("Supplier")
    tier = (await current_tiers(session, [supplier.id]))[supplier.id]
    published = ListingFilters(organization=slug, status=ListingStatus.PUBLISHED)
    by_chapter, uncoded = await counts_by_prefix_and_uncoded(session, published, 2)
    chapters = dict(sorted(by_chapter.items()))
    descriptions = await code_descriptions(session, set(chapters))
    established = supplier.year_established
    return Storefront(
        supplier=supplier, plan_badge=tier.badge if tier else None,
        trust=(await supplier_trust(session, [supplier.id]))[supplier.id],
        published_listings=sum(chapters.values()) + uncoded,  # a listing without an HS code is listed too
        categories=[StoreCategory(code, descriptions.get(code, ""), count) for code, count in chapters.items()],
        years_in_business=None if established is None else max(0, clock.today().year - established),
        member_since=supplier.created_at.date(),
        verifications=(await badges(session, [supplier.id])).get(supplier.id, []),
        showcase=await showcase_listings(session, supplier.id),
    )


async def store_listings(session: AsyncSession, viewer: Viewer | None, slug: str, q: str | None,
                         chapter: str | None, page: int, per_page: int = STORE_PAGE_SIZE) -> Page[Listing]:
    """The supplier's published listings, optionally those whose title has `q` or under one HS chapter."""
    filters = ListingFilters(organization=slug, status=ListingStatus.PUBLISHED, hs_code=chapter, q=q or None)
    return await list_listings(session, viewer, filters, page, per_page)


async def featured_suppliers(session: AsyncSession, limit: int = 6) -> list[tuple[Organization, int]]:
    """For the home page: (supplier, its published listings), verified suppliers first."""
    return await repository.featured_suppliers(session, limit)
