"""A visitor on a phone, without an account: browses by category from the home page down to a product and its
supplier's store, refines a search with the folded filters, finds a supplier in the directory and searches inside its
store; nothing is wider than the screen."""

import re

import pytest
from fastapi import FastAPI
from playwright.async_api import Page, expect

from app.core.clock import today
from search.indexer import drain_all
from tests.conftest import ActorFactory
from tests.search_api.conftest import published_listing

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


async def _fits(page: Page) -> bool:
    return bool(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


async def test_visitor_goes_from_the_directory_to_a_product_in_a_store(page: Page, app: FastAPI,
                                                                       make_actor: ActorFactory) -> None:
    admin = await make_actor("both", admin=True)
    valves = await make_actor("supplier", organization_name="Bergamo Valvole", country="IT",
                              business_type="manufacturer", year_established=1987)
    other = await make_actor("supplier", organization_name="Ningbo Knitwear Co")
    await published_listing(valves, admin, title="Brass ball valve DN25", hs_code="848180")
    await published_listing(valves, admin, title="Stainless gate valve DN50", hs_code="848180")
    await published_listing(valves, admin, title="Cast iron pipe fitting", hs_code="730719")
    await published_listing(other, admin, title="Merino wool sweater", hs_code="611011")
    await drain_all(app.state.sessionmaker, app.state.search)
    await page.set_viewport_size(PHONE)

    await page.goto("/")
    await page.get_by_role("navigation", name="Browse").get_by_role("link", name="Suppliers").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Supplier directory")
    await page.get_by_role("link", name="Italy").click()  # the country facet
    await expect(page.locator("ol.cards")).not_to_contain_text("Ningbo Knitwear")
    assert await _fits(page)

    await page.get_by_role("link", name="Bergamo Valvole").click()
    await expect(page).to_have_url(re.compile(rf"/suppliers/{valves.organization_slug}$"))
    await expect(page.get_by_role("heading", level=1)).to_have_text("Bergamo Valvole")
    await expect(page.get_by_label("Company facts")).to_contain_text("Products listed3")
    assert await _fits(page)

    await page.get_by_label("Search this store").fill("gate")
    await page.get_by_role("button", name="Search").click()
    products = page.locator(".store-products ul.cards")
    await expect(products).to_contain_text("Stainless gate valve DN50")
    await expect(products).not_to_contain_text("Brass ball valve")

    await products.get_by_role("link", name="Send inquiry").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Stainless gate valve DN50")
    await page.locator(".detail-head").get_by_role("link", name="Bergamo Valvole").click()  # back to the store
    await expect(page).to_have_url(re.compile(rf"/suppliers/{valves.organization_slug}$"))


async def test_visitor_browses_by_category_and_refines_a_search_on_a_phone(page: Page, app: FastAPI,
                                                                          make_actor: ActorFactory) -> None:
    admin = await make_actor("both", admin=True)
    valves = await make_actor("supplier", organization_name="Bergamo Valvole", country="IT")
    knitwear = await make_actor("supplier", organization_name="Ningbo Knitwear Co")
    await published_listing(valves, admin, title="Brass ball valve DN25", hs_code="848180", country_of_origin="IT")
    await published_listing(knitwear, admin, title="Brass buttons for knitwear", hs_code="960621",
                            country_of_origin="CN")
    await published_listing(knitwear, admin, title="Merino wool sweater", hs_code="611011")
    await drain_all(app.state.sessionmaker, app.state.search)
    await page.set_viewport_size(PHONE)

    await page.goto("/")
    await page.get_by_role("link", name="Section XVI Machinery and mechanical appliances").click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Section XVI")
    await page.get_by_role("link", name=re.compile(r"^84 Machinery and mechanical appliances")).click()
    await expect(page.locator("ul.cards")).to_contain_text("Brass ball valve DN25")
    assert await _fits(page)
    await page.locator("ul.cards").get_by_role("link", name="Bergamo Valvole").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Bergamo Valvole")

    await page.goto("/search?q=brass")
    await expect(page.locator("ol.cards li")).to_have_count(2)
    fold = page.get_by_text("Refine results")  # on a phone the filters fold away under this bar
    await fold.click()
    origin = page.locator("section.facet").filter(has_text="Origin").get_by_role("link", name="Italy")
    await expect(origin).to_be_hidden()
    await fold.click()
    await origin.click()
    await expect(page.locator("ol.cards li")).to_have_count(1)
    await expect(page.get_by_label("Active filters")).to_contain_text("Origin: Italy")
    assert await _fits(page)


async def test_visitor_sees_prices_also_in_euros(page: Page, make_actor: ActorFactory) -> None:
    admin = await make_actor("both", admin=True)
    rate = {"base": "EUR", "quote": "USD", "rate": "1.25", "as_of": today().isoformat()}
    assert (await admin.client.post("/api/v1/admin/fx-rates", json={"rates": [rate]})).status_code == 201
    listing = await published_listing(await make_actor("supplier"), admin, title="Brass ball valve DN25",
                                      price_min="2.50", price_max="3.75", currency="USD")
    await page.set_viewport_size(PHONE)
    await page.goto(f"/listings/{listing['id']}")
    await page.get_by_label("Prices also in").select_option("EUR")
    await page.get_by_role("button", name="Show").click()
    await expect(page).to_have_url(re.compile(rf"/listings/{listing['id']}$"))  # back where the visitor was
    await expect(page.locator(".facts .price .indicative")).to_have_text("\u2248 EUR 2.00 \u2013 3.00")
    assert await _fits(page)


async def test_visitor_switches_the_language_to_chinese(page: Page, make_actor: ActorFactory) -> None:
    listing = await published_listing(await make_actor("supplier"), await make_actor("both", admin=True),
                                      title="Brass ball valve DN25",
                                      translations={"zh-Hans": {"title": "黄铜球阀 DN25", "description": "全通径。"}})
    await page.set_viewport_size(PHONE)
    await page.goto("/")
    await expect(page.locator("html")).to_have_attribute("lang", "en")  # the browser asks for English
    await page.get_by_label("Language").select_option("zh_Hans")
    await page.get_by_role("button", name="Change").click()
    await expect(page).to_have_url(re.compile(r"/$"))  # back where the visitor was
    await expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    await expect(page.get_by_role("heading", level=1)).to_have_text("寻找供应商\uff0c发布采购需求。")
    browse = page.get_by_role("navigation", name="浏览")
    await browse.get_by_role("link", name="采购信息").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("采购信息")  # the choice holds on every page
    assert await _fits(page)
    await page.goto(f"/listings/{listing['id']}")  # the supplier's own Chinese, the original a tap away
    await expect(page.get_by_role("heading", level=1)).to_have_text("黄铜球阀 DN25")
    await page.locator(".original-text summary").click()
    await expect(page.locator('.original-text [lang="en"]').first).to_have_text("Brass ball valve DN25")
    assert await _fits(page)

    await page.get_by_label("语言").select_option("en")
    await page.get_by_role("button", name="切换").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Brass ball valve DN25")  # the original again
