"""Error pages are the site's pages: the same layout, what went wrong in words, and a way forward (a search on a
missing page, the wait on a throttled one, a reference to quote on a failure)."""

import re

import httpx
from fastapi import FastAPI

from app.core.errors import too_many_requests
from tests.support.pages import text_of


async def test_a_missing_page_offers_a_search_and_the_public_addresses(client: httpx.AsyncClient) -> None:
    response = await client.get("/listings/2147483000")
    assert response.status_code == 404
    page = text_of(response)
    assert '<nav class="browse-bar"' in page  # the site's header, not a bare message
    assert re.search(r'<form class="search-form" method="get" action="/search"', page)
    for address in ("/categories", "/suppliers", "/rfqs"):
        assert f'href="{address}"' in page


async def test_a_failure_names_a_reference_and_a_throttle_its_wait(app: FastAPI) -> None:
    async def broken() -> None:
        raise RuntimeError("a bug")

    async def throttled() -> None:
        raise too_many_requests("Too many attempts", retry_after=90)

    app.add_api_route("/test-broken", broken, methods=["GET"])
    app.add_api_route("/test-throttled", throttled, methods=["GET"])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app, raise_app_exceptions=False),
                                 base_url="http://testserver") as browser:
        reference = "proxy-7f3a9c"  # the id a proxy in front gave the request, or one of ours
        failed = await browser.get("/test-broken", headers={"X-Request-ID": reference})
        assert failed.status_code == 500
        assert f'tell us this reference: <code class="reference">{reference}</code>' in failed.text
        assert "a bug" not in failed.text
        waited = await browser.get("/test-throttled")
        assert waited.status_code == 429 and "Please wait 90 seconds before you try again." in waited.text
