"""The home page: a search, the HS sections that have listings with their counts, featured suppliers (verified
first, then by products), the latest listings and open requests, each leading to the page listing them all."""

import re
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.search_api.conftest import published_listing
from tests.support.pages import text_of
from tests.support.verifications import verified


async def test_home_leads_to_categories_suppliers_and_everything_listed(client: httpx.AsyncClient, db: AsyncSession,
                                                                       make_actor: Any) -> None:
    admin = await make_actor("both", admin=True)
    busy = await make_actor("supplier", organization_name="Ningbo Knitwear Co")
    small = await make_actor("supplier", organization_name="Bergamo Valvole", country="IT")
    await make_actor("supplier", organization_name="Nothing Published Ltd")
    for title in ("Merino wool sweater", "Cotton polo shirt"):
        await published_listing(busy, admin, title=title, hs_code="611011")
    await published_listing(small, admin, title="Brass ball valve DN25", hs_code="848180")
    await verified(small.client, admin.client)

    page = text_of(await client.get("/"))

    assert 'action="/search"' in page and 'id="home-q"' in page
    sections = re.findall(r'<span class="section-numeral">Section ([IVX]+)</span> ([^<]+)</a> <span class="count">'
                          r'(\d+) listings?</span>', page)
    assert sections == [("XI", "Textiles and textile articles", "2"), ("XVI", "Machinery and mechanical appliances",
                                                                       "1")]
    featured = re.findall(r'<h3><a href="/suppliers/([^"]+)">([^<]+)</a></h3>', page)
    assert [name for _, name in featured] == ["Bergamo Valvole", "Ningbo Knitwear Co"]  # verified first
    assert "Nothing Published" not in page
    for address in ("/categories", "/suppliers", "/search", "/rfqs"):
        assert f'<a href="{address}">' in page
