"""Plans in a real browser: an admin finds the plan editor from the billing page, changes Silver's monthly price,
and /plans shows the new price."""

import re
from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from playwright.async_api import Page, expect

from tests.billing.admin_pages import tiers_restored
from tests.conftest import ActorFactory
from tests.support.browser import log_in

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
async def _tiers_as_seeded(app: FastAPI) -> AsyncIterator[None]:
    async with tiers_restored(app):
        yield


async def test_an_admin_edits_the_silver_price_and_sees_it_on_the_plans_page(page: Page,
                                                                             make_actor: ActorFactory) -> None:
    await log_in(page, await make_actor("both", admin=True))
    await page.goto("/admin/billing")
    await page.get_by_role("link", name="Plans and prices: edit").click()
    await page.get_by_role("link", name="Edit Silver").click()
    price = page.get_by_label("Price per month (USD)")
    await expect(price).to_have_value("49")

    await price.fill("12.345")
    await page.get_by_role("button", name="Save the plan").click()
    await expect(page.locator("#e-price_monthly")).to_have_text(
        "Decimal input should have no more than 2 decimal places")
    await expect(page.get_by_label("Price per month (USD)")).to_have_value("12.345")

    await page.get_by_label("Price per month (USD)").fill("55.00")
    await page.get_by_role("button", name="Save the plan").click()
    await expect(page).to_have_url(re.compile(r"/admin/plans\?saved=silver$"))
    await expect(page.get_by_role("status")).to_have_text("Silver saved: the plans page shows the new values.")
    await expect(page.locator('tr[data-plan="silver"] td').first).to_have_text("55 USD")

    await page.goto("/plans")
    monthly = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Monthly"))
    await expect(monthly.get_by_role("cell")).to_have_text(["0 USD", "55 USD", "149 USD", "399 USD"])
