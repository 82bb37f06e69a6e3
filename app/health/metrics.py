"""Prometheus metrics of the work queues and payments, read from the database when /metrics is scraped (so every
process, web or worker, reports the same truth), beside the request latencies the web process measures
(app.http.request_log). One registry per app: tests build many apps."""

from prometheus_client import CollectorRegistry, Gauge
from sqlalchemy.ext.asyncio import AsyncSession

from app.health import repository


class QueueMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.waiting = Gauge("tradeleads_queue_waiting", "Rows waiting to be worked off", ["queue"],
                             registry=registry)
        self.failing = Gauge("tradeleads_queue_failing", "Waiting rows whose last attempt failed (for the "
                             "outbox: indexing errors)", ["queue"], registry=registry)
        self.parked = Gauge("tradeleads_queue_parked", "Rows parked after too many failures", ["queue"],
                            registry=registry)
        self.oldest = Gauge("tradeleads_queue_oldest_seconds", "Age of the oldest waiting row (the outbox's: "
                            "indexing lag)", ["queue"], registry=registry)
        self.payments = Gauge("tradeleads_payment_events", "Card-gateway events received, by outcome",
                              ["outcome"], registry=registry)

    async def refresh(self, session: AsyncSession) -> None:
        for state in await repository.queue_states(session):
            self.waiting.labels(state.queue).set(state.waiting)
            self.failing.labels(state.queue).set(state.failing)
            self.parked.labels(state.queue).set(state.parked)
            self.oldest.labels(state.queue).set(state.oldest_seconds)
        for outcome, count in (await repository.payment_outcomes(session)).items():
            self.payments.labels(outcome).set(count)
