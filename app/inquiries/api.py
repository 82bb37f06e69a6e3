"""JSON API of inquiries: send one about a listing, the inbox, a thread, replies."""

from fastapi import APIRouter, status

from app.core.schemas import PageOut, page_out
from app.http.deps import AppSettings, DbSession, RequiredViewer
from app.http.forms import ObjectId
from app.http.pagination import Pagination
from app.inquiries import service, views
from app.inquiries.schemas import (
    InquiryCreate,
    InquiryDetailOut,
    InquiryOut,
    InquiryRole,
    MessageOut,
    ReplyInput,
    UnreadInquiriesOut,
)

router = APIRouter(prefix="/api/v1", tags=["inquiries"])


@router.post("/listings/{listing_id}/inquiries", status_code=status.HTTP_201_CREATED,
             response_model=InquiryDetailOut)
async def send_inquiry(listing_id: ObjectId, data: InquiryCreate, session: DbSession, settings: AppSettings,
                       viewer: RequiredViewer) -> InquiryDetailOut:
    inquiry = await service.send_inquiry(session, settings, viewer, listing_id, data)
    return await views.detail(session, viewer, *await service.read_thread(session, viewer, inquiry.id))


@router.get("/inquiries", response_model=PageOut[InquiryOut])
async def inbox(session: DbSession, viewer: RequiredViewer, pagination: Pagination,
                role: InquiryRole | None = None) -> PageOut[InquiryOut]:
    page = await service.inbox(session, viewer, role, pagination.page, pagination.per_page)
    return page_out(page, await views.summaries(session, viewer, page.items))


@router.get("/inquiries/unread-count", response_model=UnreadInquiriesOut)
async def unread_count(session: DbSession, viewer: RequiredViewer) -> UnreadInquiriesOut:
    messages, threads = await service.unread_totals(session, viewer)
    return UnreadInquiriesOut(unread_messages=messages, threads_with_unread=threads)


@router.get("/inquiries/{inquiry_id}", response_model=InquiryDetailOut)
async def read_thread(inquiry_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> InquiryDetailOut:
    return await views.detail(session, viewer, *await service.read_thread(session, viewer, inquiry_id))


@router.post("/inquiries/{inquiry_id}/messages", status_code=status.HTTP_201_CREATED, response_model=MessageOut)
async def reply(inquiry_id: ObjectId, data: ReplyInput, session: DbSession, viewer: RequiredViewer) -> MessageOut:
    return MessageOut.model_validate(await service.reply(session, viewer, inquiry_id, data))
