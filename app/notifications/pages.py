"""The /notifications page: the signed-in user's notifications, newest first, with mark-read buttons."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from app.http.deps import DbSession
from app.http.forms import ObjectId
from app.http.page_deps import SignedInUser, csrf_checked_form
from app.http.pagination import Pagination
from app.http.templating import render
from app.notifications import service

router = APIRouter()
NOTIFICATIONS = "/notifications"


def _back() -> RedirectResponse:
    return RedirectResponse(NOTIFICATIONS, status_code=303)


@router.get(NOTIFICATIONS, response_class=HTMLResponse)
async def notifications_page(request: Request, session: DbSession, user: SignedInUser, pagination: Pagination,
                             unread: Annotated[bool, Query()] = False) -> HTMLResponse:
    page = await service.list_notifications(session, user.viewer, unread, pagination.page, pagination.per_page)
    return render(request, "notifications/list.html", {"page": page, "unread_only": unread})


@router.post(NOTIFICATIONS + "/read-all", dependencies=[Depends(csrf_checked_form)])
async def read_all(session: DbSession, user: SignedInUser) -> RedirectResponse:
    await service.mark_all_read(session, user.viewer)
    return _back()


@router.post(NOTIFICATIONS + "/{notification_id}/read", dependencies=[Depends(csrf_checked_form)])
async def read_one(notification_id: ObjectId, session: DbSession, user: SignedInUser) -> RedirectResponse:
    await service.mark_read(session, user.viewer, notification_id)
    return _back()
