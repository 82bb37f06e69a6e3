"""What matching needs to know about suppliers, read from SQL for many at once: export markets, certifications,
verification, the tier boost (membership.ranking) and trust signals."""

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Organization
from matching.views import SupplierView, supplier_view
from membership.ranking import tier_boosts


async def supplier_views(session: AsyncSession, organization_ids: Collection[int]) -> dict[int, SupplierView]:
    ids = set(organization_ids)
    if not ids:
        return {}
    organizations = (await session.scalars(select(Organization).where(Organization.id.in_(ids)))).all()
    boosts = await tier_boosts(session, ids)
    return {organization.id: supplier_view(organization, boosts.get(organization.id, 0.0))
            for organization in organizations}
