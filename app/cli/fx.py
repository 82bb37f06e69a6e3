"""`tradeleads fx load FILE.csv`: load exchange rates (base,quote,rate,as_of); nothing is stored if a row is bad."""

from pathlib import Path

import typer

from app.cli.runtime import FAILURE, Sessions, console, errors, fail, run_with_database
from app.fx.csv_file import parse_rates_file
from app.fx.schemas import FxRateIn
from app.fx.service import load_rates

fx_app = typer.Typer(help="Exchange rates for comparing quotes.", no_args_is_help=True)


@fx_app.command("load")
def load(file: Path = typer.Argument(..., help="CSV with the header base,quote,rate,as_of (1 base = rate quote).")
         ) -> None:
    """Store the rates of FILE; a pair already stored for the same day gets the new rate."""
    if not file.is_file():
        fail(f"{file} is not a readable file")
    parsed = parse_rates_file(file)
    if parsed.errors:
        for error in parsed.errors:
            errors.print(error, highlight=False)
        fail(f"{len(parsed.errors)} bad row(s) in {file}; nothing was loaded", FAILURE)
    loaded = run_with_database(lambda sessions: _store(sessions, parsed.rows))
    console.print(f"Loaded {loaded} exchange rates from {file}")


async def _store(sessions: Sessions, rows: list[FxRateIn]) -> int:
    async with sessions() as session:
        stored = await load_rates(session, rows)
        await session.commit()
        return len(stored)
