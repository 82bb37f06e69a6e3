"""`tradeleads worker`, `tradeleads reindex` and `tradeleads search check`: keeping the index in step
with SQL. Registered on the main command with `register(cli)`."""

import os
import socket
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import TypeVar

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from app.alerts.webhook_sender import WebhookPolicy, webhook_client
from app.alerts.worker import alerts_step
from app.background.worker import run_worker
from app.cli.runtime import FAILURE, Sessions, console, fail, report_drain, run_with_database
from app.core.config import get_settings
from app.core.storage import DiskStore
from app.imports.service import imports_step
from search.backend import SearchBackend
from search.check import CheckReport, check
from search.errors import SearchUnavailable
from search.factory import create_backend
from search.indexer import DrainReport
from search.reindex import ReindexFailed, ReindexReport, reindex
from search.types import DocType

T = TypeVar("T")
search_app = typer.Typer(help="Inspect the search index.", no_args_is_help=True)


class Target(StrEnum):
    LISTINGS = "listings"
    RFQS = "rfqs"
    SUPPLIERS = "suppliers"
    ALL = "all"

    def doc_types(self) -> list[DocType]:
        return list(DocType) if self == Target.ALL else [DocType(self.value)]


def with_backend(work: Callable[[Sessions, SearchBackend], Awaitable[T]]) -> T:
    async def run(sessions: Sessions) -> T:
        backend = create_backend(get_settings())
        try:
            return await work(sessions, backend)
        finally:
            await backend.close()

    try:
        return run_with_database(run)
    except SearchUnavailable as exc:
        fail(f"The search engine is unavailable: {exc}", FAILURE)


def worker(
    once: bool = typer.Option(False, "--once", help="Stop when the outbox is drained instead of polling."),
    batch_size: int = typer.Option(100, "--batch-size", min=1, max=5000, help="Outbox rows per batch."),
    poll: float = typer.Option(1.0, "--poll", min=0.1, help="Seconds between polls when idle."),
) -> None:
    """Drain the outbox into the search index, then send alerts and webhooks and run uploaded listing imports
    (several workers may run at once on PostgreSQL)."""
    name = f"{socket.gethostname()}:{os.getpid()}"[:64]
    settings = get_settings()

    async def work(sessions: Sessions, backend: SearchBackend) -> DrainReport:
        async with webhook_client(WebhookPolicy.from_settings(settings)) as client:
            alerts = alerts_step(sessions, backend, settings, client, name)
            imports = imports_step(sessions, DiskStore(settings.files_path), name)

            async def after_drain() -> None:
                await alerts()
                await imports()

            return await run_worker(
                sessions, backend, batch_size=batch_size, worker=name, max_attempts=settings.outbox_max_attempts,
                poll_seconds=poll, once=once, after_drain=after_drain)

    report: DrainReport = with_backend(work)
    report_drain(f"Indexed {len(report.processed)} changes; {len(report.failed)} failed attempts, "
                 f"{len(report.parked)} parked.", report.parked, "outbox row", "outbox.last_error")


def reindex_command(
    target: Target = typer.Argument(Target.ALL, help="Which index to rebuild."),
    batch_size: int = typer.Option(500, "--batch-size", min=1, max=10000),
) -> None:
    """Rebuild indexes from SQL into new versions and swap them live atomically; searches keep working."""
    reports: list[ReindexReport] = []

    async def work(sessions: Sessions, backend: SearchBackend) -> None:
        columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                   TimeRemainingColumn())
        with Progress(*columns, console=console) as progress:
            for doc_type in target.doc_types():
                task = progress.add_task(doc_type.value, total=None)

                def set_total(total: int, task: TaskID = task) -> None:
                    progress.update(task, total=total)

                def advance(done: int, task: TaskID = task) -> None:
                    progress.advance(task, done)

                reports.append(await reindex(sessions, backend, doc_type, batch_size=batch_size,
                                             on_total=set_total, on_progress=advance))

    try:
        with_backend(work)
    except ReindexFailed as exc:
        for doc_id, reason in list(exc.failed.items())[:20]:
            console.print(f"  {doc_id}: {reason}", highlight=False)
        fail(str(exc), FAILURE)
    for report in reports:
        console.print(f"{report.doc_type.value}: {report.indexed} documents in {report.version} "
                      f"(+{report.caught_up} changed during the rebuild)", highlight=False)


def _print_check(report: CheckReport) -> None:
    table = Table(title=f"{report.doc_type.value}: SQL vs index")
    table.add_column("what")
    table.add_column("count", justify="right")
    for status, count in sorted(report.status_counts.items()):
        table.add_row(f"SQL rows {status}", str(count))
    table.add_row("should be indexed", str(report.expected))
    table.add_row("indexed", str(report.indexed))
    table.add_row("sampled field by field", str(report.sampled))
    console.print(table)
    if report.missing:
        console.print(f"[red]Missing from the index:[/] {report.missing[:50]}")
    if report.unexpected:
        console.print(f"[red]In the index but not searchable in SQL:[/] {report.unexpected[:50]}")
    for difference in report.differences[:50]:
        console.print(f"[red]{difference.doc_id} {difference.field}:[/] SQL {difference.in_sql!r} != "
                      f"index {difference.in_index!r}", highlight=False)


@search_app.command("check")
def check_command(
    target: Target = typer.Argument(Target.ALL),
    sample: int = typer.Option(50, "--sample", min=0, max=10000, help="Documents compared field by field."),
) -> None:
    """Compare SQL and the index; exits 1 when they differ."""
    async def work(sessions: Sessions, backend: SearchBackend) -> list[CheckReport]:
        return [await check(sessions, backend, doc_type, sample) for doc_type in target.doc_types()]

    reports = with_backend(work)
    for report in reports:
        _print_check(report)
    if not all(report.ok for report in reports):
        fail("The index differs from SQL (run `tradeleads worker --once`, or `tradeleads reindex`).", FAILURE)
    console.print("[green]The index matches SQL.[/]")


def register(cli: typer.Typer) -> None:
    cli.command()(worker)
    cli.command("reindex")(reindex_command)
    cli.add_typer(search_app, name="search")
