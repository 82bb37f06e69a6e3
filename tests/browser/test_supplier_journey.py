"""A supplier from sign-up to a product buyers can find, in a real browser: the company profile and logo, a
listing with price tiers, its picture, submitting it with the bulk action; once an admin publishes it, a buyer's
matching RFQ reaches it as a lead, it quotes and finds the quote under Quotes sent, and its store shows the
listing."""

import re

import pytest
from fastapi import FastAPI
from playwright.async_api import Page, expect

from search.indexer import drain_all
from tests.conftest import ActorFactory
from tests.support.images import picture
from tests.support.pages import PASSWORD, open_rfq

pytestmark = pytest.mark.browser


async def test_supplier_signs_up_builds_a_listing_and_it_reaches_the_store(page: Page, app: FastAPI,
                                                                           make_actor: ActorFactory) -> None:
    await page.goto("/register")
    for label, value in {"E-mail": "ines@example.com", "Password (at least 10 characters)": PASSWORD,
                         "Your name": "Ines Costa", "Organization name": "Costa Cutelaria Lda"}.items():
        await page.get_by_label(label).fill(value)
    await page.get_by_label("Role").select_option("supplier")
    await page.get_by_label("Country").select_option("PT")
    await page.get_by_role("button", name="Sign up").click()
    await expect(page).to_have_url(re.compile(r"/my/listings$"))

    await page.locator(".nav-menu summary").click()
    await page.get_by_role("link", name="Account and sessions").click()
    await page.get_by_role("link", name="Company profile").click()
    await page.get_by_label("City").fill("Guimaraes")
    await page.get_by_label("Business type").select_option("manufacturer")
    await page.get_by_label("Year established").fill("1962")
    await page.get_by_label("Certifications").fill("ISO 9001, LFGB")
    await page.get_by_role("button", name="Save the profile").click()
    await expect(page.get_by_role("status")).to_have_text("Company profile saved.")
    await page.get_by_label("Upload a logo").set_input_files(
        {"name": "logo.png", "mimeType": "image/png", "buffer": picture("PNG", (600, 600))})
    await page.get_by_role("button", name="Upload", exact=True).click()
    await expect(page.get_by_role("status")).to_have_text("Logo saved.")
    await expect(page.get_by_alt_text("Logo of Costa Cutelaria Lda")).to_be_visible()

    await page.goto("/my/listings")
    fields = {"Title": "Forged chef knife 20 cm", "HS code": "8211.91", "Minimum order quantity": "100",
              "Currency": "EUR", "Tier 1: from quantity": "100", "Tier 1: unit price": "9.80",
              "Tier 2: from quantity": "500", "Tier 2: unit price": "8.60"}
    for label, value in fields.items():
        await page.get_by_label(label).fill(value)
    await page.get_by_role("button", name="Save as draft").click()
    row = page.get_by_role("row").filter(has_text="Forged chef knife 20 cm")
    await expect(row).to_contain_text("EUR 8.6")  # the range comes from the tiers

    await row.get_by_role("link", name="Forged chef knife 20 cm").click()
    await page.get_by_label("Add an image").set_input_files(
        {"name": "knife.jpg", "mimeType": "image/jpeg", "buffer": picture("JPEG", (800, 600))})
    await page.get_by_label("What it shows").fill("The knife on a walnut board")
    await page.get_by_role("button", name="Upload image").click()
    await expect(page.locator(".gallery-main img")).to_have_attribute("alt", "The knife on a walnut board")
    await expect(page.locator("table.price-tiers")).to_contain_text("500 piece or more")

    await page.goto("/my/listings")
    await page.get_by_label("Tick Forged chef knife 20 cm").check()
    await page.get_by_role("button", name="Submit for review").first.click()
    await expect(page.get_by_role("status")).to_contain_text("Submit for review: 1 done.")

    admin = await make_actor("both", admin=True)
    mine = (await admin.client.get("/api/v1/listings", params={"status": "pending_review"})).json()["items"]
    [listing] = [item for item in mine if item["title"] == "Forged chef knife 20 cm"]
    assert (await admin.client.post(f"/api/v1/listings/{listing['id']}/publish")).status_code == 200
    rfq = await open_rfq(admin, title="Forged chef knives 20 cm for a restaurant supply chain", hs_code="821191",
                         description="Forged stainless chef knives, 20 cm blade, gift boxed.", quantity="300",
                         unit="piece", target_unit_price="9.50", currency="EUR", destination_country="DE")
    await drain_all(app.state.sessionmaker, app.state.search)

    await page.goto("/leads")  # the buyer's request reaches the supplier as a lead, and it quotes
    lead = page.locator(".lead").filter(has_text=rfq["title"])
    await expect(lead).to_contain_text("Your listing: Forged chef knife 20 cm")
    await lead.get_by_role("link", name="Open this lead").click()
    for label, value in {"Unit price": "9.40", "Currency": "EUR", "Quantity": "300", "Lead time (days)": "35"}.items():
        await page.get_by_label(label).fill(value)
    await page.get_by_role("button", name="Send quote").click()
    await expect(page.get_by_role("heading", name="Your quote")).to_be_visible()
    await page.locator(".nav-menu summary").click()
    await page.get_by_role("link", name="Quotes sent").click()
    sent = page.get_by_role("row").filter(has_text=rfq["title"])
    await expect(sent).to_contain_text("submitted")
    await expect(sent).to_contain_text("9.4 EUR")

    await page.locator(".nav-menu summary").click()
    await page.get_by_role("button", name="Log out").click()
    await page.goto("/suppliers?q=chef+knife")
    await page.get_by_role("link", name="Costa Cutelaria Lda").click()
    await expect(page.get_by_label("Company facts")).to_contain_text("since 1962")
    logo = page.get_by_alt_text("Logo of Costa Cutelaria Lda")
    assert await logo.evaluate("image => image.complete && image.naturalWidth") == 256
    card = page.locator(".store-products .listing-card").filter(has_text="Forged chef knife 20 cm")
    await expect(card.locator("img.card-cover")).to_have_attribute("alt", "The knife on a walnut board")
