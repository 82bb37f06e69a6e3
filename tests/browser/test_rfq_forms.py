"""The RFQ and quote forms in a real browser: every RFQ field that matching or the completeness score reads is on
the RFQ form, and a supplier's quote form starts from what the RFQ asks."""

import re

import pytest
from playwright.async_api import Page, expect

from tests.conftest import ActorFactory
from tests.support.browser import log_in
from tests.support.pages import open_rfq

pytestmark = pytest.mark.browser


def _named(label: str) -> re.Pattern[str]:
    """A field's label exactly ("Unit", not "Unit price"), with or without the required-field star."""
    return re.compile(rf"^{label}( \*)?$")



async def test_a_buyer_states_certifications_port_and_what_is_required(page: Page, make_actor: ActorFactory) -> None:
    buyer = await make_actor("buyer")
    await log_in(page, buyer)
    await page.goto("/my/rfqs")
    await page.get_by_label("Title").fill("Stainless steel ball valves DN50")
    await page.get_by_label(_named("Quantity")).fill("2000")
    await page.get_by_label(_named("Unit")).select_option("piece")
    await page.get_by_label("Valid until").fill("2099-06-30")
    await page.get_by_label("Destination country", exact=True).select_option("DE")
    await page.get_by_label("Destination port").fill("Hamburg")
    await page.get_by_label("Required certifications").fill("ISO 9001, CE,  iso 9001")
    await page.get_by_label("Holds every certification I require").check()
    await page.get_by_label("Verified supplier").check()
    await page.get_by_role("button", name="Save as draft").click()

    await expect(page).to_have_url(re.compile(r"/my/rfqs$"))
    row = page.get_by_role("row").filter(has_text="Stainless steel ball valves DN50")
    await expect(row.locator(".completeness")).not_to_contain_text("Certifications")
    rfq_id = await row.get_attribute("data-id")
    stored = (await buyer.client.get(f"/api/v1/rfqs/{rfq_id}")).json()
    assert stored["destination_port"] == "Hamburg"
    assert stored["required_certifications"] == ["ISO 9001", "CE"]
    assert sorted(stored["required_constraints"]) == ["certifications", "trust"]

    await row.get_by_role("link", name="Stainless steel ball valves DN50").click()
    await expect(page.locator("main")).to_contain_text("Hamburg")
    await expect(page.locator("main")).to_contain_text("ISO 9001")


async def test_a_refused_rfq_form_keeps_the_ticked_boxes_and_typed_certifications(
        page: Page, make_actor: ActorFactory) -> None:
    buyer = await make_actor("buyer")
    await log_in(page, buyer)
    await page.goto("/my/rfqs")
    await page.get_by_label("Title").fill("Ball valves")
    await page.get_by_label(_named("Quantity")).fill("2000")
    await page.get_by_label("Required certifications").fill("ISO 9001, " + "x" * 90)
    await page.get_by_label("Holds every certification I require").check()
    await page.get_by_role("button", name="Save as draft").click()

    await expect(page.locator("#e-valid_until")).to_be_visible()
    await expect(page.locator("#e-required_certifications")).to_contain_text("at most 80 characters")
    await expect(page.get_by_label("Required certifications")).to_have_value("ISO 9001, " + "x" * 90)
    await expect(page.get_by_label("Holds every certification I require")).to_be_checked()
    await expect(page.get_by_label("Verified supplier")).not_to_be_checked()
    assert (await buyer.client.get("/api/v1/rfqs", params={"organization": buyer.organization_slug})
            ).json()["total"] == 0


async def test_the_quote_form_starts_from_the_rfq_quantity_unit_currency_and_incoterm(
        page: Page, make_actor: ActorFactory) -> None:
    buyer = await make_actor("buyer", admin=True)
    rfq = await open_rfq(buyer, quantity="1000", unit="kg", currency="EUR", incoterm="CIF")
    supplier = await make_actor("supplier")
    await log_in(page, supplier)
    await page.goto(f"/rfqs/{rfq['id']}")

    await expect(page.get_by_label(_named("Quantity"))).to_have_value("1000")
    await expect(page.get_by_label(_named("Unit"))).to_have_value("kg")
    await expect(page.get_by_label("Currency")).to_have_value("EUR")
    await expect(page.get_by_label("Incoterm")).to_have_value("CIF")
    await expect(page.get_by_label("Unit price")).to_have_value("")
