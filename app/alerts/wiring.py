"""On the embedded default (no separate worker), works off the alerts queue right after each commit that wrote to
it, through the same after-commit hook as the search indexer and after it (matching reads the index). The
alert_jobs row stays the durable marker; `tradeleads worker` catches up. Webhooks are never sent here: only the
worker sends them."""

from fastapi import FastAPI

from app.alerts.drain import AlertSettings, drain_alerts
from app.core.config import Settings
from app.http.deps import add_after_commit
from search.factory import is_embedded

AFTER_COMMIT_BATCHES = 5


def install_alerts(app: FastAPI, settings: Settings) -> None:
    """Call after install_search (and before install_mail, so the alerts' e-mails leave in the same request)."""
    if not is_embedded(settings):
        return
    options = AlertSettings.from_settings(settings)

    async def alert_after_commit() -> None:
        await drain_alerts(app.state.sessionmaker, app.state.search, options, worker="in-process",
                           max_batches=AFTER_COMMIT_BATCHES)

    add_after_commit(app, alert_after_commit, "alerts after commit failed; alert_jobs keeps the work")
