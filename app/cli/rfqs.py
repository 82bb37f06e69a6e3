"""`tradeleads rfqs expire`: expire open RFQs past their valid-until date; safe to run from several hosts."""

import typer

from app.cli.runtime import Sessions, console, day_or_today, run_with_database
from app.quotes.rfq_endings import ExpiryReport, run_expiry

rfqs_app = typer.Typer(help="Requests for quotation.", no_args_is_help=True)


@rfqs_app.command("expire")
def expire(
    on: str | None = typer.Option(None, "--on", help="Expire as of this UTC day instead of today (YYYY-MM-DD)."),
) -> None:
    """Expire every open RFQ whose valid-until date is before the day: its submitted quotes expire too, and the
    buyer is notified."""
    day = day_or_today(on)

    async def work(sessions: Sessions) -> ExpiryReport:
        return await run_expiry(sessions, day)

    report = run_with_database(work)
    ids = ", ".join(str(rfq_id) for rfq_id in report.expired)
    console.print(f"Expired {len(report.expired)} RFQs as of {day.isoformat()}" + (f": {ids}" if ids else ""))
