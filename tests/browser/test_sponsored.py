"""A supplier on a plan with keyword bidding starts a campaign in the browser; a buyer searches, sees its product
labelled "Sponsored" above the results, clicks it and lands on the product; the supplier's campaign page then shows
one charged click, and its balance is down by its price."""

import pytest
from fastapi import FastAPI
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from search.indexer import drain_all
from tests.ads.test_campaigns import PANEL, fund
from tests.conftest import ActorFactory
from tests.search_api.conftest import published_listing
from tests.support.browser import log_in
from tests.support.membership import put_on_tier

pytestmark = pytest.mark.browser


async def test_a_campaign_is_seen_labelled_clicked_and_reported(page: Page, app: FastAPI, make_actor: ActorFactory,
                                                                db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    supplier = await make_actor("supplier", organization_name="Bright Panels Ltd")
    buyer = await make_actor("buyer", organization_name="Lagos Interiors")
    rival = await make_actor("supplier", organization_name="Plain Lights Ltd")
    await put_on_tier(db, supplier.organization_id, "gold")
    await db.commit()
    await fund(admin, supplier, "20")
    await published_listing(supplier, admin, **PANEL)
    await published_listing(rival, admin, **{**PANEL, "title": "LED panel light 600x600 36W"})
    await drain_all(app.state.sessionmaker, app.state.search)

    await log_in(page, supplier)
    await page.goto("/my/ads")
    await page.get_by_role("link", name="New campaign").click()
    await page.get_by_label("Campaign name").fill("Panels")
    await page.get_by_label("Daily budget").fill("10")
    await page.get_by_label(PANEL["title"]).check()
    await page.get_by_label("Keyword").first.fill("led panel")
    await page.get_by_label("Bid per click").first.fill("0.50")
    # While the bid is edited, where it would show: first, nobody else bidding, at the reserve price.
    await expect(page.locator(".keyword-row .estimate").first).to_have_text(
        "Now: position 1 at 0.1 per click (0 other advertisers).")
    await page.get_by_role("button", name="Create campaign").click()
    await expect(page.get_by_role("status")).to_contain_text("Campaign saved.")
    campaign_url = page.url.split("?")[0]
    await page.context.clear_cookies()

    await log_in(page, buyer)
    await page.goto("/search?q=led+panel+light")
    sponsored = page.get_by_role("region", name="Sponsored")
    await expect(sponsored.get_by_role("link", name="Sponsored")).to_be_visible()
    await expect(page.locator(".search-results > ol.cards")).not_to_contain_text(PANEL["title"])
    await sponsored.get_by_role("link", name=PANEL["title"]).click()
    await expect(page.get_by_role("heading", level=1)).to_have_text(PANEL["title"])
    await page.context.clear_cookies()

    await log_in(page, supplier)
    await page.goto(campaign_url)
    clicks = page.locator("table.ad-clicks")
    await expect(clicks.get_by_role("row")).to_have_count(2)  # the header and the one click
    await expect(clicks.get_by_role("row").nth(1)).to_contain_text("led panel")
    await expect(clicks.get_by_role("row").nth(1)).to_contain_text("charged")
    await page.goto("/my/ads")
    await expect(page.get_by_text("USD 19.9")).to_be_visible()
