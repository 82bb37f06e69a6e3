"""The showcase through the JSON API, per role: a supplier on a plan with slots puts its own published listings in
them and takes them out; search labels them and ranks them a bounded step higher; the plan's slots are the limit."""

import asyncio

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.db import is_sqlite
from app.models import ShowcasePick
from tests.conftest import Actor, ActorFactory
from tests.search_api.conftest import published_listing
from tests.support.membership import put_on_tier
from tests.support.problems import assert_invalid, assert_problem

TOWELS = {"title": "Terry bath towels 600 GSM", "description": "Ring spun cotton, hemmed edges."}


async def supplier_on(make_actor: ActorFactory, db: AsyncSession, tier: str, name: str) -> Actor:
    actor = await make_actor("supplier", organization_name=name)
    await put_on_tier(db, actor.organization_id, tier)
    await db.commit()
    return actor


async def _picks(db: AsyncSession) -> int:
    return int(await db.scalar(select(func.count()).select_from(ShowcasePick)) or 0)


async def search(client: httpx.AsyncClient, query: str) -> list[tuple[str, str, bool]]:
    response = await client.get("/api/v1/search/listings", params={"q": query})
    assert response.status_code == 200, response.text
    return [(hit["supplier"]["name"], hit["listing"]["title"], hit["showcase"]) for hit in response.json()["items"]]


async def test_who_may_use_the_showcase(client: httpx.AsyncClient, make_actor: ActorFactory,
                                        db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    free = await make_actor("supplier")
    buyer = await make_actor("buyer")
    silver = await supplier_on(make_actor, db, "silver", "Silver Towels")
    towels = await published_listing(silver, admin, **TOWELS)
    free_towels = await published_listing(free, admin, **TOWELS)

    assert_problem(await client.get("/api/v1/showcase"), 401, "not_authenticated")
    assert_problem(await client.post("/api/v1/showcase", json={"listing_id": towels["id"]}), 401,
                   "not_authenticated")
    assert_problem(await buyer.client.get("/api/v1/showcase"), 403, "not_a_supplier")
    denied = assert_problem(await free.client.post("/api/v1/showcase", json={"listing_id": free_towels["id"]}),
                            402, "entitlement_denied")
    assert (denied["reason"], denied["limit"], denied["upgrade_to"]) == ("showcase_slots_full", 0, "silver")
    assert denied["detail"] == "Your plan does not include showcase slots; upgrade to Silver to continue"
    # Another organisation's listing is refused by the field, an admin's too: a showcase holds its own products.
    assert_invalid(await free.client.post("/api/v1/showcase", json={"listing_id": towels["id"]}),
                   listing_id="not_your_listing")
    assert_invalid(await admin.client.post("/api/v1/showcase", json={"listing_id": towels["id"]}),
                   listing_id="not_your_listing")
    assert await _picks(db) == 0

    added = await silver.client.post("/api/v1/showcase", json={"listing_id": towels["id"]})
    assert added.status_code == 201, added.text
    assert assert_problem(await free.client.delete(f"/api/v1/showcase/{towels['id']}"), 404, "not_found")
    assert (await silver.client.get("/api/v1/showcase")).json()["picks"][0]["listing_id"] == towels["id"]


async def test_the_plans_slots_are_the_limit_and_a_pick_is_idempotent(make_actor: ActorFactory,
                                                                      db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    silver = await supplier_on(make_actor, db, "silver", "Silver Towels")
    towels = await published_listing(silver, admin, **TOWELS)
    robes = await published_listing(silver, admin, title="Cotton bath robes")
    draft = (await silver.client.post("/api/v1/listings", json={"title": "Cotton napkins", "moq": "100",
                                                                  "moq_unit": "piece"})).json()

    first = await silver.client.post("/api/v1/showcase", json={"listing_id": towels["id"]})
    again = await silver.client.post("/api/v1/showcase", json={"listing_id": towels["id"]})
    full = await silver.client.post("/api/v1/showcase", json={"listing_id": robes["id"]})

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    problem = assert_problem(full, 402, "entitlement_denied")
    assert (problem["reason"], problem["limit"], problem["usage"], problem["upgrade_to"]) == \
        ("showcase_slots_full", 1, 1, "gold")
    assert_invalid(await silver.client.post("/api/v1/showcase", json={"listing_id": draft["id"]}),
                   listing_id="not_published")
    assert_invalid(await silver.client.post("/api/v1/showcase", json={"listing_id": "towels"}),
                   listing_id="int_parsing")
    body = (await silver.client.get("/api/v1/showcase")).json()
    assert (body["slots"], body["used"], body["boost"]) == (1, 1, "0.02")
    assert [(pick["title"], pick["shown"]) for pick in body["picks"]] == [(TOWELS["title"], True)]
    assert await _picks(db) == 1


async def test_a_pick_beyond_the_slots_after_a_downgrade_is_kept_but_not_shown(make_actor: ActorFactory,
                                                                                db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    gold = await supplier_on(make_actor, db, "gold", "Gold Towels")
    towels = await published_listing(gold, admin, **TOWELS)
    robes = await published_listing(gold, admin, title="Cotton bath robes")
    for listing in (towels, robes):
        assert (await gold.client.post("/api/v1/showcase", json={"listing_id": listing["id"]})).status_code == 201
    archived = await gold.client.post(f"/api/v1/listings/{robes['id']}/archive")
    assert archived.status_code == 200, archived.text

    picks = (await gold.client.get("/api/v1/showcase")).json()["picks"]

    assert [(p["title"], p["shown"], p["hidden_because"]) for p in picks] == [
        (TOWELS["title"], True, None), ("Cotton bath robes", False, "not_published")]


async def test_the_store_leads_with_its_showcase(client: httpx.AsyncClient, make_actor: ActorFactory,
                                                 db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    silver = await supplier_on(make_actor, db, "silver", "Silver Towels")
    towels = await published_listing(silver, admin, **TOWELS)
    await published_listing(silver, admin, title="Cotton bath robes")
    store = f"/suppliers/{silver.organization_slug}"
    assert 'id="store-showcase"' not in (await client.get(store)).text

    await silver.client.post("/api/v1/showcase", json={"listing_id": towels["id"]})
    page = (await client.get(store)).text

    showcase = page[page.index('id="store-showcase"'):page.index('id="store-products"')]
    assert f'href="/listings/{towels["id"]}"' in showcase and "Cotton bath robes" not in showcase
    assert 'class="badge showcase"' in showcase
    assert 'id="store-showcase"' not in (await client.get(store, params={"q": "robes"})).text




@pytest.mark.postgres_only
async def test_picks_sent_at_once_never_exceed_the_plans_slots(make_actor: ActorFactory, db: AsyncSession,
                                                               settings: Settings) -> None:
    """Three slots, eight listings picked at once: exactly three are taken (each pick locks its organisation)."""
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    admin = await make_actor("both", admin=True)
    gold = await supplier_on(make_actor, db, "gold", "Gold Towels")
    listings = [await published_listing(gold, admin, title=f"Towel model {n}") for n in range(8)]

    responses = await asyncio.gather(*(gold.client.post("/api/v1/showcase", json={"listing_id": listing["id"]})
                                       for listing in listings))

    assert sorted(response.status_code for response in responses) == [201] * 3 + [402] * 5
    assert await _picks(db) == 3
