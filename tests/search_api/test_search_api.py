"""GET /api/v1/search/*: what buyers and suppliers find, and how bad parameters are answered."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.core.config import Settings
from app.main import create_app
from search.backend import SearchBackend
from search.factory import is_embedded
from tests.conftest import BASE_URL, Actor
from tests.search_api.conftest import index_now, open_rfq, published_listing

PROBLEM = "application/problem+json"


@pytest.fixture
async def catalogue(app: FastAPI, engine: SearchBackend, make_actor: Any) -> dict[str, Any]:
    admin = await make_actor("both", admin=True, organization_name="Platform Admins")
    audio = await make_actor("supplier", organization_name="Shenzhen Audio Works", country="CN")
    textiles = await make_actor("supplier", organization_name="Dhaka Knitwear", country="BD")
    headphones = await published_listing(
        audio, admin, title="Bluetooth headphones ANC-700", hs_code="851830", price_min="25", currency="USD",
        country_of_origin="CN", certifications=["CE"], description="Over-ear, 30 hours of battery")
    speaker = await published_listing(audio, admin, title="Bluetooth speaker BS-20", hs_code="851822",
                                      price_min="100", currency="EUR", country_of_origin="CN")
    shirts = await published_listing(textiles, admin, title="Cotton t-shirts 180 gsm", hs_code="610910",
                                     price_min="2.5", currency="USD", country_of_origin="BD")
    draft = await audio.client.post("/api/v1/listings", json={"title": "Secret bluetooth prototype",
                                                               "moq": "1", "moq_unit": "piece"})
    assert draft.status_code == 201
    await index_now(app)
    return {"admin": admin, "audio": audio, "textiles": textiles, "headphones": headphones, "speaker": speaker,
            "shirts": shirts}


async def test_listing_search_finds_hydrates_highlights_and_counts(client: httpx.AsyncClient,
                                                                   catalogue: dict[str, Any]) -> None:
    response = await client.get("/api/v1/search/listings", params={"q": "bluetooth headphones"})

    assert response.status_code == 200, response.text
    body = response.json()
    assert [item["listing"]["id"] for item in body["items"]] == [catalogue["headphones"]["id"],
                                                                 catalogue["speaker"]["id"]]
    first = body["items"][0]
    assert first["supplier"] == {"id": catalogue["audio"].organization_id, "slug": catalogue["audio"].organization_slug,
                                 "name": "Shenzhen Audio Works", "country": "CN", "verified": False}
    assert "<mark>" in first["highlights"]["title"]
    assert body["total"] == 2 and body["next_cursor"] is None
    assert (body["total_relation"], body["facets_approximate"]) == ("eq", False)
    assert body["facets"]["hs_heading"] == {"8518": 2}
    assert body["facets"]["certifications"] == {"CE": 1}


async def test_drafts_are_not_found(client: httpx.AsyncClient, catalogue: dict[str, Any]) -> None:
    body = (await client.get("/api/v1/search/listings", params={"q": "secret prototype"})).json()
    assert (body["total"], body["items"]) == (0, [])


@pytest.mark.parametrize(("params", "expected"), [
    ({"price_max": "100"}, ["shirts", "headphones"]),
    ({"price_max": "110"}, ["shirts", "headphones", "speaker"]),
    ({"price_min": "100", "currency": "EUR"}, ["speaker"]),
    ({"hs_chapter": "61"}, ["shirts"]),
    ({"hs_heading": "8518", "certifications": "CE"}, ["headphones"]),
    ({"origin_country": ["BD", "cn"], "sort": "price_desc"}, ["speaker", "headphones", "shirts"]),
    ({"supplier_country": "BD"}, ["shirts"]),
    ({"moq_max": "100"}, []),
])
async def test_listing_filters_with_prices_compared_in_one_currency(
        client: httpx.AsyncClient, catalogue: dict[str, Any], params: dict[str, Any], expected: list[str]) -> None:
    body = (await client.get("/api/v1/search/listings", params={"sort": "price_asc", **params})).json()
    assert [item["listing"]["id"] for item in body["items"]] == [catalogue[name]["id"] for name in expected]


async def test_pages_are_followed_with_the_cursor(client: httpx.AsyncClient, catalogue: dict[str, Any]) -> None:
    first = (await client.get("/api/v1/search/listings", params={"sort": "newest", "per_page": 2})).json()
    second = (await client.get("/api/v1/search/listings", params={"sort": "newest", "per_page": 2,
                                                                  "cursor": first["next_cursor"]})).json()
    ids = [item["listing"]["id"] for item in first["items"] + second["items"]]
    assert ids == [catalogue[name]["id"] for name in ("shirts", "speaker", "headphones")]
    assert (first["total"], second["next_cursor"]) == (3, None)


async def test_one_result_per_supplier(client: httpx.AsyncClient, catalogue: dict[str, Any]) -> None:
    body = (await client.get("/api/v1/search/listings", params={"one_per_supplier": "true"})).json()
    assert sorted(item["supplier"]["name"] for item in body["items"]) == ["Dhaka Knitwear", "Shenzhen Audio Works"]
    assert body["total"] == 2


async def test_supplier_search(client: httpx.AsyncClient, catalogue: dict[str, Any]) -> None:
    body = (await client.get("/api/v1/search/suppliers", params={"q": "t-shirts"})).json()
    assert [item["supplier"]["name"] for item in body["items"]] == ["Dhaka Knitwear"]
    assert body["facets"]["hs_chapters"] == {"61": 1}


async def test_suggestions(client: httpx.AsyncClient, catalogue: dict[str, Any]) -> None:
    body = (await client.get("/api/v1/search/suggest", params={"q": "bluetooth sp"})).json()
    assert body == {"suggestions": ["Bluetooth speaker BS-20"]}


async def test_rfq_leads_show_no_buyer_identity_without_the_entitlement(
        app: FastAPI, client: httpx.AsyncClient, engine: SearchBackend, make_actor: Any) -> None:
    admin = await make_actor("both", admin=True)
    buyer: Actor = await make_actor("buyer", organization_name="Hamburg Coffee Roasters", country="DE")
    supplier: Actor = await make_actor("supplier")
    rfq = await open_rfq(buyer, admin, title="Arabica green coffee beans", hs_code="090111",
                         destination_country="DE")
    await buyer.client.post("/api/v1/rfqs", json={"title": "Draft robusta request", "quantity": "1",
                                                  "unit": "kg", "valid_until": rfq["valid_until"]})
    await index_now(app)

    anonymous = (await client.get("/api/v1/search/rfqs", params={"q": "coffee"})).json()
    signed_in = (await supplier.client.get("/api/v1/search/rfqs", params={"q": "coffee"})).json()

    assert [item["rfq"]["id"] for item in anonymous["items"]] == [rfq["id"]]
    assert anonymous["items"][0]["rfq"]["buyer_country"] == "DE"
    # search results name no buyer, for anyone (tests/search_api/test_rfq_search_privacy.py)
    assert "buyer_name" not in anonymous["items"][0]["rfq"] and "buyer_name" not in signed_in["items"][0]["rfq"]
    assert "Hamburg Coffee Roasters" not in str(anonymous) + str(signed_in)
    assert buyer.email not in str(signed_in) and "user_id" not in str(signed_in)
    assert anonymous["facets"]["destination_country"] == {"DE": 1}


async def test_published_listing_is_searchable_right_after_commit_on_the_embedded_engine(
        client: httpx.AsyncClient, engine: SearchBackend, make_actor: Any, settings: Settings) -> None:
    if not is_embedded(settings):
        pytest.skip("the after-commit fast path runs on the embedded default only")
    admin = await make_actor("both", admin=True)
    listing = await published_listing(await make_actor("supplier"), admin, title="Bamboo cutting board")
    body = (await client.get("/api/v1/search/listings", params={"q": "bamboo"})).json()
    assert [item["listing"]["id"] for item in body["items"]] == [listing["id"]]


@pytest.mark.parametrize(("path", "params", "field"), [
    ("listings", {"price_min": "-1"}, "price_min"),
    ("listings", {"price_min": "5", "price_max": "1"}, "price_min"),
    ("listings", {"price_max": "5", "currency": "XYZ"}, "currency"),
    ("listings", {"sort": "cheapest"}, "sort"),
    ("listings", {"per_page": "0"}, "per_page"),
    ("listings", {"per_page": "1000"}, "per_page"),
    ("listings", {"hs_chapter": "8"}, "hs_chapter.0"),
    ("listings", {"origin_country": "ZZ"}, "origin_country.0"),
    ("listings", {"verified": "maybe"}, "verified"),
    ("listings", {"q": "x" * 1001}, "q"),
    ("listings", {"cursor": "garbage"}, "cursor"),
    ("listings", {"moq_max": "lots"}, "moq_max"),
    ("suppliers", {"sort": "price_asc"}, "sort"),
    ("rfqs", {"destination_country": "Germany"}, "destination_country.0"),
    ("suggest", {"q": ""}, "q"),
    ("suggest", {"q": "ab", "type": "users"}, "type"),
])
async def test_bad_parameters_get_a_422_problem(client: httpx.AsyncClient, engine: SearchBackend, path: str,
                                                params: dict[str, str], field: str) -> None:
    response = await client.get(f"/api/v1/search/{path}", params=params)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["code"] == "validation_failed"
    assert field in [error["field"] for error in body["errors"]]


async def test_an_unreachable_engine_is_a_503_that_leaks_nothing(settings: Settings) -> None:
    broken = create_app(settings.model_copy(update={"opensearch_url": "http://127.0.0.1:9"}))
    transport = httpx.ASGITransport(app=broken)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
        responses = [await client.get("/api/v1/search/listings", params={"q": "pump"}),
                     await client.get("/api/v1/search/suggest", params={"q": "pump"})]
    await broken.state.search.close()
    await broken.state.engine.dispose()
    for response in responses:
        assert response.status_code == 503
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["code"] == "search_unavailable"
        assert "127.0.0.1" not in response.text and "9" not in response.json()["detail"]
