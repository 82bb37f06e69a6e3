"""Pages of verifications: /verifications (an organisation's requests, a new request with its first evidence file,
each request's evidence and history) and /admin/verifications (the admins' queue and decisions). Every change goes
through app.verifications.service and .evidence, as the API's does."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData, UploadFile

from app.auth.viewer import require_admin
from app.core.errors import AppError
from app.http.deps import DbSession, Files
from app.http.forms import ObjectId, filled, parse, refused
from app.http.locale import lazy_gettext
from app.http.page_deps import CheckedForm, PageUser, SignedInUser
from app.http.pagination import Pagination
from app.http.refusals import lazy_refusal
from app.http.templating import render
from app.models import Organization
from app.models.enums import VerificationKind, VerificationStatus
from app.verifications import evidence, service
from app.verifications.schemas import (
    ISSUER_LABELS,
    REJECTION_LABELS,
    DecisionIn,
    EvidenceRequestIn,
    RejectionIn,
    VerificationIn,
)
from trust.verification import KIND_LABELS

router = APIRouter()
QUEUE = "/admin/verifications"
FACTS = ("kind", "standard", "issuer", "certificate_number", "issued_on", "expires_on")
LABELS = {"issuer_labels": ISSUER_LABELS, "rejection_labels": REJECTION_LABELS}


async def _upload(form: FormData) -> tuple[str, bytes | None]:
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        return "", None
    return upload.filename or "", await upload.read()


@router.get("/verifications", response_class=HTMLResponse)
async def my_verifications(request: Request, session: DbSession, user: SignedInUser) -> HTMLResponse:
    found = await service.verifications_of_viewer(session, user.viewer)
    return render(request, "verifications/mine.html", {"verifications": found, **LABELS})


def _new_context(values: dict[str, str]) -> dict[str, Any]:
    kinds = [(kind.value, lazy_gettext(label)) for kind, label in KIND_LABELS.items()]
    return {"values": values, "kinds": kinds, **LABELS}


@router.get("/verifications/new", response_class=HTMLResponse)
async def new_page(request: Request, user: SignedInUser,
                   kind: Annotated[str | None, Query(max_length=32)] = None) -> HTMLResponse:
    chosen = kind if kind in set(VerificationKind) else VerificationKind.BUSINESS_LICENCE.value
    return render(request, "verifications/new.html", _new_context({"kind": chosen}))


@router.post("/verifications")
async def request_verification(request: Request, form: CheckedForm, session: DbSession, user: SignedInUser,
                               store: Files) -> Response:
    """The request and its first evidence file in one step: both are stored, or neither."""
    values = filled(form, FACTS)
    try:
        created = await service.request_verification(session, user.viewer, parse(VerificationIn, values))
        await evidence.add_file(session, store, user.viewer, created.id, *await _upload(form))
    except AppError as error:
        refusal = await refused(session, error, values)
        return render(request, "verifications/new.html", {**_new_context(values), **refusal},
                      status_code=error.status)
    return RedirectResponse(f"/verifications/{created.id}", status_code=303)


async def _detail(request: Request, session: AsyncSession, user: PageUser, verification_id: int,
                  extra: dict[str, Any] | None = None, status_code: int = 200) -> HTMLResponse:
    found = await service.verification(session, user.viewer, verification_id)
    organization = await session.get_one(Organization, found.organization_id)
    return render(request, "verifications/detail.html", {
        "item": found, "organization": organization, "owner": user.viewer.belongs_to(found.organization_id),
        "open_to_evidence": found.status in evidence.OPEN_TO_EVIDENCE,
        "under_review": found.status is VerificationStatus.PENDING, "max_files": evidence.MAX_FILES,
        "rejections": [(reason.value, lazy_gettext(label)) for reason, label in REJECTION_LABELS.items()], **LABELS,
        **(extra or {})}, status_code=status_code)


@router.get("/verifications/{verification_id:int}", response_class=HTMLResponse)
async def detail_page(request: Request, verification_id: ObjectId, session: DbSession,
                      user: SignedInUser) -> HTMLResponse:
    return await _detail(request, session, user, verification_id)


async def _refused_on_detail(request: Request, session: AsyncSession, user: PageUser, verification_id: int,
                             error: AppError, values: dict[str, str], form_name: str) -> HTMLResponse:
    """The detail page again, the refusal's message beside the form that caused it."""
    if error.status not in (409, 422):
        raise error
    refusal = await refused(session, error, values)
    messages = refusal["field_errors"]
    message = next(iter(messages.values()), None) if messages else lazy_refusal(error)
    return await _detail(request, session, user, verification_id,
                         {**refusal, "refusal_at": (form_name, message)}, error.status)


