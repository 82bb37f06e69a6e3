"""`tradeleads ads check`: whether the ad balances agree with billing and the books balance; exits 1 naming each
difference."""

import typer

from app.cli.runtime import FAILURE, Sessions, console, fail, run_with_database
from ledger.check import problems
from membership.ad_credit import mismatches

ads_app = typer.Typer(help="Prepaid ad balances.", no_args_is_help=True)


@ads_app.command("check")
def check() -> None:
    """Every paid top-up is credited once with its total, every credit has its paid invoice, no balance is below
    zero, and every journal entry balances."""

    async def work(sessions: Sessions) -> list[str]:
        async with sessions() as session:
            return [*await mismatches(session),
                    *(f"entry {problem.entry_key}: {problem.what}" for problem in await problems(session))]

    found = run_with_database(work)
    if found:
        for difference in found:
            console.print(difference)
        fail(f"The ad balances do not agree: {len(found)} difference(s).", FAILURE)
    console.print("The ad balances agree with billing and the books balance.")
