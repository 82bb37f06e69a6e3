"""The admin moderation page: the queue with approve and reject forms (CSRF-checked), and recent decisions."""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, require_admin
from app.core.errors import AppError, not_found
from app.http.deps import AppSettings, DbSession
from app.http.forms import ObjectId, filled, parse, refused
from app.http.page_deps import CheckedForm, SignedInUser
from app.http.pagination import PageParams, Pagination
from app.http.templating import render
from app.moderation import service
from app.moderation.schemas import REASON_LABELS, ApproveInput, RejectDecisionInput
from app.moderation.views import queue_out

router = APIRouter()
MODERATION = "/admin/moderation"
RECENT = PageParams(page=1, per_page=20)


async def _context(session: AsyncSession, viewer: Viewer, pagination: PageParams,
                   low_quality: int) -> dict[str, Any]:
    page = await service.queue(session, viewer, None, pagination.page, pagination.per_page)
    recent = await service.decisions(session, viewer, None, None, RECENT.page, RECENT.per_page)
    return {"page": page, "items": await queue_out(session, page.items), "recent": recent.items,
            "admins": await service.admin_names(session, viewer, recent.items), "reasons": REASON_LABELS,
            "values": {}, "low_quality": low_quality}


@router.get(MODERATION, response_class=HTMLResponse)
async def moderation_page(request: Request, session: DbSession, user: SignedInUser, settings: AppSettings,
                          pagination: Pagination) -> HTMLResponse:
    require_admin(user.viewer)
    return render(request, "moderation/queue.html",
                  await _context(session, user.viewer, pagination, settings.low_lead_quality))


async def _apply(session: AsyncSession, viewer: Viewer, entity_type: str, entity_id: int, decision: str,
                 values: dict[str, str]) -> None:
    if decision == "approve":
        note = {"note": values["note"]} if "note" in values else {}
        await service.approve(session, viewer, entity_type, entity_id, parse(ApproveInput, note))
    elif decision == "reject":
        await service.reject(session, viewer, entity_type, entity_id, parse(RejectDecisionInput, values))
    else:
        raise not_found("Page")


@router.post(MODERATION + "/{entity_type}/{entity_id}/{decision}")
async def decide(request: Request, entity_type: str, entity_id: ObjectId, decision: str, form: CheckedForm,
                 session: DbSession, user: SignedInUser, settings: AppSettings) -> Response:
    viewer = require_admin(user.viewer)
    values = filled(form, ("reason_code", "note"))
    try:
        await _apply(session, viewer, entity_type, entity_id, decision, values)
    except AppError as error:
        refusal = await refused(session, error, values)
        context = {**await _context(session, viewer, RECENT, settings.low_lead_quality), **refusal,
                   "failed": (entity_type, entity_id)}
        return render(request, "moderation/queue.html", context, status_code=error.status)
    return RedirectResponse(MODERATION, status_code=303)
