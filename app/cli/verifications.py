"""`tradeleads verifications remind`: the daily reminders before a verification expires; safe on several hosts."""

import typer

from app.cli.runtime import Sessions, console, day_or_today, run_with_database
from app.verifications.service import ReminderReport, run_reminders

verifications_app = typer.Typer(help="Supplier verifications.", no_args_is_help=True)


@verifications_app.command("remind")
def remind(
    on: str | None = typer.Option(None, "--on", help="Run as of this UTC day instead of today (YYYY-MM-DD)."),
) -> None:
    """Tell holders their verification expires in 30 and in 7 days (once each), and refresh the search documents
    of organisations whose last verification ran out. Run daily."""
    day = day_or_today(on)

    async def work(sessions: Sessions) -> ReminderReport:
        return await run_reminders(sessions, day)

    report = run_with_database(work)
    console.print(f"Reminded {len(report.reminded)} verifications and refreshed {len(report.reindexed)} "
                  f"organisations as of {day.isoformat()}")
