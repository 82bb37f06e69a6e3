"""RFQs: every accepted write tells the search indexer through one outbox row; refused writes tell nothing."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import OutboxEvent
from app.models.enums import EntityType
from tests.support.actors import Cast
from tests.support.outbox import outbox_operations
from tests.support.rfqs import create_rfq, days_from_today, rfq_payload


async def test_each_write_of_a_life_adds_one_upsert(cast: Cast, db: AsyncSession) -> None:
    owner, admin = await cast.owner(), await cast.admin()
    rfq = await create_rfq(owner.client)
    path = f"/api/v1/rfqs/{rfq['id']}"
    steps = [
        (owner, "PATCH", "", {"quantity": "22"}),
        (owner, "POST", "/submit", None),
        (admin, "POST", "/reject", {"reason": "Too vague to quote"}),
        (owner, "PATCH", "", {"description": "Arabica, washed"}),
        (owner, "POST", "/submit", None),
        (admin, "POST", "/approve", None),
        (owner, "POST", "/close", None),
    ]
    assert await outbox_operations(db, EntityType.RFQ, rfq["id"]) == ["upsert"]

    for count, (actor, method, suffix, body) in enumerate(steps, start=2):
        response = await actor.client.request(method, path + suffix, json=body)
        assert response.status_code == 200, response.text
        assert await outbox_operations(db, EntityType.RFQ, rfq["id"]) == ["upsert"] * count


async def test_outbox_row_names_the_rfq(cast: Cast, db: AsyncSession) -> None:
    rfq = await create_rfq((await cast.owner()).client)

    rows = (await db.scalars(select(OutboxEvent).where(OutboxEvent.entity_type == EntityType.RFQ))).all()

    assert [(row.entity_type, row.entity_id, row.operation.value) for row in rows] == [
        (EntityType.RFQ, rfq["id"], "upsert")]


async def test_refused_writes_add_nothing(cast: Cast, db: AsyncSession) -> None:
    owner, stranger = await cast.owner(), await cast.stranger()
    rfq = await create_rfq(owner.client)
    path = f"/api/v1/rfqs/{rfq['id']}"
    refusals = [
        (owner.client.post("/api/v1/rfqs", json=rfq_payload(valid_until=days_from_today(-1).isoformat())), 422),
        (cast.anonymous.post("/api/v1/rfqs", json=rfq_payload()), 401),
        (owner.client.patch(path, json={"max_quotes": 0}), 422),
        (stranger.client.post(f"{path}/close"), 404),
        (owner.client.post(f"{path}/approve"), 403),
        (owner.client.post(f"{path}/submit"), 200),
        (owner.client.patch(path, json={"title": "Robusta coffee beans"}), 403),
        (owner.client.post(f"{path}/submit"), 409),
    ]
    for request, status in refusals:
        assert (await request).status_code == status

    assert await outbox_operations(db, EntityType.RFQ) == ["upsert", "upsert"]
