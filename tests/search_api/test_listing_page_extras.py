"""Under a listing: a card of its supplier (verification, response rate, ratings, the way to its store) and similar
products from the search engine, in the listing's HS chapter, never the listing itself."""

import re
from typing import Any

import httpx
from fastapi import FastAPI

from search.backend import SearchBackend
from tests.search_api.conftest import index_now, published_listing
from tests.support.pages import text_of


def _similar(page: str) -> list[str]:
    section = re.search(r'<section class="similar".*?</section>', page, re.S)
    return re.findall(r'<h3><a href="/listings/\d+">([^<]+)</a></h3>', section.group(0)) if section else []


async def test_a_listing_shows_its_supplier_and_similar_products(app: FastAPI, client: httpx.AsyncClient,
                                                                  engine: SearchBackend, make_actor: Any) -> None:
    admin = await make_actor("both", admin=True)
    volt = await make_actor("supplier", organization_name="Volt Power Co")
    other = await make_actor("supplier", organization_name="Harbour Electric")
    charger = await published_listing(volt, admin, title="65W USB-C PD wall charger", hs_code="850440",
                                      keywords=["usb-c charger"])
    await published_listing(other, admin, title="30W USB-C PD car charger", hs_code="850440")
    await published_listing(other, admin, title="Black tea PD grade, Kenya", hs_code="090240")
    await index_now(app)

    page = text_of(await client.get(f"/listings/{charger['id']}"))
    card = re.search(r'<section class="panel supplier-card".*?</section>', page, re.S)
    assert card, "no supplier card"
    card_text = " ".join(re.sub(r"<[^>]+>", " ", card.group(0)).split())
    assert "About the supplier Volt Power Co" in card_text
    assert "Response rate Not enough leads yet" in card_text and "Buyer ratings No ratings yet" in card_text
    assert f'href="/suppliers/{volt.organization_slug}"' in card.group(0)
    assert _similar(page) == ["30W USB-C PD car charger"]  # not itself, not the tea that shares "PD"


async def test_a_listing_without_anything_similar_shows_no_empty_section(app: FastAPI, client: httpx.AsyncClient,
                                                                         engine: SearchBackend,
                                                                         make_actor: Any) -> None:
    listing = await published_listing(await make_actor("supplier"), await make_actor("both", admin=True),
                                      title="Hand-woven jute rugs", hs_code="570210")
    await index_now(app)
    page = (await client.get(f"/listings/{listing['id']}")).text
    assert 'class="similar"' not in page and "Similar products" not in page
