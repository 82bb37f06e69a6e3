"""The supplier directory (/suppliers) and the buying-leads board (/rfqs): searches at their own addresses, with
facets in words, and links (filters, chips, pages) that stay there."""

import html as entities
import re
from typing import Any

import httpx
from fastapi import FastAPI

from search.backend import SearchBackend
from tests.search_api.conftest import index_now, open_rfq, published_listing


def _text(fragment: str) -> str:
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _links(page: str) -> list[str]:
    return [entities.unescape(href) for href in re.findall(r'href="([^"]+)"', page)]


async def test_directory_lists_suppliers_with_their_stores(app: FastAPI, client: httpx.AsyncClient,
                                                           engine: SearchBackend, make_actor: Any) -> None:
    admin = await make_actor("both", admin=True)
    knitwear = await make_actor("supplier", organization_name="Ningbo Knitwear Co", business_type="trading_company")
    valves = await make_actor("supplier", organization_name="Bergamo Valvole", country="IT",
                              business_type="manufacturer")
    await make_actor("buyer", organization_name="Hamburg Einkauf GmbH", country="DE")
    await published_listing(knitwear, admin, title="Merino wool sweater", hs_code="611011")
    await published_listing(knitwear, admin, title="Cotton polo shirt", hs_code="610510")
    await published_listing(valves, admin, title="Brass ball valve DN25", hs_code="848180")
    await index_now(app)

    page = await client.get("/suppliers")
    assert page.status_code == 200
    text = _text(page.text)
    assert "Supplier directory" in text and "Hamburg Einkauf" not in text
    assert re.search(r"Ningbo Knitwear Co China · trading company Products 2", text)
    assert f"/suppliers/{valves.organization_slug}" in _links(page.text)
    assert "Trading company 1" in text and "Italy 1" in text  # facets in words

    italian = await client.get("/suppliers", params={"country": "IT"})
    assert "Bergamo Valvole" in italian.text and "Ningbo Knitwear" not in italian.text
    assert "Country: Italy" in _text(italian.text)
    assert "/suppliers" in _links(italian.text)  # the chip's removal stays in the directory
    assert not any(link.startswith("/search?type=suppliers") for link in _links(italian.text))

    by_product = _text((await client.get("/suppliers", params={"q": "ball valve"})).text)
    assert "Bergamo Valvole" in by_product and "Ningbo" not in by_product


async def test_board_shows_open_requests_without_the_buyer(app: FastAPI, client: httpx.AsyncClient,
                                                          engine: SearchBackend, make_actor: Any) -> None:
    admin = await make_actor("both", admin=True)
    buyer = await make_actor("buyer", organization_name="Hamburg Kaffeekontor GmbH", country="DE")
    await open_rfq(buyer, admin, title="Arabica green coffee beans", hs_code="090111", destination_country="DE")
    await open_rfq(buyer, admin, title="Brass ball valves DN25", hs_code="848180", destination_country="NL")
    await index_now(app)
    supplier = await make_actor("supplier")

    for viewer in (client, supplier.client):
        page = await viewer.get("/rfqs")
        assert page.status_code == 200
        text = _text(page.text)
        assert "Buying leads" in text and "Arabica green coffee beans" in text and "Brass ball valves" in text
        assert "A buyer in Germany" in text and "Kaffeekontor" not in page.text
    coffee = await client.get("/rfqs", params={"destination_country": "DE"})
    assert "Arabica" in coffee.text and "Brass" not in coffee.text
    assert "Destination: Germany" in _text(coffee.text) and "/rfqs" in _links(coffee.text)


async def test_generic_search_links_to_the_kinds_own_addresses(app: FastAPI, client: httpx.AsyncClient,
                                                              engine: SearchBackend) -> None:
    page = await client.get("/search", params={"q": "valve"})
    links = _links(page.text)
    assert "/suppliers?q=valve" in links and "/rfqs?q=valve" in links
    assert "/search?type=listings&q=valve" in _links((await client.get("/suppliers", params={"q": "valve"})).text)
    bad = await client.get("/suppliers", params={"country": "Italy"})
    assert bad.status_code == 422 and "country" in bad.text
