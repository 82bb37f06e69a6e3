"""Imports act as a member of the target organization: its owner, so the services apply their usual rules."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts import repository
from app.accounts.service import viewer_of
from app.auth.viewer import Viewer
from app.core.errors import conflict, forbidden, not_found


async def supplier_owner(session: AsyncSession, organization_slug: str) -> Viewer:
    organization = await repository.organization_by_slug(session, organization_slug)
    if organization is None:
        raise not_found(f"Organization '{organization_slug}'")
    if not organization.role.sells:
        raise forbidden(f"Organization '{organization_slug}' is registered as a buyer only; "
                        "listings belong to suppliers", code="not_a_supplier")
    owner = await repository.owner_of(session, organization.id)
    if owner is None:
        raise conflict(f"Organization '{organization_slug}' has no owner to act as", code="no_owner")
    return viewer_of(owner, organization)
