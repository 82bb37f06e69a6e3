"""The alerts part of `tradeleads worker`: after each indexing drain, work off the alerts queue, then send the
webhook deliveries that are due. Failures are logged and retried on the next round; they never stop indexing."""

import logging
from collections.abc import Awaitable, Callable

import httpx

from app.alerts.drain import AlertSettings, Sessions, drain_alerts
from app.alerts.webhook_sender import WebhookPolicy, send_due
from app.core.config import Settings
from search.backend import SearchBackend

logger = logging.getLogger(__name__)
WEBHOOK_BATCH = 50
MAX_WEBHOOK_BATCHES = 20


async def send_webhooks(sessions: Sessions, client: httpx.AsyncClient, policy: WebhookPolicy) -> int:
    """Batches of due deliveries until fewer than a full batch were due; returns how many were attempted."""
    attempted = 0
    for _ in range(MAX_WEBHOOK_BATCHES):
        report = await send_due(sessions, client, policy, batch_size=WEBHOOK_BATCH)
        attempted += len(report.delivered) + len(report.failed)
        if len(report.delivered) + len(report.failed) < WEBHOOK_BATCH:
            break
    return attempted


def alerts_step(sessions: Sessions, backend: SearchBackend, settings: Settings, client: httpx.AsyncClient,
                worker: str) -> Callable[[], Awaitable[None]]:
    options = AlertSettings.from_settings(settings)
    policy = WebhookPolicy.from_settings(settings)

    async def step() -> None:
        try:
            await drain_alerts(sessions, backend, options, worker=worker)
        except Exception:
            logger.exception("alerts drain failed; the jobs stay queued")
        try:
            await send_webhooks(sessions, client, policy)
        except Exception:
            logger.exception("sending webhooks failed; the deliveries stay due")

    return step
