"""The HS code field of the listing form in a real browser: an unknown code is refused beside the field, naming
the edition of the codes (HS 2022) and the heading that edition has."""

import pytest
from playwright.async_api import Page, expect

from tests.conftest import ActorFactory
from tests.support.browser import log_in

pytestmark = pytest.mark.browser


async def test_an_unknown_hs_code_is_refused_naming_hs_2022(page: Page, make_actor: ActorFactory) -> None:
    supplier = await make_actor("supplier")
    await log_in(page, supplier)
    await page.goto("/my/listings")
    await page.get_by_label("Title").fill("Pure-bred Arabian horses")
    await page.get_by_label("HS code").fill("0101.99")
    await page.get_by_label("Minimum order quantity").fill("1")
    await page.get_by_role("button", name="Save as draft").click()

    await expect(page.locator("#e-hs_code")).to_have_text(
        "HS code 010199 does not exist in HS 2022, the edition of the HS codes used here; heading 0101 does: "
        "choose it or one of its subheadings")
    await expect(page.get_by_label("HS code")).to_have_value("0101.99")
