"""A supplier on a paid plan puts a product in its showcase from the browser; a visitor then finds it labelled in the
results, ahead of its equal, and follows the label to the page that says how ranking works."""

import httpx
import pytest
from fastapi import FastAPI
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from search.indexer import drain_all
from tests.conftest import BASE_URL, ActorFactory
from tests.search_api.conftest import published_listing
from tests.support.browser import log_in
from tests.support.membership import put_on_tier

pytestmark = pytest.mark.browser
TOWELS = {"title": "Terry bath towels 600 GSM", "description": "Ring spun cotton, hemmed edges."}
QUERY = "terry bath towels"


async def _suppliers_in_order(app: FastAPI) -> list[str]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as visitor:
        found = (await visitor.get("/api/v1/search/listings", params={"q": QUERY})).json()["items"]
    return [hit["supplier"]["name"] for hit in found]


async def test_a_supplier_showcases_a_product_and_a_visitor_sees_it_labelled(
        page: Page, app: FastAPI, make_actor: ActorFactory, db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    mills = {name: await make_actor("supplier", organization_name=name) for name in ("Tiruppur Mills Ltd",
                                                                                      "Aegean Works Ltd")}
    for mill in mills.values():
        await put_on_tier(db, mill.organization_id, "silver")
        await db.commit()
        await published_listing(mill, admin, **TOWELS)
    await drain_all(app.state.sessionmaker, app.state.search)
    ahead, behind = await _suppliers_in_order(app)  # equals: the engine's tie-break orders them

    await log_in(page, mills[behind])
    await page.goto("/my/listings")
    await page.get_by_role("link", name="Showcase").click()
    await expect(page.get_by_text("0 of 1 showcase slots taken.")).to_be_visible()
    await page.get_by_label("Published product").select_option(label=TOWELS["title"])
    await page.get_by_role("button", name="Add to showcase").click()
    await expect(page.get_by_role("status")).to_contain_text("Added to your showcase")
    await expect(page.get_by_role("row", name=TOWELS["title"])).to_contain_text("Showcase")
    await page.context.clear_cookies()
    await drain_all(app.state.sessionmaker, app.state.search)

    await page.goto(f"/search?q={QUERY}")
    hits = page.locator(".search-hit")
    await expect(hits.first).to_contain_text(behind)
    await expect(hits.nth(1)).to_contain_text(ahead)
    await expect(hits.nth(1)).not_to_contain_text("Showcase")
    await expect(page.get_by_text("Paid members may rank up to 5% higher")).to_be_visible()
    await hits.first.get_by_role("link", name="Showcase").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("How ranking works")
