"""Runs the `tradeleads` command in-process. Commands call asyncio.run, so they run in a worker thread while the
test's own loop waits; they reach the test database through TRADELEADS_DATABASE_URL, like a real invocation.
Every test here requests `app`, which empties the tables afterwards."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from click.testing import Result
from fastapi import FastAPI
from sqlalchemy import func, select
from typer.testing import CliRunner

from app.cli import cli

# Wide enough that rich never wraps a table row, so each reported row stays on one line.
WIDE = {"COLUMNS": "200"}

RunCli = Callable[..., Awaitable[Result]]
CountRows = Callable[..., Awaitable[int]]


@pytest.fixture
def run_cli(app: FastAPI) -> RunCli:
    async def run(*args: str) -> Result:
        return await asyncio.to_thread(CliRunner().invoke, cli, list(args), env=WIDE)

    return run


@pytest.fixture
def count_rows(app: FastAPI) -> CountRows:
    """Rows of a model (matching the conditions) in a fresh session, so writes of the command are visible."""

    async def count(model: Any, *conditions: Any) -> int:
        async with app.state.sessionmaker() as session:
            return await session.scalar(select(func.count()).select_from(model).where(*conditions)) or 0

    return count
