"""What matching needs to know about suppliers, read from SQL for many at once: export markets, certifications,
verification, the tier boost (membership.ranking) and response signals (matching.trust)."""

from collections.abc import Collection

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Organization
from matching.trust import response_signals
from matching.views import SupplierView, supplier_view
from membership.ranking import tier_boosts


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


async def supplier_views(session: AsyncSession, organizations: Collection[Organization]) -> dict[int, SupplierView]:
    if not organizations:
        return {}
    ids = {organization.id for organization in organizations}
    boosts = await tier_boosts(session, ids)
    responses = await response_signals(session, ids)
    views = {}
    for organization in organizations:
        rate, hours = responses[organization.id]
        views[organization.id] = supplier_view(organization, boosts.get(organization.id, 0.0), _float(rate),
                                               _float(hours))
    return views
