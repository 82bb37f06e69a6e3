"""Queries of suppliers' public pages: the supplier by its address, and counts of its published listings."""

from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import today
from app.models import Listing, Organization
from app.models.enums import ListingStatus, OrganizationRole
from trust.verification import verified_clause

SELLING_ROLES = (OrganizationRole.SUPPLIER, OrganizationRole.BOTH)


async def supplier_by_slug(session: AsyncSession, slug: str) -> Organization | None:
    """The organisation at /suppliers/{slug}, when it sells (a buyer-only organisation has no store) and is not
    suspended (a suspended one's store is gone until it is reactivated)."""
    return await session.scalar(select(Organization).where(Organization.slug == slug,
                                                           Organization.role.in_(SELLING_ROLES),
                                                           Organization.suspended_at.is_(None)))


async def published_listing_counts(session: AsyncSession, organization_ids: Collection[int]) -> dict[int, int]:
    """How many published listings each organisation has, in one query; none is 0."""
    if not organization_ids:
        return {}
    rows = await session.execute(
        select(Listing.organization_id, func.count()).where(Listing.organization_id.in_(set(organization_ids)),
                                                             Listing.status == ListingStatus.PUBLISHED)
        .group_by(Listing.organization_id))
    counts = dict.fromkeys(organization_ids, 0)
    counts.update((organization_id, int(count)) for organization_id, count in rows)
    return counts


async def featured_suppliers(session: AsyncSession, limit: int) -> list[tuple[Organization, int]]:
    """Suppliers to show first: verified ones, then those with the most published listings (none without one)."""
    count = func.count(Listing.id)
    rows = await session.execute(
        select(Organization, count).join(Listing, Listing.organization_id == Organization.id)
        .where(Listing.status == ListingStatus.PUBLISHED, Organization.role.in_(SELLING_ROLES),
               Organization.suspended_at.is_(None))
        .group_by(Organization.id)
        .order_by(verified_clause(Organization.verified_until, today()).desc(), count.desc(), Organization.name)
        .limit(limit))
    return [(organization, int(listings)) for organization, listings in rows]


async def organization_by_slug(session: AsyncSession, slug: str) -> Organization | None:
    """Any organisation, buyer or supplier."""
    return await session.scalar(select(Organization).where(Organization.slug == slug))
