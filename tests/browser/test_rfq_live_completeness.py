"""The completeness score under the RFQ form follows what the buyer types, in a real browser (the page's one
script asks the server, which scores with the rule saved RFQs are scored by)."""

import pytest
from playwright.async_api import Page, expect

from tests.conftest import ActorFactory
from tests.support.browser import log_in

pytestmark = pytest.mark.browser


async def test_the_score_rises_as_the_buyer_fills_in_the_form(page: Page, make_actor: ActorFactory) -> None:
    await log_in(page, await make_actor("buyer"))
    await page.goto("/my/rfqs")
    score = page.locator("#live-completeness")
    await expect(score).to_contain_text("Completeness 0/100")

    await page.get_by_label("HS code").fill("7318.15")
    await expect(score).to_contain_text("Completeness 20/100")
    await page.locator("#f-quantity").fill("5000")  # the unit is chosen already
    await page.get_by_label("Destination country", exact=True).select_option("DE")
    await expect(score).to_contain_text("Completeness 50/100: add Target price, Incoterm, Certifications")
    await page.get_by_label("Target unit price").fill("-1")  # not a price: still missing, nothing breaks
    await expect(score).to_contain_text("Completeness 50/100")
    await page.get_by_label("Target unit price").fill("0.12")
    await expect(score).to_contain_text("Completeness 65/100")
