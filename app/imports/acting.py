"""Imports act as a member of the target organization: its owner, so the services apply their usual rules."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts import repository
from app.accounts.service import viewer_of
from app.auth.viewer import Viewer
from app.core.errors import conflict, forbidden, not_found
from app.core.repository import get_or_404
from app.models import Organization


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


async def member_or_owner(session: AsyncSession, organization_id: int, user_id: int | None) -> Viewer:
    """Who an uploaded import acts as: the member who uploaded it, or the owner if that member has left since."""
    organization = await get_or_404(session, Organization, organization_id, "Organization")
    user = await repository.user_by_id(session, user_id) if user_id is not None else None
    if user is None or user.organization_id != organization_id:
        user = await repository.owner_of(session, organization_id)
    if user is None:
        raise conflict(f"Organization '{organization.slug}' has no member to act as", code="no_owner")
    return viewer_of(user, organization)
