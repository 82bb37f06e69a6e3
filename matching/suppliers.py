"""What matching needs to know about suppliers, read from SQL for many at once: export markets, certifications,
verification, the tier boost (membership.ranking) and response signals (matching.trust)."""

from collections.abc import Collection

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Organization
from matching.trust import supplier_trust
from matching.views import SupplierView, supplier_view
from membership.ranking import tier_boosts


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


async def supplier_views(session: AsyncSession, organizations: Collection[Organization]) -> dict[int, SupplierView]:
    if not organizations:
        return {}
    ids = {organization.id for organization in organizations}
    boosts = await tier_boosts(session, ids)
    trust = await supplier_trust(session, ids)
    views = {}
    for organization in organizations:
        signals = trust.get(organization.id)
        views[organization.id] = supplier_view(
            organization, boosts.get(organization.id, 0.0),
            _float(signals.response_rate) if signals else None,
            _float(signals.median_response_hours) if signals else None)
    return views
