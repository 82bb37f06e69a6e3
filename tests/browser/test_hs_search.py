"""Search by HS code in a real browser: typing a code in the search box filters by that code's subtree and the page
says so, naming the code, its description and the HS edition."""

import pytest
from fastapi import FastAPI
from playwright.async_api import Page, expect

from search.indexer import drain_all
from tests.conftest import ActorFactory
from tests.search_api.conftest import published_listing

pytestmark = pytest.mark.browser


async def test_typing_an_hs_code_filters_by_it_and_says_so(page: Page, app: FastAPI,
                                                           make_actor: ActorFactory) -> None:
    admin = await make_actor("both", admin=True)
    supplier = await make_actor("supplier")
    await published_listing(supplier, admin, title="Brass gate valve DN50", hs_code="848180")
    await published_listing(supplier, admin, title="LED panel 600x600 40 W", hs_code="940542")
    await published_listing(supplier, admin, title="Tequila blanco 750 ml", hs_code="220890")
    await drain_all(app.state.sessionmaker, app.state.search)

    await page.goto("/search")
    await page.locator("#search-q").fill("8481.80")
    await page.get_by_role("button", name="Search").click()

    await expect(page.get_by_role("status")).to_contain_text(
        "Products classified under HS subheading 8481.80: Taps, cocks, valves and similar appliances")
    await expect(page.get_by_role("status")).to_contain_text("(HS 2022)")
    results = page.locator("ol.cards")
    await expect(results).to_contain_text("Brass gate valve DN50")
    await expect(results).not_to_contain_text("LED panel")
    await expect(results).not_to_contain_text("Tequila")
