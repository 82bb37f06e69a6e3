"""Moderation: the queue across every moderated kind, and admin decisions that call each kind's own service
(which holds the rules and notifies the owner) and are recorded with who decided and when."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, require_admin
from app.core.repository import Page, paginate
from app.models import ModerationDecision
from app.models.enums import ModerationDecisionKind
from app.moderation import repository
from app.moderation.adapters import adapter_for, adapters
from app.moderation.registry import QueueItem
from app.moderation.schemas import ApproveInput, RejectDecisionInput


async def queue(session: AsyncSession, viewer: Viewer | None, entity_type: str | None, page: int,
                per_page: int) -> Page[QueueItem]:
    """Everything pending review, oldest submission first, across the kinds asked for."""
    require_admin(viewer)
    kinds = adapters(entity_type)
    total = sum([await adapter.count_pending(session) for adapter in kinds])
    wanted = page * per_page
    items = [item for adapter in kinds for item in await adapter.pending(session, wanted)]
    items.sort(key=lambda item: (item.submitted_at, item.entity_type, item.entity_id))
    return Page(items=items[wanted - per_page:wanted], total=total, page=page, per_page=per_page)


def _record(session: AsyncSession, viewer: Viewer, entity_type: str, entity_id: int,
            decision: ModerationDecisionKind, data: ApproveInput) -> ModerationDecision:
    record = ModerationDecision(entity_type=entity_type, entity_id=entity_id, decision=decision,
                                reason_code=getattr(data, "reason_code", None), note=data.note,
                                admin_user_id=viewer.user_id)
    session.add(record)
    return record


async def approve(session: AsyncSession, viewer: Viewer | None, entity_type: str, entity_id: int,
                  data: ApproveInput) -> ModerationDecision:
    viewer = require_admin(viewer)
    await adapter_for(entity_type).approve(session, viewer, entity_id)
    record = _record(session, viewer, entity_type, entity_id, ModerationDecisionKind.APPROVED, data)
    await session.flush()
    return record


async def reject(session: AsyncSession, viewer: Viewer | None, entity_type: str, entity_id: int,
                 data: RejectDecisionInput) -> ModerationDecision:
    viewer = require_admin(viewer)
    await adapter_for(entity_type).reject(session, viewer, entity_id, data.reason_text())
    record = _record(session, viewer, entity_type, entity_id, ModerationDecisionKind.REJECTED, data)
    await session.flush()
    return record


async def decisions(session: AsyncSession, viewer: Viewer | None, entity_type: str | None, entity_id: int | None,
                    page: int, per_page: int) -> Page[ModerationDecision]:
    require_admin(viewer)
    return await paginate(session, repository.decisions_query(entity_type, entity_id), page, per_page)


async def admin_names(session: AsyncSession, viewer: Viewer | None,
                      decisions: list[ModerationDecision]) -> dict[int, str]:
    """Who decided, by user id, for the decision log."""
    require_admin(viewer)
    return await repository.user_names(session, {d.admin_user_id for d in decisions if d.admin_user_id})
