"""`tradeleads rfqs expire`: expire open RFQs past their valid-until date; safe to run from several hosts."""

from datetime import date

import typer

from app.cli.runtime import Sessions, console, fail, run_with_database
from app.core.clock import today
from app.quotes.rfq_endings import ExpiryReport, run_expiry

rfqs_app = typer.Typer(help="Requests for quotation.", no_args_is_help=True)


@rfqs_app.command("expire")
def expire(
    on: str | None = typer.Option(None, "--on", help="Expire as of this UTC day instead of today (YYYY-MM-DD)."),
) -> None:
    """Expire every open RFQ whose valid-until date is before the day: its submitted quotes expire too, and the
    buyer is notified."""
    day = today()
    if on is not None:
        try:
            day = date.fromisoformat(on)
        except ValueError:
            fail(f"--on must be a date such as 2026-03-01; got {on!r}")

    async def work(sessions: Sessions) -> ExpiryReport:
        return await run_expiry(sessions, day)

    report = run_with_database(work)
    ids = ", ".join(str(rfq_id) for rfq_id in report.expired)
    console.print(f"Expired {len(report.expired)} RFQs as of {day.isoformat()}" + (f": {ids}" if ids else ""))
