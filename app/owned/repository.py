"""The listing query shared by organization-owned objects (listings, RFQs): filters plus who may see what."""

from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Organization


def owned_query(
    model: Any, organization_slug: str | None, conditions: list[ColumnElement[bool]], public_status: Any,
    visible_organization_ids: set[int] | None,
) -> Select[Any]:
    """Newest first: objects owned by organizations (listings, RFQs) that a viewer may list.

    `visible_organization_ids` None means every status is visible (admins); otherwise objects in
    `public_status` of organizations not suspended, plus any status of the organizations listed (the viewer's own).
    """
    statement = select(model).order_by(model.updated_at.desc(), model.id.desc()).where(*conditions)
    if organization_slug is not None:
        statement = statement.join(Organization, Organization.id == model.organization_id).where(
            Organization.slug == organization_slug
        )
    if visible_organization_ids is not None:
        visible = (model.status == public_status) & model.organization_id.not_in(_suspended_organizations())
        if visible_organization_ids:
            visible = visible | model.organization_id.in_(visible_organization_ids)
        statement = statement.where(visible)
    return statement


def _suspended_organizations() -> Select[Any]:
    return select(Organization.id).where(Organization.suspended_at.is_not(None))


async def organization_suspended(session: AsyncSession, organization_id: int) -> bool:
    organization = await session.get(Organization, organization_id)
    return organization is not None and organization.suspended_at is not None
