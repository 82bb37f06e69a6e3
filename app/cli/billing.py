"""`tradeleads billing run`: renew, end, dun and expire subscriptions; safe to run from several hosts at once."""

from datetime import UTC, datetime

import typer
from rich.table import Table

from app.cli.runtime import Sessions, console, fail, run_with_database
from app.core import clock
from app.core.config import get_settings
from membership.billing_job import BillingReport, run_billing

billing_app = typer.Typer(help="Membership billing.", no_args_is_help=True)


def _parse_moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        fail(f"--at must be an ISO 8601 date or date and time, such as 2026-03-01 or 2026-03-01T06:00; got {text!r}")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@billing_app.command("run")
def run(
    at: str | None = typer.Option(None, "--at", help="Bill as of this UTC moment instead of now (ISO 8601)."),
) -> None:
    """Renew subscriptions whose period ended (invoicing the next one), end cancelled ones, remind about unpaid
    invoices once a day, and expire plans unpaid past the grace period (TRADELEADS_BILLING_GRACE_DAYS)."""
    now = _parse_moment(at) if at else clock.utcnow()

    async def work(sessions: Sessions) -> BillingReport:
        return await run_billing(sessions, get_settings(), now)

    _print_report(run_with_database(work), now)


def _print_report(report: BillingReport, now: datetime) -> None:
    table = Table(title=f"Billing run as of {now:%Y-%m-%d %H:%M} UTC")
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, count in [("renewed", len(report.renewed)), ("ended (cancelled)", len(report.ended)),
                         ("reminded invoices", len(report.reminded)), ("expired", len(report.expired)),
                         ("listings unpublished", len(report.unpublished_listings)),
                         ("skipped (held by another run)", report.skipped)]:
        table.add_row(label, str(count))
    console.print(table)
