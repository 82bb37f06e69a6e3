"""Puts the configured e-mail sender on the app and, on the embedded default (no OpenSearch, so no separate
worker), sends queued e-mails right after each commit that wrote some, through the same after-commit hook as
the search indexer. The outgoing_emails row stays the durable marker; `tradeleads mail send` catches up."""

from fastapi import FastAPI

from app.core.config import Settings
from app.http.deps import add_after_commit
from app.notifications.email import create_sender
from app.notifications.mailer import RetryPolicy, drain_outgoing_emails
from search.factory import is_embedded

AFTER_COMMIT_BATCHES = 4


def install_mail(app: FastAPI, settings: Settings) -> None:
    """Call last of the install_* steps: e-mails written by the earlier after-commit steps (alerts) leave in the
    same request."""
    sender = create_sender(settings)
    app.state.mail_sender = sender
    if not is_embedded(settings):
        return
    policy = RetryPolicy.from_settings(settings)

    async def send_after_commit() -> None:
        await drain_outgoing_emails(app.state.sessionmaker, sender, policy=policy, max_batches=AFTER_COMMIT_BATCHES)

    add_after_commit(app, send_after_commit, "sending e-mail after commit failed; outgoing_emails keeps it")
