"""Bulk imports of listings uploaded in the browser or through the API. The upload is read whole at once (a file
that cannot be read, or names unknown columns, is refused before anything is stored); then it waits in the file
store and a worker works it off in batches with the CLI's engine (app.imports.listings), each batch's listings
and the import's counts and row errors committing together. A worker that stops leaves its lease to run out; the
next one resumes after the last batch saved, so no row is imported twice."""

import logging
import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.auth.viewer import Viewer, require_viewer
from app.background.outbox import queue_after_commit_work
from app.core.attempts import count_failure, error_text
from app.core.clock import utcnow
from app.core.errors import AppError, FieldError, forbidden, not_found, validation_failed
from app.core.storage import FileStore, after_transaction
from app.imports import repository
from app.imports.acting import member_or_owner
from app.imports.listings import LISTING_COLUMNS, RowError, import_listings
from app.imports.rows import RawRow, format_of, read_uploaded_rows
from app.imports.schemas import ImportOut, ImportStatus, RowErrorOut
from app.models import ListingImport

logger = logging.getLogger(__name__)
MAX_ROWS = 5000
BATCH_SIZE = 50  # smaller batches than the CLI's: the progress page moves, and a stopped import loses less
LEASE = timedelta(minutes=5)  # a worker renews it with every batch
MAX_ATTEMPTS = 3
RECENT = 10


def _refused(message: str, code: str) -> AppError:
    return validation_failed([FieldError("file", message, code)], detail=message)


def _rows(data: bytes, file_name: str) -> tuple[str, list[RawRow]]:
    file_format = format_of(file_name)
    if file_format is None:
        raise _refused("Send a .csv or .jsonl file (the name says which)", "file_type")
    try:
        rows = read_uploaded_rows(data, file_name, file_format, LISTING_COLUMNS)
    except AppError as error:
        raise _refused(error.detail, "file_unreadable") from error
    if not rows:
        raise _refused("The file has no rows to import", "file_empty")
    if len(rows) > MAX_ROWS:
        raise _refused(f"The file has {len(rows)} rows; import at most {MAX_ROWS} at a time", "too_many_rows")
    return file_format.value, rows


async def start_import(session: AsyncSession, store: FileStore, viewer: Viewer | None, file_name: str,
                       data: bytes | None, submit: bool) -> ListingImport:
    viewer = require_viewer(viewer)
    if not viewer.organization_role.sells:
        raise forbidden("Only suppliers import listings", code="not_a_supplier")
    if not data:
        raise _refused("Choose a CSV or JSON Lines file to import", "missing")
    file_format, rows = _rows(data, file_name)
    key = f"imports/{viewer.organization_id}/{secrets.token_hex(8)}.{file_format}"
    store.put(key, data)
    after_transaction(session, rolled_back=lambda: store.delete(key))
    job = ListingImport(organization_id=viewer.organization_id, user_id=viewer.user_id, file_name=file_name[-200:],
                        file_format=file_format, file_key=key, submit=submit, total_rows=len(rows))
    session.add(job)
    queue_after_commit_work(session)  # the background task (or `tradeleads worker`) starts it
    await session.flush()
    return job


async def get_import(session: AsyncSession, viewer: Viewer | None, import_id: int) -> ImportOut:
    viewer = require_viewer(viewer)
    job = await session.get(ListingImport, import_id)
    if job is None or not viewer.belongs_to(job.organization_id):
        raise not_found("Import")
    return import_out(job, utcnow())


async def recent_imports(session: AsyncSession, viewer: Viewer | None) -> list[ImportOut]:
    viewer = require_viewer(viewer)
    now = utcnow()
    return [import_out(job, now) for job in await repository.recent(session, viewer.organization_id, RECENT)]


def status_of(job: ListingImport, now: datetime) -> ImportStatus:
    if job.processed_at is not None:
        return ImportStatus.DONE
    if job.parked_at is not None:
        return ImportStatus.FAILED
    running = job.claimed_at is not None and job.claimed_at > now - LEASE
    return ImportStatus.RUNNING if running else ImportStatus.QUEUED


def import_out(job: ListingImport, now: datetime) -> ImportOut:
    errors = [RowErrorOut.model_validate(error) for error in job.row_errors]
    return ImportOut(id=job.id, file_name=job.file_name, file_format=job.file_format, submit=job.submit,
                     status=status_of(job, now), total_rows=job.total_rows, handled_rows=job.handled_rows,
                     imported=job.imported, failed_rows=len({error.line for error in errors}), errors=errors,
                     created_at=job.created_at, finished_at=job.processed_at)


async def work_off_imports(sessions: async_sessionmaker[AsyncSession], store: FileStore, worker: str) -> int:
    """Runs every import waiting (or left by a stopped worker), one after another, each at most once a round (one
    that fails waits for the next round); how many it finished."""
    finished, tried = 0, set[int]()
    while (job_id := await _claim(sessions, worker, tried)) is not None:
        tried.add(job_id)
        finished += await _run(sessions, store, job_id)
    return finished


async def _claim(sessions: async_sessionmaker[AsyncSession], worker: str, tried: set[int] | None = None) -> int | None:
    now = utcnow()
    async with sessions.begin() as session:
        job = await repository.claim_next(session, worker, now, now - LEASE, tried or set())
        return job.id if job else None


async def _run(sessions: async_sessionmaker[AsyncSession], store: FileStore, job_id: int) -> int:
    async with sessions() as session:
        job = await session.get(ListingImport, job_id)
        assert job is not None
        file_name, file_key, submit, skip = job.file_name, job.file_key, job.submit, job.handled_rows
        acting = await member_or_owner(session, job.organization_id, job.user_id)
    try:
        _, rows = _rows(store.read(file_key) or b"", file_name)
        await import_listings(sessions, acting, rows, batch_size=BATCH_SIZE, submit=submit, skip=skip,
                              record=partial(_record, job_id))
    except Exception as exc:  # kept on the row; tried again by the next round, parked after MAX_ATTEMPTS
        logger.exception("listing import %s failed", job_id)
        await _failed(sessions, job_id, error_text(exc))
        return 0
    await _finish(sessions, store, job_id)
    return 1


async def _record(job_id: int, session: AsyncSession, handled: int, created: int, errors: list[RowError]) -> None:
    job = await repository.locked(session, job_id)
    assert job is not None
    job.handled_rows, job.imported, job.claimed_at = handled, job.imported + created, utcnow()
    job.row_errors = [*job.row_errors, *({"line": e.line, "field": e.field, "message": e.message} for e in errors)]


async def _finish(sessions: async_sessionmaker[AsyncSession], store: FileStore, job_id: int) -> None:
    async with sessions.begin() as session:
        job = await repository.locked(session, job_id)
        assert job is not None
        job.processed_at = utcnow()
        key = job.file_key
        after_transaction(session, committed=lambda: store.delete(key))


async def _failed(sessions: async_sessionmaker[AsyncSession], job_id: int, error: str) -> None:
    async with sessions.begin() as session:
        job = await repository.locked(session, job_id)
        assert job is not None
        count_failure(job, error, MAX_ATTEMPTS, utcnow())
        job.claimed_by, job.claimed_at = None, None


def imports_step(sessions: async_sessionmaker[AsyncSession], store: FileStore,
                 worker: str) -> Callable[[], Awaitable[None]]:
    """`tradeleads worker`'s round of imports; a failure is logged and the imports wait for the next round."""

    async def step() -> None:
        try:
            await work_off_imports(sessions, store, worker)
        except Exception:
            logger.exception("listing imports failed; listing_imports keeps them")

    return step
