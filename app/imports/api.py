"""JSON API of listing imports: upload a CSV or JSON Lines file (the CLI's columns), then follow its progress."""

from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile, status

from app.core.clock import utcnow
from app.http.deps import DbSession, Files, RequiredViewer
from app.http.ids import ObjectId
from app.imports import service
from app.imports.schemas import ImportOut

router = APIRouter(prefix="/api/v1/listing-imports", tags=["listings"])


@router.post("", status_code=status.HTTP_202_ACCEPTED, response_model=ImportOut)
async def start_import(session: DbSession, viewer: RequiredViewer, store: Files,
                       file: Annotated[UploadFile | None, File()] = None,
                       submit: Annotated[bool, Form()] = False) -> ImportOut:
    """Multipart field `file`: a .csv (a header of listing fields) or .jsonl file of at most 5,000 rows, read whole
    at once (an unreadable file is a 422 and nothing is kept); the rows are imported in the background as the
    uploader, `submit` sends each for review. Poll GET /api/v1/listing-imports/{id} for progress and row errors."""
    data = await file.read() if file is not None else None
    job = await service.start_import(session, store, viewer, (file.filename if file else None) or "", data, submit)
    return service.import_out(job, utcnow())


@router.get("", response_model=list[ImportOut])
async def recent_imports(session: DbSession, viewer: RequiredViewer) -> list[ImportOut]:
    """The organisation's 10 latest imports, newest first."""
    return await service.recent_imports(session, viewer)


@router.get("/{import_id}", response_model=ImportOut)
async def get_import(import_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> ImportOut:
    return await service.get_import(session, viewer, import_id)
