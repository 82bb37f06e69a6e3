"""JSON API of verifications: an organisation's requests and evidence, the admins' queue and decisions, and the
evidence files."""

from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile, status

from app.core.schemas import PageOut, page_out
from app.http.deps import DbSession, Files, OptionalViewer, RequiredViewer
from app.http.downloads import download
from app.http.forms import ObjectId
from app.http.pagination import Pagination
from app.models.enums import VerificationStatus
from app.verifications import evidence, service
from app.verifications.schemas import (
    AdminVerificationOut,
    DecisionIn,
    EvidenceFileOut,
    EvidenceRequestIn,
    FileVisibilityIn,
    RejectionIn,
    VerificationIn,
    VerificationOut,
)

router = APIRouter(prefix="/api/v1", tags=["verifications"])


@router.get("/verifications", response_model=list[VerificationOut])
async def my_verifications(session: DbSession, viewer: RequiredViewer) -> list[VerificationOut]:
    """The caller's organisation's verifications, the newest first, with their evidence and history."""
    return await service.verifications_of_viewer(session, viewer)


@router.post("/verifications", status_code=status.HTTP_201_CREATED, response_model=VerificationOut)
async def request_verification(data: VerificationIn, session: DbSession, viewer: RequiredViewer) -> VerificationOut:
    """Asks for a verification; add evidence files next (`POST /api/v1/verifications/{id}/files`)."""
    created = await service.request_verification(session, viewer, data)
    return await service.verification(session, viewer, created.id)


@router.get("/verifications/{verification_id}", response_model=VerificationOut)
async def get_verification(verification_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> VerificationOut:
    return await service.verification(session, viewer, verification_id)


@router.post("/verifications/{verification_id}/files", status_code=status.HTTP_201_CREATED,
             response_model=EvidenceFileOut)
async def add_file(verification_id: ObjectId, session: DbSession, viewer: RequiredViewer, store: Files,
                   file: Annotated[UploadFile | None, File()] = None) -> EvidenceFileOut:
    """Adds evidence (PDF, JPEG, PNG or WebP, told by content) while the request waits for review."""
    data = await file.read() if file is not None else None
    added = await evidence.add_file(session, store, viewer, verification_id, (file and file.filename) or "", data)
    return service.file_out(added)


@router.patch("/verifications/{verification_id}/files/{file_id}", response_model=EvidenceFileOut)
async def set_file_visibility(verification_id: ObjectId, file_id: ObjectId, data: FileVisibilityIn,
                              session: DbSession, viewer: RequiredViewer) -> EvidenceFileOut:
    """A public file is shown to anyone beside the badge; a private one only to the organisation and admins."""
    return service.file_out(await evidence.set_public(session, viewer, verification_id, file_id, data.public))


@router.post("/verifications/{verification_id}/resubmit", response_model=VerificationOut)
async def resubmit(verification_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> VerificationOut:
    """Sends a request an admin asked more evidence for back to the queue."""
    await service.resubmit(session, viewer, verification_id)
    return await service.verification(session, viewer, verification_id)


@router.get("/admin/verifications", response_model=PageOut[AdminVerificationOut])
async def queue(session: DbSession, viewer: RequiredViewer, pagination: Pagination,
                in_status: Annotated[VerificationStatus | None, Query(alias="status")] = VerificationStatus.PENDING,
                ) -> PageOut[AdminVerificationOut]:
    """Requests to review (admins), the longest waiting first; `status` picks another list."""
    page = await service.queue(session, viewer, in_status, pagination.page, pagination.per_page)
    return page_out(page, page.items)


@router.post("/admin/verifications/{verification_id}/approve", response_model=VerificationOut)
async def approve(verification_id: ObjectId, data: DecisionIn, session: DbSession,
                  viewer: RequiredViewer) -> VerificationOut:
    await service.approve(session, viewer, verification_id, data)
    return await service.verification(session, viewer, verification_id)


@router.post("/admin/verifications/{verification_id}/reject", response_model=VerificationOut)
async def reject(verification_id: ObjectId, data: RejectionIn, session: DbSession,
                 viewer: RequiredViewer) -> VerificationOut:
    await service.reject(session, viewer, verification_id, data)
    return await service.verification(session, viewer, verification_id)


@router.post("/admin/verifications/{verification_id}/request-evidence", response_model=VerificationOut)
async def request_evidence(verification_id: ObjectId, data: EvidenceRequestIn, session: DbSession,
                           viewer: RequiredViewer) -> VerificationOut:
    await service.request_evidence(session, viewer, verification_id, data)
    return await service.verification(session, viewer, verification_id)


files_router = APIRouter(prefix="/files/verifications", tags=["verifications"])


@files_router.get("/{verification_id}/{file_id}", response_class=Response,
                  responses={200: {"description": "The evidence file"}})
async def evidence_file(verification_id: ObjectId, file_id: ObjectId, session: DbSession, viewer: OptionalViewer,
                        store: Files) -> Response:
    """Downloaded, never shown inline; 404 to whoever may not see it."""
    found = await evidence.read_file(session, store, viewer, verification_id, file_id)
    return download(found.data, found.content_type, found.file_name)
