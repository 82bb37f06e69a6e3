"""`tradeleads import ...`: bulk imports from files, with a progress bar and a per-row error report."""

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from app.cli.runtime import Sessions, console, fail, run_with_database
from app.core.errors import AppError
from app.imports.acting import supplier_owner
from app.imports.listings import DEFAULT_BATCH_SIZE, LISTING_COLUMNS, ImportReport, import_listings
from app.imports.rows import FileFormat, RawRow, detect_format, read_rows

SOME_ROWS_FAILED = 1
import_app = typer.Typer(help="Bulk-import records from CSV or JSON Lines files.", no_args_is_help=True)


@import_app.command("listings")
def listings(
    file: Path = typer.Argument(..., help="CSV (columns = listing fields) or JSON Lines file."),
    org: str = typer.Option(..., "--org", help="Slug of the supplier organization that owns the listings."),
    file_format: FileFormat | None = typer.Option(None, "--format", help="Default: from the file extension."),
    batch_size: int = typer.Option(DEFAULT_BATCH_SIZE, "--batch-size", min=1, help="Rows per transaction."),
    submit: bool = typer.Option(False, "--submit", help="Submit each imported listing for review."),
) -> None:
    """Import listings for one organization; bad rows are reported with their line numbers and skipped.

    Exit code 0 when every row was imported, 1 when some rows failed, 2 for usage errors.
    """
    try:
        rows = read_rows(file, detect_format(file, file_format), LISTING_COLUMNS)
        report = run_with_database(lambda sessions: _import(sessions, org, rows, batch_size, submit))
    except AppError as exc:
        fail(exc.detail)
    _print_report(report, org)
    if report.failed:
        raise typer.Exit(SOME_ROWS_FAILED)


async def _import(sessions: Sessions, org: str, rows: list[RawRow], batch_size: int, submit: bool) -> ImportReport:
    async with sessions() as session:
        owner = await supplier_owner(session, org)
    with Progress(TextColumn("Importing listings"), BarColumn(), MofNCompleteColumn(), console=console) as progress:
        task = progress.add_task("import", total=len(rows))
        return await import_listings(sessions, owner, rows, batch_size=batch_size, submit=submit,
                                     on_progress=lambda done: progress.advance(task, done))


def _print_report(report: ImportReport, org: str) -> None:
    total = report.imported + report.failed
    console.print(f"Imported {report.imported} of {total} rows into {org}; {report.failed} failed.")
    if not report.errors:
        return
    table = Table(title="Rows not imported")
    for column in ("Line", "Field", "Problem"):
        table.add_column(column)
    for error in sorted(report.errors, key=lambda error: error.line):
        table.add_row(str(error.line), error.field, error.message)
    console.print(table)