@router.post("/verifications/{verification_id:int}/files")
async def add_file(request: Request, verification_id: ObjectId, form: CheckedForm, session: DbSession,
                   user: SignedInUser, store: Files) -> Response:
    try:
        await evidence.add_file(session, store, user.viewer, verification_id, *await _upload(form))
    except AppError as error:
        return await _refused_on_detail(request, session, user, verification_id, error, {}, "file")
    return RedirectResponse(f"/verifications/{verification_id}#evidence", status_code=303)


@router.post("/verifications/{verification_id:int}/files/{file_id:int}/visibility")
async def set_visibility(verification_id: ObjectId, file_id: ObjectId, form: CheckedForm, session: DbSession,
                         user: SignedInUser) -> Response:
    await evidence.set_public(session, user.viewer, verification_id, file_id, form.get("public") == "true")
    return RedirectResponse(f"/verifications/{verification_id}#evidence", status_code=303)


@router.post("/verifications/{verification_id:int}/resubmit")
async def resubmit(request: Request, verification_id: ObjectId, form: CheckedForm, session: DbSession,
                   user: SignedInUser) -> Response:
    try:
        await service.resubmit(session, user.viewer, verification_id)
    except AppError as error:
        return await _refused_on_detail(request, session, user, verification_id, error, {}, "resubmit")
    return RedirectResponse(f"/verifications/{verification_id}", status_code=303)


@router.get(QUEUE, response_class=HTMLResponse)
async def queue_page(request: Request, session: DbSession, user: SignedInUser, pagination: Pagination,
                     status: Annotated[str | None, Query(max_length=20)] = None) -> HTMLResponse:
    chosen = VerificationStatus(status) if status in set(VerificationStatus) else VerificationStatus.PENDING
    page = await service.queue(session, user.viewer, chosen, pagination.page, pagination.per_page)
    return render(request, "verifications/queue.html", {"page": page, "status": chosen,
                                                        "statuses": list(VerificationStatus), **LABELS})


async def _decide(request: Request, session: AsyncSession, user: PageUser, verification_id: int,
                  form: FormData, decision: str) -> Response:
    viewer = require_admin(user.viewer)
    values = filled(form, ("reason", "note"))
    try:
        if decision == "approve":
            await service.approve(session, viewer, verification_id, parse(DecisionIn, {"note": values.get("note", "")}))
        elif decision == "reject":
            await service.reject(session, viewer, verification_id, parse(RejectionIn, values))
        else:
            note = {"note": values["note"]} if "note" in values else {}
            await service.request_evidence(session, viewer, verification_id, parse(EvidenceRequestIn, note))
    except AppError as error:
        return await _refused_on_detail(request, session, user, verification_id, error, values, decision)
    return RedirectResponse(QUEUE, status_code=303)


@router.post(QUEUE + "/{verification_id:int}/approve")
async def approve(request: Request, verification_id: ObjectId, form: CheckedForm, session: DbSession,
                  user: SignedInUser) -> Response:
    return await _decide(request, session, user, verification_id, form, "approve")


@router.post(QUEUE + "/{verification_id:int}/reject")
async def reject(request: Request, verification_id: ObjectId, form: CheckedForm, session: DbSession,
                 user: SignedInUser) -> Response:
    return await _decide(request, session, user, verification_id, form, "reject")


@router.post(QUEUE + "/{verification_id:int}/request-evidence")
async def request_evidence(request: Request, verification_id: ObjectId, form: CheckedForm, session: DbSession,
                           user: SignedInUser) -> Response:
    return await _decide(request, session, user, verification_id, form, "request-evidence")
