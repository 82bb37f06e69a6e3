"""JSON API of the signed-in user's own notifications."""

from fastapi import APIRouter

from app.core.schemas import PageOut, page_out
from app.http.deps import DbSession, RequiredViewer
from app.http.forms import ObjectId
from app.http.pagination import Pagination
from app.notifications import service
from app.notifications.schemas import MarkedReadOut, NotificationOut, UnreadCountOut

router = APIRouter(prefix="/api/v1/notifications", tags=["notifications"])


@router.get("", response_model=PageOut[NotificationOut])
async def list_notifications(session: DbSession, viewer: RequiredViewer, pagination: Pagination,
                             unread: bool = False) -> PageOut[NotificationOut]:
    page = await service.list_notifications(session, viewer, unread, pagination.page, pagination.per_page)
    return page_out(page, [NotificationOut.model_validate(item) for item in page.items])


@router.get("/unread-count", response_model=UnreadCountOut)
async def unread_count(session: DbSession, viewer: RequiredViewer) -> UnreadCountOut:
    return UnreadCountOut(unread=await service.unread_count(session, viewer))


@router.post("/read-all", response_model=MarkedReadOut)
async def read_all(session: DbSession, viewer: RequiredViewer) -> MarkedReadOut:
    return MarkedReadOut(marked_read=await service.mark_all_read(session, viewer))


@router.post("/{notification_id}/read", response_model=NotificationOut)
async def read_one(notification_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> NotificationOut:
    return NotificationOut.model_validate(await service.mark_read(session, viewer, notification_id))
