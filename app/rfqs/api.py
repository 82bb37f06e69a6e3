"""JSON API of RFQs."""

from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile, status

from app.core.schemas import PageOut, page_out
from app.core.validators import CountryCode, HsCodeText
from app.http.deps import AdminViewer, DbSession, Files, OptionalViewer, RequiredViewer
from app.http.downloads import download
from app.http.ids import ObjectId
from app.http.pagination import Pagination
from app.models import RfqAttachment
from app.models.enums import RfqStatus
from app.owned.schemas import RejectInput
from app.rfqs import attachments, service
from app.rfqs.repository import RfqFilters
from app.rfqs.schemas import RfqAttachmentOut, RfqCreate, RfqOut, RfqUpdate

router = APIRouter(prefix="/api/v1/rfqs", tags=["rfqs"])


@router.get("", response_model=PageOut[RfqOut])
async def list_rfqs(
    session: DbSession,
    viewer: OptionalViewer,
    pagination: Pagination,
    organization: Annotated[str | None, Query(max_length=120)] = None,
    status: RfqStatus | None = None,
    hs_code: Annotated[HsCodeText | None, Query()] = None,
    destination_country: Annotated[CountryCode | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> PageOut[RfqOut]:
    filters = RfqFilters(organization, status, hs_code, destination_country, q)
    page, items = await service.list_rfqs_out(session, viewer, filters, pagination.page, pagination.per_page)
    return page_out(page, items)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=RfqOut)
async def create_rfq(data: RfqCreate, session: DbSession, viewer: RequiredViewer) -> RfqOut:
    return RfqOut.model_validate(await service.create_rfq(session, viewer, data))


@router.get("/{rfq_id}", response_model=RfqOut)
async def get_rfq(rfq_id: ObjectId, session: DbSession, viewer: OptionalViewer) -> RfqOut:
    return await service.rfq_out(session, viewer, rfq_id)


@router.patch("/{rfq_id}", response_model=RfqOut)
async def update_rfq(rfq_id: ObjectId, data: RfqUpdate, session: DbSession, viewer: RequiredViewer) -> RfqOut:
    return RfqOut.model_validate(await service.update_rfq(session, viewer, rfq_id, data))


@router.post("/{rfq_id}/submit", response_model=RfqOut)
async def submit_rfq(rfq_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> RfqOut:
    return RfqOut.model_validate(await service.submit_rfq(session, viewer, rfq_id))


@router.post("/{rfq_id}/approve", response_model=RfqOut)
async def approve_rfq(rfq_id: ObjectId, session: DbSession, viewer: AdminViewer) -> RfqOut:
    return RfqOut.model_validate(await service.approve_rfq(session, viewer, rfq_id))


@router.post("/{rfq_id}/reject", response_model=RfqOut)
async def reject_rfq(rfq_id: ObjectId, data: RejectInput, session: DbSession, viewer: AdminViewer) -> RfqOut:
    return RfqOut.model_validate(await service.reject_rfq(session, viewer, rfq_id, data.reason))


def _attachment_out(attachment: RfqAttachment) -> RfqAttachmentOut:
    return RfqAttachmentOut(id=attachment.id, file_name=attachment.file_name, content_type=attachment.content_type,
                            size=attachment.size, created_at=attachment.created_at,
                            url=attachments.file_url(attachment))


@router.get("/{rfq_id}/attachments", response_model=list[RfqAttachmentOut])
async def list_attachments(rfq_id: ObjectId, session: DbSession, viewer: OptionalViewer) -> list[RfqAttachmentOut]:
    """The drawings and specifications, for whoever may read the whole RFQ (empty for anyone else; a supplier
    asking opens the lead, as GET /api/v1/rfqs/{id} does)."""
    return [_attachment_out(found) for found in await attachments.visible_attachments(session, viewer, rfq_id)]


@router.post("/{rfq_id}/attachments", status_code=status.HTTP_201_CREATED, response_model=RfqAttachmentOut)
async def add_attachment(rfq_id: ObjectId, session: DbSession, viewer: RequiredViewer, store: Files,
                         file: Annotated[UploadFile | None, File()] = None) -> RfqAttachmentOut:
    """A PDF, JPEG, PNG or WebP file (multipart field `file`), checked by its content; at most 5 per RFQ, while
    the RFQ is a draft or was rejected."""
    data = await file.read() if file is not None else None
    name = (file.filename if file else None) or ""
    return _attachment_out(await attachments.add_attachment(session, store, viewer, rfq_id, name, data))


@router.delete("/{rfq_id}/attachments/{attachment_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_attachment(rfq_id: ObjectId, attachment_id: ObjectId, session: DbSession, viewer: RequiredViewer,
                            store: Files) -> None:
    await attachments.remove_attachment(session, store, viewer, rfq_id, attachment_id)


files_router = APIRouter(prefix="/files/rfqs", tags=["rfqs"])


@files_router.get("/{rfq_id}/attachments/{attachment_id}", response_class=Response,
                  responses={200: {"description": "The attached file"}})
async def attachment_file(rfq_id: ObjectId, attachment_id: ObjectId, session: DbSession, viewer: OptionalViewer,
                          store: Files) -> Response:
    """Downloaded, never shown inline."""
    found = await attachments.attachment_file(session, store, viewer, rfq_id, attachment_id)
    return download(found.data, found.content_type, found.file_name)
