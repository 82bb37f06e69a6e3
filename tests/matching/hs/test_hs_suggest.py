"""GET /api/v1/hs/suggest: likely HS subheadings for free text, with their descriptions."""

import httpx
from fastapi import FastAPI

from search.backend import SearchBackend
from tests.conftest import Actor, ActorFactory
from tests.matching.conftest import index_now, published_listing


async def test_suggests_subheadings_with_descriptions(client: httpx.AsyncClient, engine: SearchBackend) -> None:
    response = await client.get("/api/v1/hs/suggest", params={"q": "frozen shrimp vannamei", "limit": 3})

    assert response.status_code == 200, response.text
    first = response.json()["items"][0]
    assert (first["code"], first["label"]) == ("030617", "0306.17")
    assert first["description"].startswith("Crustaceans; frozen, shrimps and prawns")
    assert len(response.json()["items"]) == 3


async def test_codes_of_similar_published_listings_vote(app: FastAPI, client: httpx.AsyncClient,
                                                        engine: SearchBackend, make_actor: ActorFactory,
                                                        admin: Actor) -> None:
    supplier = await make_actor("supplier")
    await published_listing(supplier, admin, title="Zorbly widget", hs_code="392690")
    await index_now(app)

    items = (await client.get("/api/v1/hs/suggest", params={"q": "zorbly widget"})).json()["items"]

    assert [item["code"] for item in items] == ["392690"]


async def test_bad_input_is_a_problem(client: httpx.AsyncClient) -> None:
    for params in ({"q": "x"}, {"q": "coffee", "limit": "0"}, {}):
        response = await client.get("/api/v1/hs/suggest", params=params)
        assert response.status_code == 422
        assert response.headers["content-type"].startswith("application/problem+json")
