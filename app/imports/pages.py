"""/my/listings/import: a supplier uploads a CSV or JSON Lines file of listings and watches it run (the page
refreshes itself while the import runs: no JavaScript needed), then reads the rows refused, by line."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from app.core.errors import AppError
from app.core.i18n import N_
from app.http.deps import DbSession, Files
from app.http.forms import ObjectId, refused
from app.http.page_deps import CheckedForm, SignedInUser
from app.http.templating import render
from app.imports import service
from app.imports.listings import LISTING_COLUMNS
from app.imports.schemas import ImportStatus

router = APIRouter()
FORM = "imports/form.html"
PROGRESS = "imports/progress.html"
REFRESH_SECONDS = 2
STATES = (N_("queued"), N_("running"), N_("done"), N_("failed"))  # how the pages name an import's state


@router.get("/my/listings/import", response_class=HTMLResponse)
async def import_form(request: Request, user: SignedInUser, session: DbSession) -> HTMLResponse:
    imports = await service.recent_imports(session, user.viewer)
    return render(request, FORM, {"imports": imports, "columns": LISTING_COLUMNS, "values": {}})


@router.post("/my/listings/import")
async def start_import(request: Request, form: CheckedForm, user: SignedInUser, session: DbSession,
                       store: Files) -> Response:
    upload = form.get("file")
    data = await upload.read() if isinstance(upload, UploadFile) else None
    name = upload.filename if isinstance(upload, UploadFile) else None
    try:
        job = await service.start_import(session, store, user.viewer, name or "", data, form.get("submit") == "on")
    except AppError as error:
        refusal = await refused(session, error, {})
        imports = await service.recent_imports(session, user.viewer)
        return render(request, FORM, {**refusal, "imports": imports, "columns": LISTING_COLUMNS},
                      status_code=error.status)
    return RedirectResponse(f"/my/listings/import/{job.id}", status_code=303)


@router.get("/my/listings/import/{import_id}", response_class=HTMLResponse)
async def import_progress(request: Request, import_id: ObjectId, user: SignedInUser,
                          session: DbSession) -> HTMLResponse:
    job = await service.get_import(session, user.viewer, import_id)
    running = job.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
    response = render(request, PROGRESS, {"job": job, "running": running})
    if running:  # browsers reload the page by this header, scripts or not
        response.headers["Refresh"] = str(REFRESH_SECONDS)
    return response
