"""`tradeleads ledger check`: whether the books balance; exits 1 naming each entry that does not."""

import typer

from app.cli.runtime import FAILURE, Sessions, console, fail, run_with_database
from ledger.check import Problem, problems

ledger_app = typer.Typer(help="The platform's double-entry books.", no_args_is_help=True)


@ledger_app.command("check")
def check() -> None:
    """Every journal entry sums to zero over at least two legs in its own currency."""

    async def work(sessions: Sessions) -> list[Problem]:
        async with sessions() as session:
            return await problems(session)

    found = run_with_database(work)
    if found:
        for problem in found:
            console.print(f"entry {problem.entry_key}: {problem.what}")
        fail(f"The books do not balance: {len(found)} problem(s).", FAILURE)
    console.print("The books balance.")
