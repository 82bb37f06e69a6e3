"""The /search page: results with facets and chips, an empty state with suggestions, readable errors."""

import html as entities
import re
from typing import Any

import httpx
from fastapi import FastAPI

from search.backend import SearchBackend
from tests.search_api.conftest import index_now, published_listing


def _text(fragment: str) -> str:
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


async def _two_listings(app: FastAPI, make_actor: Any) -> None:
    admin = await make_actor("both", admin=True)
    supplier = await make_actor("supplier", organization_name="Nordic Tools")
    await published_listing(supplier, admin, title="Cordless drill 18 V", hs_code="846721", price_min="45",
                            currency="USD", country_of_origin="SE")
    await published_listing(supplier, admin, title="Cordless angle grinder", hs_code="846729", price_min="60",
                            currency="USD", country_of_origin="DE")
    await index_now(app)


async def test_results_with_facets_chips_and_highlights(app: FastAPI, client: httpx.AsyncClient,
                                                        engine: SearchBackend, make_actor: Any) -> None:
    await _two_listings(app, make_actor)
    page = await client.get("/search", params={"q": "cordless", "origin_country": "SE"})
    assert page.status_code == 200
    html = page.text
    assert "1 result for “cordless”" in html
    assert "<mark>Cordless</mark> drill 18 V" in html and "angle grinder" not in html
    assert 'class="facets"' in html and "8467" in html
    assert "Origin: Sweden" in html and 'href="/search?q=cordless"' in html


async def test_facets_read_as_words_not_codes(app: FastAPI, client: httpx.AsyncClient, engine: SearchBackend,
                                              make_actor: Any) -> None:
    await _two_listings(app, make_actor)
    page = await client.get("/search", params={"q": "cordless", "hs_heading": "8467"})
    sections = re.findall(r'<section class="facet">\s*<h3>(.*?)</h3>(.*?)</section>', page.text, re.S)
    facets = {heading: [_text(li) for li in re.findall(r"<li>(.*?)</li>", body, re.S)] for heading, body in sections}
    assert facets["HS chapter"] == ["84 · Machinery and mechanical appliances, boilers… 2"]  # cut at a word
    assert facets["HS subheading"] == ["8467.21 · Tools 1", "8467.29 · Tools 1"]  # the tests' small HS table
    assert sorted(facets["Origin"]) == ["Germany 1", "Sweden 1"]
    assert facets["Verification"] == ["Not verified 2"]
    assert facets["Price (USD)"] == ["USD 10 \u2013 100 2"]
    assert "HS heading: 8467 · Tools" in _text(page.text)  # the filter's chip


async def test_empty_state_offers_suggestions(app: FastAPI, client: httpx.AsyncClient, engine: SearchBackend,
                                              make_actor: Any) -> None:
    await _two_listings(app, make_actor)
    html = (await client.get("/search", params={"q": "cordless", "origin_country": "JP"})).text
    assert "Nothing matches “cordless” with these filters" in html
    assert "Search without filters" in html and "Cordless drill 18 V</a>?" in html


async def test_bad_parameters_get_a_readable_message(client: httpx.AsyncClient, engine: SearchBackend) -> None:
    page = await client.get("/search", params={"q": "drill", "price_min": "-5"})
    assert page.status_code == 422
    assert "Please check your search" in page.text and "price_min" in page.text


async def test_every_page_has_a_search_box(client: httpx.AsyncClient) -> None:
    html = (await client.get("/")).text
    assert 'action="/search"' in html and 'name="q"' in html
