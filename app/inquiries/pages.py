"""Inquiry pages: the inbox (/inquiries), a thread with its reply form, and sending one from a listing page."""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import AppError
from app.http.deps import AppSettings, DbSession
from app.http.forms import CHOICES, ObjectId, filled, parse, refused
from app.http.page_deps import CheckedForm, PageUser, SignedInUser
from app.http.pagination import Pagination
from app.http.templating import render
from app.inquiries import service, views
from app.inquiries.schemas import InquiryCreate, InquiryRole, ReplyInput
from app.listings.pages import pages as listing_pages

router = APIRouter()


@router.get("/inquiries", response_class=HTMLResponse)
async def inbox(request: Request, session: DbSession, user: SignedInUser, pagination: Pagination,
                role: InquiryRole | None = None) -> HTMLResponse:
    page = await service.inbox(session, user.viewer, role, pagination.page, pagination.per_page)
    threads = await views.summaries(session, user.viewer, page.items)
    return render(request, "inquiries/inbox.html", {"page": page, "threads": threads, "role": role})


async def _thread_context(session: AsyncSession, user: PageUser, inquiry_id: int) -> dict[str, Any]:
    inquiry, messages = await service.read_thread(session, user.viewer, inquiry_id)
    return {"thread": await views.detail(session, user.viewer, inquiry, messages), "values": {}}


@router.get("/inquiries/{inquiry_id}", response_class=HTMLResponse)
async def thread(request: Request, inquiry_id: ObjectId, session: DbSession, user: SignedInUser) -> HTMLResponse:
    return render(request, "inquiries/thread.html", await _thread_context(session, user, inquiry_id))


@router.post("/inquiries/{inquiry_id}/messages")
async def reply(request: Request, inquiry_id: ObjectId, form: CheckedForm, session: DbSession,
                user: SignedInUser) -> Response:
    values = filled(form, ReplyInput.model_fields)
    try:
        await service.reply(session, user.viewer, inquiry_id, parse(ReplyInput, values))
    except AppError as error:
        refusal = await refused(session, error, values)
        context = {**await _thread_context(session, user, inquiry_id), **refusal}
        return render(request, "inquiries/thread.html", context, status_code=error.status)
    return RedirectResponse(f"/inquiries/{inquiry_id}", status_code=303)


@router.post("/listings/{listing_id}/inquiries")
async def send_from_listing(request: Request, listing_id: ObjectId, form: CheckedForm, session: DbSession,
                            settings: AppSettings, user: SignedInUser) -> Response:
    values = filled(form, InquiryCreate.model_fields)
    if "quantity" not in values:
        values.pop("unit", None)  # the form always sends the listing's unit beside the optional quantity
    try:
        inquiry = await service.send_inquiry(session, settings, user.viewer, listing_id,
                                             parse(InquiryCreate, values))
    except AppError as error:
        refusal = await refused(session, error, values)
        return await listing_pages.detail_response(request, session, user.viewer, listing_id,
                                                   {**refusal, "choices": CHOICES}, status_code=error.status)
    return RedirectResponse(service.link_to(inquiry), status_code=303)
