"""Bulk import of listings: each row validated by ListingCreate, valid rows created through the listings service
as the organization's owner, one transaction per batch. Bad rows are reported and never stop the import."""

from collections.abc import Callable
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

    def reject(self, line: int, errors: list[FieldError]) -> None:
        self.errors.extend(RowError(line, error.field, error.message) for error in errors)


@dataclass(frozen=True)
class ValidRow:
    line: int
    data: ListingCreate


@dataclass
class _Batch:
    rows: list[ValidRow] = field(default_factory=list)
    handled: int = 0


def _no_progress(_: int) -> None:
    return None


async def import_listings(
    sessions: async_sessionmaker[AsyncSession], owner: Viewer, rows: list[RawRow], *,
    batch_size: int = DEFAULT_BATCH_SIZE, submit: bool = False, on_progress: Progress = _no_progress,
) -> ImportReport:
    """Creates the listings of `rows` as `owner` (see app.imports.acting); `on_progress` gets rows handled."""
    report = ImportReport()
    batch = _Batch()
    for row in rows:
        batch.handled += 1
        valid = _validated(row, report)
        if valid is not None:
            batch.rows.append(valid)
        if len(batch.rows) >= batch_size:
            await _write(sessions, owner, batch, submit, report, on_progress)
            batch = _Batch()
    await _write(sessions, owner, batch, submit, report, on_progress)
    return report


def _validated(row: RawRow, report: ImportReport) -> ValidRow | None:
    errors = list(row.errors)
    if any(error.field == ROW for error in errors):
        report.reject(row.line, errors)
        return None
    try:
        data = ListingCreate.model_validate(row.values)
    except ValidationError as exc:
        errors += [FieldError(ROW if error.field == "body" else error.field, error.message, error.code)
                   for error in as_validation_failed(exc).errors]
    if errors:
        report.reject(row.line, errors)
        return None
    return ValidRow(row.line, data)


async def _write(sessions: async_sessionmaker[AsyncSession], owner: Viewer, batch: _Batch, submit: bool,
                 report: ImportReport, on_progress: Progress) -> None:
    """One transaction: every valid row of the batch lands, or none does and each is reported."""
    if batch.rows:
        try:
            async with sessions.begin() as session:
                created = [row for row in batch.rows if await _create(session, owner, row, submit, report)]
            report.imported += len(created)
        except (AppError, SQLAlchemyError) as exc:
            lines = f"{batch.rows[0].line}-{batch.rows[-1].line}"
            for row in batch.rows:
                report.errors.append(RowError(row.line, ROW, f"batch of lines {lines} not saved: {_reason(exc)}"))
    on_progress(batch.handled)


async def _create(session: AsyncSession, owner: Viewer, row: ValidRow, submit: bool, report: ImportReport) -> bool:
    try:
        # Checked first so that an unknown code fails its row alone; any later failure fails the batch.
        await ensure_hs_code_usable(session, row.data.hs_code)
    except AppError as exc:
        report.reject(row.line, exc.errors)
        return False
    listing = await service.create_listing(session, owner, row.data)
    if submit:
        await service.submit_listing(session, owner, listing.id)
    return True


def _reason(exc: AppError | SQLAlchemyError) -> str:
    if isinstance(exc, AppError):
        return exc.detail
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]
