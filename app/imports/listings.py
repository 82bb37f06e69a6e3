"""Bulk import of listings: each row validated by ListingCreate, valid rows created through the listings service
as the organization's owner, one transaction per batch. Bad rows are reported and never stop the import."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.auth.viewer import Viewer
from app.core.errors import AppError, FieldError
from app.core.schemas import as_validation_failed
from app.hs.service import ensure_hs_code_usable
from app.imports.rows import ROW, Columns, RawRow
from app.listings import service
from app.listings.schemas import ListingCreate

LISTING_COLUMNS = Columns(known=tuple(ListingCreate.model_fields), lists=("keywords", "certifications"),
                          mappings=("specs",))
DEFAULT_BATCH_SIZE = 200
Progress = Callable[[int], None]


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    message: str


@dataclass
class ImportReport:
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len({error.line for error in self.errors})


@dataclass(frozen=True)
class ValidRow:
    line: int
    data: ListingCreate


def _no_progress(_: int) -> None:
    return None


# Called inside each batch's transaction with the batch's outcome: the rows handled so far (the skipped included),
# the listings it created and its row errors; what it writes commits with the batch's listings, or not at all.
Recorder = Callable[[AsyncSession, int, int, list[RowError]], Awaitable[None]]


async def import_listings(
    sessions: async_sessionmaker[AsyncSession], owner: Viewer, rows: list[RawRow], *,
    batch_size: int = DEFAULT_BATCH_SIZE, submit: bool = False, on_progress: Progress = _no_progress,
    skip: int = 0, record: Recorder | None = None,
) -> ImportReport:
    """Creates the listings of `rows` as `owner` (see app.imports.acting), `batch_size` rows per transaction, from
    row `skip` on (the rows a stopped import already handled); `on_progress` gets the rows of each batch."""
    report = ImportReport()
    for start in range(skip, len(rows), batch_size):
        batch = rows[start:start + batch_size]
        await _write(sessions, owner, batch, start + len(batch), submit, report, record)
        on_progress(len(batch))
    return report


def _validated(row: RawRow, errors: list[RowError]) -> ValidRow | None:
    found = list(row.errors)
    if any(error.field == ROW for error in found):
        errors.extend(_row_errors(row.line, found))
        return None
    try:
        data = ListingCreate.model_validate(row.values)
    except ValidationError as exc:
        found += [FieldError(ROW if error.field == "body" else error.field, error.message, error.code)
                  for error in as_validation_failed(exc).errors]
    if found:
        errors.extend(_row_errors(row.line, found))
        return None
    return ValidRow(row.line, data)


def _row_errors(line: int, errors: list[FieldError]) -> list[RowError]:
    return [RowError(line, error.field, error.message) for error in errors]


async def _write(sessions: async_sessionmaker[AsyncSession], owner: Viewer, batch: list[RawRow], handled: int,
                 submit: bool, report: ImportReport, record: Recorder | None) -> None:
    """One transaction: every valid row of the batch lands, or none does and each is reported."""
    errors: list[RowError] = []
    valid = [row for row in (_validated(raw, errors) for raw in batch) if row is not None]
    created = 0
    try:
        async with sessions.begin() as session:
            for row in valid:
                created += await _create(session, owner, row, submit, errors)
            if record is not None:
                await record(session, handled, created, sorted(errors, key=lambda error: error.line))
    except (AppError, SQLAlchemyError) as exc:
        created, lines = 0, f"{batch[0].line}-{batch[-1].line}"
        errors = [error for error in errors if error.line not in {row.line for row in valid}]
        errors += [RowError(row.line, ROW, f"batch of lines {lines} not saved: {_reason(exc)}") for row in valid]
        if record is not None:
            async with sessions.begin() as session:
                await record(session, handled, 0, sorted(errors, key=lambda error: error.line))
    report.imported += created
    report.errors.extend(sorted(errors, key=lambda error: error.line))


async def _create(session: AsyncSession, owner: Viewer, row: ValidRow, submit: bool, errors: list[RowError]) -> int:
    """1 when the row's listing is created, 0 when the row alone is refused."""
    try:
        # Checked first so that an unknown code fails its row alone; any later failure fails the batch.
        await ensure_hs_code_usable(session, row.data.hs_code)
    except AppError as exc:
        errors.extend(_row_errors(row.line, exc.errors))
        return 0
    listing = await service.create_listing(session, owner, row.data)
    if submit:
        await service.submit_listing(session, owner, listing.id)
    return 1


def _reason(exc: AppError | SQLAlchemyError) -> str:
    if isinstance(exc, AppError):
        return exc.detail
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]
