"""An RFQ's attachments: drawings and specifications (PDF, JPEG, PNG or WebP, told by content) that the buyer adds
while the RFQ can be edited, at most MAX_ATTACHMENTS. Whoever may read the RFQ's whole text sees them (the buyer,
admins, suppliers who opened the lead: app.rfqs.contact); anyone else sees how many there are."""

import asyncio
import secrets
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer
from app.core.documents import document_type
from app.core.errors import FieldError, conflict, forbidden, not_found, validation_failed
from app.core.storage import FileStore, after_transaction
from app.models import Rfq, RfqAttachment
from app.rfqs import repository
from app.rfqs.contact import disclose
from app.rfqs.service import EDITABLE, get_rfq, managed_rfq

MAX_ATTACHMENTS = 5
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


@dataclass(frozen=True)
class AttachmentFile:
    data: bytes
    content_type: str
    file_name: str


def _safe_name(name: str, content_type: str) -> str:
    """The name shown and offered on download: the uploaded name without folders, with the right extension."""
    stem = PurePath(name.replace("\\", "/")).stem.strip()[:150] or "attachment"
    return f"{stem}.{EXTENSIONS[content_type]}"


async def _editable(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> Rfq:
    rfq = await managed_rfq(session, viewer, rfq_id)
    if rfq.status not in EDITABLE:
        raise forbidden(f"The attachments of an RFQ that is {rfq.status.value} cannot change", code="not_editable")
    return rfq


async def add_attachment(session: AsyncSession, store: FileStore, viewer: Viewer | None, rfq_id: int,
                         file_name: str, data: bytes | None) -> RfqAttachment:
    rfq = await _editable(session, viewer, rfq_id)
    if not data:
        raise validation_failed([FieldError("file", "Choose a PDF or image file to attach", "missing")])
    content_type = await asyncio.to_thread(document_type, data)
    await repository.locked_rfq(session, rfq.id)
    if len(await repository.attachments_of(session, rfq.id)) >= MAX_ATTACHMENTS:
        raise conflict(f"An RFQ has at most {MAX_ATTACHMENTS} attachments: remove one first",
                       code="too_many_attachments")
    attachment = RfqAttachment(rfq_id=rfq.id, file_key=f"rfqs/{rfq.id}/{secrets.token_hex(8)}."
                               f"{EXTENSIONS[content_type]}", file_name=_safe_name(file_name, content_type),
                               content_type=content_type, size=len(data))
    store.put(attachment.file_key, data)
    after_transaction(session, rolled_back=lambda: store.delete(attachment.file_key))
    session.add(attachment)
    await session.flush()
    return attachment


async def remove_attachment(session: AsyncSession, store: FileStore, viewer: Viewer | None, rfq_id: int,
                            attachment_id: int) -> None:
    rfq = await _editable(session, viewer, rfq_id)
    attachment = await repository.attachment_of_rfq(session, rfq.id, attachment_id)
    if attachment is None:
        raise not_found("Attachment")
    key = attachment.file_key
    await session.delete(attachment)
    await session.flush()
    after_transaction(session, committed=lambda: store.delete(key))


def file_url(attachment: RfqAttachment) -> str:
    return f"/files/rfqs/{attachment.rfq_id}/attachments/{attachment.id}"


async def visible_attachments(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> list[RfqAttachment]:
    """The attachments, for a viewer who may read the whole RFQ (it opens a supplier's lead, as the RFQ does)."""
    rfq = await get_rfq(session, viewer, rfq_id)
    return await repository.attachments_of(session, rfq.id) if (await disclose(session, viewer, rfq)).full_text else []


async def page_context(session: AsyncSession, viewer: Viewer | None, rfq: Rfq, full_text: bool) -> dict[str, object]:
    """What the RFQ page shows: the attachments to who may read the whole RFQ, how many to anyone else, and the
    upload form to the buyer while the RFQ can be edited."""
    found = await repository.attachments_of(session, rfq.id)
    manages = viewer is not None and viewer.belongs_to(rfq.organization_id) and rfq.status in EDITABLE
    return {"attachments": found if full_text else [], "attachment_count": len(found),
            "manages_attachments": manages, "max_attachments": MAX_ATTACHMENTS, "attachment_url": file_url}


async def attachment_file(session: AsyncSession, store: FileStore, viewer: Viewer | None, rfq_id: int,
                          attachment_id: int) -> AttachmentFile:
    """The file, for a viewer who may read the whole RFQ (a supplier's download opens the lead, as its page
    does); anyone else finds nothing (404)."""
    rfq = await get_rfq(session, viewer, rfq_id)
    attachment = await repository.attachment_of_rfq(session, rfq.id, attachment_id)
    if attachment is None or not (await disclose(session, viewer, rfq)).full_text:
        raise not_found("Attachment")
    data = store.read(attachment.file_key)
    if data is None:
        raise not_found("Attachment")
    return AttachmentFile(data, attachment.content_type, attachment.file_name)
