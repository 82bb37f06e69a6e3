"""The listing query shared by organization-owned objects (listings, RFQs): filters plus who may see what."""

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Organization

T = TypeVar("T")


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
        visible = (model.status == public_status) & owner_not_suspended(model)
        if visible_organization_ids:
            visible = visible | model.organization_id.in_(visible_organization_ids)
        statement = statement.where(visible)
    return statement


def owner_not_suspended(model: Any) -> ColumnElement[bool]:
    """The suspension rule for owned rows, in its one shape: a suspended organization's rows are shown to nobody
    but itself and admins."""
    active: ColumnElement[bool] = model.organization_id.not_in(
        select(Organization.id).where(Organization.suspended_at.is_not(None)))
    return active


async def owned_row(session: AsyncSession, model: type[T], ident: int) -> tuple[T, bool] | None:
    """The row with this id and whether its organization is active (not suspended), in one query."""
    table: Any = model
    found = (await session.execute(select(table, owner_not_suspended(table)).where(table.id == ident))).first()
    return None if found is None else (found[0], bool(found[1]))
