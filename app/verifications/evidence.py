"""Evidence files of a verification: PDF, JPEG, PNG or WebP, told by content (a text file renamed .pdf is refused,
and so is a PDF renamed .png: the name may not claim another type), at most MAX_FILES per request, the size capped
by the upload route's body limit. The owning organisation adds them while the request waits for review; it and
admins may read them, anyone else only those the owner marks public."""

import asyncio
import secrets
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, can_manage, require_viewer
from app.core.documents import named_document_type
from app.core.errors import FieldError, conflict, forbidden, not_found, validation_failed
from app.core.storage import FileStore, after_transaction
from app.models import Verification, VerificationEvent, VerificationFile
from app.models.enums import VerificationAction, VerificationStatus
from app.verifications import repository

MAX_FILES = 5
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
OPEN_TO_EVIDENCE = frozenset({VerificationStatus.PENDING, VerificationStatus.NEEDS_EVIDENCE})


@dataclass(frozen=True)
class EvidenceFile:
    data: bytes
    content_type: str
    file_name: str


def file_url(file: VerificationFile) -> str:
    return f"/files/verifications/{file.verification_id}/{file.id}"


def _safe_name(name: str, content_type: str) -> str:
    stem = PurePath(name.replace("\\", "/")).stem.strip()[:150] or "evidence"
    return f"{stem}.{EXTENSIONS[content_type]}"


async def own_verification(session: AsyncSession, viewer: Viewer | None, verification_id: int,
                           *, lock: bool = False) -> Verification:
    """The verification, for a member of its organisation or an admin; 404 for anyone else."""
    viewer = require_viewer(viewer)
    found = await (repository.locked(session, verification_id) if lock
                   else session.get(Verification, verification_id))
    if found is None or not can_manage(viewer, found.organization_id):
        raise not_found("Verification")
    return found


async def add_file(session: AsyncSession, store: FileStore, viewer: Viewer | None, verification_id: int,
                   file_name: str, data: bytes | None) -> VerificationFile:
    verification = await own_verification(session, viewer, verification_id, lock=True)
    if not require_viewer(viewer).belongs_to(verification.organization_id):
        raise forbidden("Evidence comes from the organisation that asks to be verified", code="not_the_owner")
    if verification.status not in OPEN_TO_EVIDENCE:
        raise conflict(f"Evidence cannot be added to a verification that is {verification.status.value}",
                       code="not_open_to_evidence")
    if not data:
        raise validation_failed([FieldError("file", "Choose a PDF or image file", "missing")])
    content_type = await asyncio.to_thread(named_document_type, data, file_name)
    if len((await repository.files_of(session, [verification.id]))[verification.id]) >= MAX_FILES:
        raise conflict(f"A verification has at most {MAX_FILES} evidence files", code="too_many_files")
    file = VerificationFile(verification_id=verification.id, content_type=content_type, size=len(data),
                            file_key=f"verifications/{verification.id}/{secrets.token_hex(8)}."
                                     f"{EXTENSIONS[content_type]}", file_name=_safe_name(file_name, content_type))
    store.put(file.file_key, data)
    after_transaction(session, rolled_back=lambda: store.delete(file.file_key))
    session.add(file)
    session.add(VerificationEvent(verification_id=verification.id, user_id=viewer.user_id if viewer else None,
                                  action=VerificationAction.EVIDENCE_ADDED, note=file.file_name))
    await session.flush()
    return file


async def set_public(session: AsyncSession, viewer: Viewer | None, verification_id: int, file_id: int,
                     public: bool) -> VerificationFile:
    verification = await own_verification(session, viewer, verification_id)
    if not require_viewer(viewer).belongs_to(verification.organization_id):
        raise forbidden("Only the organisation's members decide who sees its evidence", code="not_the_owner")
    file = await repository.file_of(session, verification.id, file_id)
    if file is None:
        raise not_found("Evidence file")
    file.public = public
    await session.flush()
    return file


async def read_file(session: AsyncSession, store: FileStore, viewer: Viewer | None, verification_id: int,
                    file_id: int) -> EvidenceFile:
    """The file, for the owning organisation, admins, and anyone when public and the verification approved;
    404 otherwise, so nobody learns that a private file exists."""
    file = await repository.file_of(session, verification_id, file_id)
    verification = await session.get(Verification, verification_id)
    if file is None or verification is None:
        raise not_found("Evidence file")
    shown = file.public and verification.status is VerificationStatus.APPROVED
    if not (shown or can_manage(viewer, verification.organization_id)):
        raise not_found("Evidence file")
    data = store.read(file.file_key)
    if data is None:
        raise not_found("Evidence file")
    return EvidenceFile(data, file.content_type, file.file_name)
