"""A showcased listing in search results: labelled, and ranked a bounded step above its equals (never above a
listing that matches the query better), on the configured engine."""

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from search.backend import SearchBackend
from tests.conftest import ActorFactory
from tests.search_api.conftest import index_now, published_listing
from tests.showcase.test_showcase_api import TOWELS, search, supplier_on


async def test_search_labels_a_showcased_listing_and_ranks_it_a_bounded_step_higher(
        app: FastAPI, client: httpx.AsyncClient, engine: SearchBackend, make_actor: ActorFactory,
        db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    mills = {name: await supplier_on(make_actor, db, "silver", name) for name in ("Alpha Mills", "Beta Mills")}
    twins = {name: await published_listing(actor, admin, **TOWELS) for name, actor in mills.items()}
    await published_listing(mills["Alpha Mills"], admin, title="Cotton bath towels, terry, hotel grade",
                            description="Terry bath towels 600 GSM, ring spun cotton, hotel grade.")
    await index_now(app)
    before = await search(client, "terry bath towels 600 GSM")
    behind = before[1][0]  # of two equals, the one the engine's tie-break puts second
    assert {before[0][0], behind} == set(mills) and before[0][1] == before[1][1] == TOWELS["title"]

    picked = twins[behind]["id"]
    assert (await mills[behind].client.post("/api/v1/showcase", json={"listing_id": picked})).status_code == 201
    await index_now(app)
    showcased = await search(client, "terry bath towels 600 GSM")
    assert (await mills[behind].client.delete(f"/api/v1/showcase/{picked}")).status_code == 204
    await index_now(app)
    after = await search(client, "terry bath towels 600 GSM")

    # The equal moves ahead, labelled; the listing that matches the query less stays behind, boost or not.
    assert showcased[:2] == [(behind, TOWELS["title"], True), (before[0][0], TOWELS["title"], False)]
    assert showcased[2][1] == "Cotton bath towels, terry, hotel grade"
    assert after == before
