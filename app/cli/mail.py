"""`tradeleads mail send`: sends the queued e-mails (once, or polling like a worker)."""

import typer

from app.cli.runtime import Sessions, report_drain, run_with_database
from app.core.config import get_settings
from app.notifications.email import create_sender
from app.notifications.mailer import MailReport, RetryPolicy, run_mailer

mail_app = typer.Typer(help="Outgoing e-mail.", no_args_is_help=True)


async def _send(sessions: Sessions, batch_size: int, poll: float, once: bool) -> MailReport:
    settings = get_settings()
    return await run_mailer(sessions, create_sender(settings), RetryPolicy.from_settings(settings),
                            batch=batch_size, poll_seconds=poll, once=once)


@mail_app.command("send")
def send(
    once: bool = typer.Option(False, "--once", help="Stop after one pass instead of polling."),
    batch_size: int = typer.Option(50, "--batch-size", min=1, max=1000, help="E-mails per transaction."),
    poll: float = typer.Option(5.0, "--poll", min=0.1, help="Seconds between polls when nothing is due."),
) -> None:
    """Send the queued e-mails through SMTP (TRADELEADS_SMTP_HOST) or into var/mail/."""
    report = run_with_database(lambda sessions: _send(sessions, batch_size, poll, once))
    report_drain(f"Sent {len(report.sent)} e-mails; {len(report.failed)} failed attempts, {len(report.parked)} parked.",
                 report.parked, "e-mail", "outgoing_emails.last_error")
