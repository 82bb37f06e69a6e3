"""JSON API of the admin moderation queue and its decisions."""

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.core.schemas import PageOut, page_out
from app.http.deps import AdminViewer, DbSession
from app.http.forms import ObjectId
from app.http.pagination import Pagination
from app.moderation import service
from app.moderation.schemas import (
    REASON_LABELS,
    ApproveInput,
    DecisionOut,
    QueueItemOut,
    ReasonOut,
    RejectDecisionInput,
)
from app.moderation.views import queue_out

router = APIRouter(prefix="/api/v1/admin/moderation", tags=["moderation"])
EntityType = Annotated[str, Path(max_length=32)]
EntityFilter = Annotated[str | None, Query(max_length=32)]


@router.get("", response_model=PageOut[QueueItemOut])
async def moderation_queue(session: DbSession, viewer: AdminViewer, pagination: Pagination,
                           entity_type: EntityFilter = None) -> PageOut[QueueItemOut]:
    page = await service.queue(session, viewer, entity_type, pagination.page, pagination.per_page)
    return page_out(page, await queue_out(session, page.items))


@router.get("/reasons", response_model=list[ReasonOut])
async def reasons(_viewer: AdminViewer) -> list[ReasonOut]:
    return [ReasonOut(code=code, label=label) for code, label in REASON_LABELS.items()]


@router.get("/decisions", response_model=PageOut[DecisionOut])
async def decisions(session: DbSession, viewer: AdminViewer, pagination: Pagination,
                    entity_type: EntityFilter = None,
                    entity_id: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None) -> PageOut[DecisionOut]:
    page = await service.decisions(session, viewer, entity_type, entity_id, pagination.page, pagination.per_page)
    return page_out(page, [DecisionOut.model_validate(decision) for decision in page.items])


@router.post("/{entity_type}/{entity_id}/approve", response_model=DecisionOut)
async def approve(entity_type: EntityType, entity_id: ObjectId, session: DbSession, viewer: AdminViewer,
                  data: ApproveInput | None = None) -> DecisionOut:
    decision = await service.approve(session, viewer, entity_type, entity_id, data or ApproveInput())
    return DecisionOut.model_validate(decision)


@router.post("/{entity_type}/{entity_id}/reject", response_model=DecisionOut)
async def reject(entity_type: EntityType, entity_id: ObjectId, data: RejectDecisionInput, session: DbSession,
                 viewer: AdminViewer) -> DecisionOut:
    return DecisionOut.model_validate(await service.reject(session, viewer, entity_type, entity_id, data))
