"""Suspension and reactivation through the admin API, and what the stored rows say afterwards."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import AccountAction, Organization, User
from tests.conftest import Actor

ORGANIZATIONS = "/api/v1/admin/organizations"


async def decide(admin: Actor, decision: str, *, slug: str | None = None, user_id: int | None = None,
                 reason: str = "Fraud reports from three buyers") -> dict[str, Any]:
    """Suspends or reactivates (`decision`) an organisation by slug or a user by id, which must succeed."""
    path = f"{ORGANIZATIONS}/{slug}/{decision}" if slug else f"/api/v1/admin/users/{user_id}/{decision}"
    response = await admin.client.post(path, json={"reason": reason})
    assert response.status_code == 200, response.text
    return dict(response.json())


async def log_rows(db: AsyncSession, organization_id: int) -> list[tuple[int | None, str, str, int | None]]:
    """The organisation's account log as (user_id, action, reason, admin_user_id), oldest first."""
    try:
        rows = await db.execute(select(AccountAction.user_id, AccountAction.action, AccountAction.reason,
                                       AccountAction.admin_user_id)
                                .where(AccountAction.organization_id == organization_id).order_by(AccountAction.id))
        return [tuple(row) for row in rows]  # type: ignore[misc]
    finally:
        await db.rollback()  # a fresh snapshot for the next look


async def suspended(db: AsyncSession, organization_id: int | None = None, user_id: int | None = None) -> bool:
    """Whether the organisation (or the user) is suspended now."""
    try:
        if organization_id is not None:
            return await db.scalar(select(Organization.suspended_at).where(Organization.id == organization_id)) \
                is not None
        return await db.scalar(select(User.suspended_at).where(User.id == user_id)) is not None
    finally:
        await db.rollback()
