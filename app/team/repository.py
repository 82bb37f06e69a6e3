"""Queries of an organisation's members and invitations."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Invitation, User
from app.models.enums import MemberRole


async def members(session: AsyncSession, organization_id: int) -> list[User]:
    rows = await session.scalars(select(User).where(User.organization_id == organization_id)
                                 .order_by(User.member_role, User.name, User.id))
    return list(rows)


async def owners_count(session: AsyncSession, organization_id: int) -> int:
    return int(await session.scalar(select(func.count()).select_from(User).where(
        User.organization_id == organization_id, User.member_role == MemberRole.OWNER)) or 0)


async def invitations(session: AsyncSession, organization_id: int, since: datetime) -> list[Invitation]:
    """The organisation's invitations not accepted, newest first; withdrawn and expired ones only from `since`."""
    rows = await session.scalars(
        select(Invitation).where(Invitation.organization_id == organization_id, Invitation.accepted_at.is_(None),
                                 Invitation.created_at >= since)
        .order_by(Invitation.id.desc()))
    return list(rows)


async def open_invitation_to(session: AsyncSession, organization_id: int, email: str,
                             now: datetime) -> Invitation | None:
    return await session.scalar(select(Invitation).where(
        Invitation.organization_id == organization_id, Invitation.email == email, Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None), Invitation.expires_at > now).limit(1))


async def invitation_for_update(session: AsyncSession, invitation_id: int) -> Invitation | None:
    return await session.scalar(select(Invitation).where(Invitation.id == invitation_id).with_for_update()
                                .execution_options(populate_existing=True))


async def names_of(session: AsyncSession, user_ids: set[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    rows = await session.execute(select(User.id, User.name).where(User.id.in_(user_ids)))
    return {row.id: row.name for row in rows}
