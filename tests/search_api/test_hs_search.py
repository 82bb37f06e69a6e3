"""Search by HS code on whichever engine is configured (run with TRADELEADS_OPENSEARCH_URL set for OpenSearch): a
query that is an HS code (2, 4 or 6 digits, with or without dots or spaces) filters by that code's subtree and says
so; HS codes and their descriptions are searchable words too."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from search.backend import SearchBackend
from tests.search_api.conftest import index_now, open_rfq, published_listing

VALVE = "Brass gate valve DN50"
PRESSURE_VALVE = "Pressure reducing valve 1/2 inch"
LED = "LED panel 600x600 40 W"
TEQUILA = "Tequila blanco 750 ml"


async def _catalogue(app: FastAPI, make_actor: Any) -> None:
    admin = await make_actor("both", admin=True)
    valves = await make_actor("supplier", organization_name="Valvemakers")
    others = await make_actor("supplier", organization_name="Lights and Spirits")
    await published_listing(valves, admin, title=VALVE, hs_code="848180")
    await published_listing(valves, admin, title=PRESSURE_VALVE, hs_code="848110")
    await published_listing(others, admin, title=LED, hs_code="940542")
    await published_listing(others, admin, title=TEQUILA, hs_code="220890")
    await index_now(app)


def _titles(body: dict[str, Any]) -> set[str]:
    return {item["listing"]["title"] for item in body["items"]}


@pytest.mark.parametrize("query", ["848180", "8481.80", "8481 80", "HS 8481.80", " 84.81.80 "])
async def test_a_subheading_query_filters_by_that_subheading(app: FastAPI, client: httpx.AsyncClient,
                                                             engine: SearchBackend, make_actor: Any,
                                                             query: str) -> None:
    await _catalogue(app, make_actor)
    response = await client.get("/api/v1/search/listings", params={"q": query})
    assert response.status_code == 200, response.text
    body = response.json()
    assert _titles(body) == {VALVE} and body["total"] == 1
    assert body["hs_filter"] == {
        "code": "848180", "display": "8481.80", "level": "subheading", "edition": "HS 2022",
        "filter": "hs_subheading",
        "description": "Taps, cocks, valves and similar appliances; for pipes, boiler shells, tanks, vats or the "
                       "like, including thermostatically controlled valves"}


@pytest.mark.parametrize(("query", "level"), [("8481", "heading"), ("84", "chapter")])
async def test_a_heading_or_chapter_query_takes_the_codes_under_it(app: FastAPI, client: httpx.AsyncClient,
                                                                  engine: SearchBackend, make_actor: Any,
                                                                  query: str, level: str) -> None:
    await _catalogue(app, make_actor)
    body = (await client.get("/api/v1/search/listings", params={"q": query})).json()
    assert _titles(body) == {VALVE, PRESSURE_VALVE}
    assert body["hs_filter"]["level"] == level and body["hs_filter"]["filter"] == f"hs_{level}"


async def test_words_and_unknown_codes_are_searched_as_words(app: FastAPI, client: httpx.AsyncClient,
                                                             engine: SearchBackend, make_actor: Any) -> None:
    await _catalogue(app, make_actor)
    words = (await client.get("/api/v1/search/listings", params={"q": "tequila"})).json()
    assert _titles(words) == {TEQUILA} and words["hs_filter"] is None
    # 8481.99 is no HS 2022 subheading: nothing is filtered, and no listing holds those digits.
    unknown = (await client.get("/api/v1/search/listings", params={"q": "8481.99"})).json()
    assert unknown["hs_filter"] is None and unknown["total"] == 0


async def test_the_code_is_and_ed_with_the_chosen_filters(app: FastAPI, client: httpx.AsyncClient,
                                                          engine: SearchBackend, make_actor: Any) -> None:
    await _catalogue(app, make_actor)
    same = (await client.get("/api/v1/search/listings", params={"q": "8481", "hs_heading": "8481"})).json()
    assert _titles(same) == {VALVE, PRESSURE_VALVE}
    other = (await client.get("/api/v1/search/listings", params={"q": "8481", "hs_heading": "9405"})).json()
    assert other["total"] == 0 and other["items"] == []
    narrower = (await client.get("/api/v1/search/listings", params={"q": "84", "hs_subheading": "848110"})).json()
    assert _titles(narrower) == {PRESSURE_VALVE}


async def test_rfqs_and_suppliers_are_filtered_by_the_code(app: FastAPI, client: httpx.AsyncClient,
                                                           engine: SearchBackend, make_actor: Any) -> None:
    await _catalogue(app, make_actor)
    admin = await make_actor("both", admin=True)
    buyer = await make_actor("buyer")
    await open_rfq(buyer, admin, title="Gate valves for a water plant", hs_code="848180")
    await open_rfq(buyer, admin, title="LED panels for offices", hs_code="940542")
    await index_now(app)
    rfqs = (await client.get("/api/v1/search/rfqs", params={"q": "8481.80"})).json()
    assert [item["rfq"]["title"] for item in rfqs["items"]] == ["Gate valves for a water plant"]
    assert rfqs["hs_filter"]["filter"] == "hs_subheading"
    suppliers = (await client.get("/api/v1/search/suppliers", params={"q": "8481.80"})).json()
    assert [item["supplier"]["name"] for item in suppliers["items"]] == ["Valvemakers"]
    assert suppliers["hs_filter"]["filter"] == "hs_chapters" and suppliers["hs_filter"]["code"] == "848180"


async def test_the_code_in_a_query_with_words_ranks_its_listings_first(app: FastAPI, client: httpx.AsyncClient,
                                                                       engine: SearchBackend,
                                                                       make_actor: Any) -> None:
    admin = await make_actor("both", admin=True)
    supplier = await make_actor("supplier")
    await published_listing(supplier, admin, title="Brass fitting elbow", hs_code="848180")
    await published_listing(supplier, admin, title="Brass fitting tee", hs_code="741220")
    await index_now(app)
    body = (await client.get("/api/v1/search/listings", params={"q": "brass fitting 8481.80"})).json()
    assert body["hs_filter"] is None
    assert [item["listing"]["title"] for item in body["items"]] == ["Brass fitting elbow", "Brass fitting tee"]


async def test_hs_descriptions_are_searchable(app: FastAPI, client: httpx.AsyncClient, engine: SearchBackend,
                                              make_actor: Any) -> None:
    await _catalogue(app, make_actor)
    body = (await client.get("/api/v1/search/listings", params={"q": "luminaires"})).json()
    assert _titles(body) == {LED}


async def test_the_page_says_it_filtered_by_the_code(app: FastAPI, client: httpx.AsyncClient,
                                                     engine: SearchBackend, make_actor: Any) -> None:
    await _catalogue(app, make_actor)
    page = await client.get("/search", params={"q": "8481.80"})
    assert page.status_code == 200
    html = page.text
    assert "Products classified under HS subheading 8481.80" in html and "(HS 2022)" in html
    assert "Taps, cocks, valves and similar appliances" in html
    assert VALVE in html and LED not in html and TEQUILA not in html
    heading = (await client.get("/search", params={"q": "8481"})).text
    assert "Products classified under HS heading 8481 and the codes under it" in heading
    assert PRESSURE_VALVE in heading and VALVE in heading
