"""Listings: every accepted write tells the search indexer through one outbox row; refused writes tell nothing."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import OutboxEvent
from app.models.enums import EntityType
from tests.support.actors import Cast
from tests.support.listings import create_listing, listing_payload
from tests.support.outbox import outbox_operations


async def test_each_write_of_a_life_adds_one_upsert(cast: Cast, db: AsyncSession) -> None:
    owner, admin = await cast.owner(), await cast.admin()
    listing = await create_listing(owner.client)
    path = f"/api/v1/listings/{listing['id']}"
    steps = [
        (owner, "PATCH", "", {"title": "Cotton T-shirts, 180 gsm"}),
        (owner, "POST", "/submit", None),
        (admin, "POST", "/reject", {"reason": "Photos are missing"}),
        (owner, "PATCH", "", {"description": "With photos"}),
        (owner, "POST", "/submit", None),
        (admin, "POST", "/publish", None),
        (owner, "POST", "/archive", None),
    ]
    assert await outbox_operations(db, EntityType.LISTING, listing["id"]) == ["upsert"]

    for count, (actor, method, suffix, body) in enumerate(steps, start=2):
        response = await actor.client.request(method, path + suffix, json=body)
        assert response.status_code == 200, response.text
        assert await outbox_operations(db, EntityType.LISTING, listing["id"]) == ["upsert"] * count


async def test_outbox_row_names_the_listing(cast: Cast, db: AsyncSession) -> None:
    listing = await create_listing((await cast.owner()).client)

    rows = (await db.scalars(select(OutboxEvent).where(OutboxEvent.entity_type == EntityType.LISTING))).all()

    assert [(row.entity_type, row.entity_id, row.operation.value) for row in rows] == [
        (EntityType.LISTING, listing["id"], "upsert")]


async def test_refused_writes_add_nothing(cast: Cast, db: AsyncSession) -> None:
    owner, stranger = await cast.owner(), await cast.stranger()
    listing = await create_listing(owner.client)
    path = f"/api/v1/listings/{listing['id']}"
    refusals = [
        (owner.client.post("/api/v1/listings", json=listing_payload(moq=0)), 422),
        (cast.anonymous.post("/api/v1/listings", json=listing_payload()), 401),
        (owner.client.patch(path, json={"hs_code": "999999"}), 422),
        (stranger.client.patch(path, json={"title": "Mine now"}), 404),
        (owner.client.post(f"{path}/publish"), 403),
        (owner.client.post(f"{path}/submit"), 200),
        (owner.client.post(f"{path}/submit"), 409),
    ]
    for request, status in refusals:
        assert (await request).status_code == status

    assert await outbox_operations(db, EntityType.LISTING) == ["upsert", "upsert"]
