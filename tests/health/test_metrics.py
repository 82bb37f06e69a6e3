"""/metrics (Prometheus text, for administrators): request latency by route, and the work queues and payment
events as the database holds them."""

import httpx
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import utcnow
from app.models import OutboxEvent
from tests.conftest import ActorFactory
from tests.support.pages import T_SHIRT


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text) for sample in family.samples}


async def test_only_administrators_read_the_metrics(client: httpx.AsyncClient, make_actor: ActorFactory) -> None:
    member = await make_actor("supplier")
    assert (await client.get("/metrics")).status_code == 401
    assert (await member.client.get("/metrics")).status_code == 403


async def test_latency_queues_and_parked_rows_are_reported(make_actor: ActorFactory, db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    for _ in range(3):
        assert (await admin.client.get("/api/v1/listings/424242")).status_code == 404
    created = await admin.client.post("/api/v1/listings", json=T_SHIRT)
    assert created.status_code == 201
    await db.execute(update(OutboxEvent).values(  # what an index that keeps refusing the listing leaves behind
        processed_at=None, attempts=5, parked_at=utcnow(), last_error="engine refused"))
    await db.commit()

    response = await admin.client.get("/metrics")

    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    samples = _samples(response.text)
    route = (("method", "GET"), ("route", "/api/v1/listings/{listing_id}"), ("status", "4xx"))
    assert samples[("tradeleads_request_seconds_count", route)] == 3
    assert samples[("tradeleads_queue_parked", (("queue", "outbox"),))] >= 1
    assert samples[("tradeleads_queue_waiting", (("queue", "outbox"),))] == 0
    assert ("tradeleads_queue_waiting", (("queue", "emails"),)) in samples
