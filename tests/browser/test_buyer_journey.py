"""A buyer from sign-up to an award, in a real browser: the RFQ form, a drawing attached on the RFQ page, submitting
it; once an admin opens it and a supplier quotes, the matched suppliers, the comparison and the award."""

import re

import pytest
from fastapi import FastAPI
from playwright.async_api import Page, expect

from search.indexer import drain_all
from tests.conftest import ActorFactory
from tests.rfqs.test_attachments import PDF
from tests.support.pages import PASSWORD, published_listing
from tests.support.rfqs import days_from_today

pytestmark = pytest.mark.browser


async def test_a_buyer_signs_up_asks_with_a_drawing_and_awards_a_quote(page: Page, app: FastAPI,
                                                                      make_actor: ActorFactory) -> None:
    supplier = await make_actor("supplier", admin=True, organization_name="Ningbo Knitwear Co")
    await published_listing(supplier, title="Organic cotton T-shirts")
    await page.goto("/register")
    for label, value in {"E-mail": "lea@example.com", "Password (at least 10 characters)": PASSWORD,
                         "Your name": "Lea Novak", "Organization name": "Novak Retail d.o.o."}.items():
        await page.get_by_label(label).fill(value)
    await page.get_by_label("Role").select_option("buyer")
    await page.get_by_label("Country").select_option("SI")
    await page.get_by_role("button", name="Sign up").click()
    await expect(page).to_have_url(re.compile(r"/my/rfqs$"))

    await page.get_by_label("Title").fill("Organic cotton T-shirts with our print")
    await page.get_by_label(re.compile(r"^Quantity( \*)?$")).fill("3000")
    await page.get_by_label(re.compile(r"^Unit( \*)?$")).select_option("piece")
    await page.get_by_label("Valid until").fill(days_from_today(40).isoformat())
    await page.get_by_label("HS code").fill("6109.10")
    await page.get_by_role("button", name="Save as draft").click()
    row = page.get_by_role("row").filter(has_text="Organic cotton T-shirts with our print")
    rfq_id = await row.get_attribute("data-id")

    await page.goto(f"/rfqs/{rfq_id}")
    await page.get_by_label("Attach a drawing or specification").set_input_files(
        {"name": "print-layout.pdf", "mimeType": "application/pdf", "buffer": PDF})
    await page.get_by_role("button", name="Attach", exact=True).click()
    await expect(page.locator(".attachment-list")).to_contain_text("print-layout.pdf")
    await page.goto("/my/rfqs")
    await page.get_by_role("row").filter(has_text="Organic cotton T-shirts with our print").get_by_role(
        "button", name="Submit for review").click()

    assert (await supplier.client.post(f"/api/v1/rfqs/{rfq_id}/approve")).status_code == 200
    await drain_all(app.state.sessionmaker, app.state.search)
    quote = await supplier.client.post(f"/api/v1/rfqs/{rfq_id}/quotes", json={
        "quantity": "3000", "unit": "piece", "unit_price": "2.90", "currency": "USD", "incoterm": "FOB",
        "valid_until": days_from_today(30).isoformat()})
    assert quote.status_code == 201, quote.text

    await page.goto(f"/rfqs/{rfq_id}")
    await page.get_by_role("link", name="Matched suppliers, with why each one matches").click()
    await expect(page.locator("main")).to_contain_text("Ningbo Knitwear Co")
    await page.goto(f"/rfqs/{rfq_id}/comparison")
    offer = page.locator(f'tr[data-quote="{quote.json()["id"]}"]')
    await expect(offer).to_contain_text("8,700 USD")
    await offer.get_by_role("button", name="Award").click()
    await expect(page).to_have_url(re.compile(rf"/rfqs/{rfq_id}$"))
    await expect(page.locator(".detail-head .badge")).to_have_text("awarded")
