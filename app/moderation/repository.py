"""Queries of moderation: the pending objects of a moderated kind, and the recorded decisions."""

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ModerationDecision, User


async def pending_rows(session: AsyncSession, model: Any, pending_status: Any, limit: int) -> list[Any]:
    """Up to `limit` rows of `model` in `pending_status`, oldest submission (updated_at) first."""
    statement = (select(model).where(model.status == pending_status)
                 .order_by(model.updated_at, model.id).limit(limit))
    return list(await session.scalars(statement))


async def pending_count(session: AsyncSession, model: Any, pending_status: Any) -> int:
    statement = select(func.count()).select_from(model).where(model.status == pending_status)
    return await session.scalar(statement) or 0


def decisions_query(entity_type: str | None, entity_id: int | None) -> Select[ModerationDecision]:
    """The decisions (of one kind, of one object), latest first."""
    statement = select(ModerationDecision).order_by(ModerationDecision.decided_at.desc(), ModerationDecision.id.desc())
    if entity_type:
        statement = statement.where(ModerationDecision.entity_type == entity_type)
    if entity_id is not None:
        statement = statement.where(ModerationDecision.entity_id == entity_id)
    return statement


async def user_names(session: AsyncSession, user_ids: set[int]) -> dict[int, str]:
    """The names of these users (the admins of a page of decisions), by id."""
    if not user_ids:
        return {}
    rows = await session.execute(select(User.id, User.name).where(User.id.in_(user_ids)))
    return dict(rows.all())
