"""What every command shares: one console, a database for the length of a command, and failing with a message."""

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import NoReturn, TypeVar

import typer
from rich.console import Console
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.clock import today
from app.core.config import get_settings
from app.core.db import create_engine, create_sessionmaker

T = TypeVar("T")
Sessions = async_sessionmaker[AsyncSession]
FAILURE = 1
USAGE_ERROR = 2

console = Console()
errors = Console(stderr=True)


def run_with_database(work: Callable[[Sessions], Awaitable[T]]) -> T:
    """Runs `work` with a session factory on the configured database; the engine is closed afterwards."""

    async def runner() -> T:
        engine = create_engine(get_settings())
        try:
            return await work(create_sessionmaker(engine))
        finally:
            await engine.dispose()

    with database_errors():
        return asyncio.run(runner())


@contextmanager
def database_errors() -> Iterator[None]:
    """An unreachable or failing database ends the command with one readable line instead of a traceback."""
    try:
        yield
    except (OSError, SQLAlchemyError) as exc:
        fail(f"Database error: {str(getattr(exc, 'orig', None) or exc).splitlines()[0]}", FAILURE)


def fail(message: str, code: int = USAGE_ERROR) -> NoReturn:
    errors.print(f"[bold red]Error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def report_drain(summary: str, parked: list[int], what: str, where: str) -> None:
    """Prints what a drain did and each row it parked; a parked row ends the command with a failure."""
    console.print(summary)
    for row_id in parked:
        console.print(f"[red]Parked {what} {row_id}[/] (see {where})")
    if parked:
        raise typer.Exit(FAILURE)


def day_or_today(on: str | None) -> date:
    """The day an `--on YYYY-MM-DD` option names, today without one; a usage error otherwise."""
    if on is None:
        return today()
    try:
        return date.fromisoformat(on)
    except ValueError:
        fail(f"--on must be a date such as 2026-03-01; got {on!r}")
