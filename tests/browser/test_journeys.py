"""What a person does in a real browser: sign up, manage listings, log out and in, browse the marketplace."""

import re

import pytest
from playwright.async_api import Page, expect

from tests.support.pages import EN_DASH, PASSWORD, published_listing

pytestmark = pytest.mark.browser


async def _fill(page: Page, fields: dict[str, str]) -> None:
    """Types into the fields named by their labels (required ones end with a "*")."""
    for label, value in fields.items():
        await page.get_by_label(label).fill(value)


async def test_supplier_signs_up_creates_and_submits_a_listing_then_logs_out_and_in(page: Page, tmp_path):
    await page.goto("/")
    await page.get_by_role("link", name="Sign up", exact=True).click()
    await _fill(page, {"E-mail": "anna@example.com", "Password (at least 10 characters)": PASSWORD,
                       "Your name": "Anna Berg", "Organization name": "Berg Textiles"})
    await page.get_by_label("Role").select_option("supplier")
    await page.get_by_label("Country").select_option("PT")
    await page.get_by_role("button", name="Sign up").click()

    await expect(page).to_have_url(re.compile(r"/my/listings$"))
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Berg Textiles")

    await _fill(page, {"Title": "Li", "Minimum order quantity": "100"})
    await page.get_by_role("button", name="Save as draft").click()
    await expect(page.locator("#e-title")).to_have_text("String should have at least 3 characters")

    await _fill(page, {"Title": "Linen bed sheets", "HS code": "6302.31", "Minimum order quantity": "100",
                       "Price from": "18", "Price to": "24.5", "Currency": "EUR"})
    await page.get_by_label(re.compile(r"^Unit")).select_option("set")  # not the tiers' "unit price"
    await page.get_by_role("button", name="Save as draft").click()

    row = page.get_by_role("row").filter(has_text="Linen bed sheets")
    await expect(row.locator(".badge")).to_have_text("draft")
    await expect(row).to_contain_text(f"EUR 18 {EN_DASH} 24.5")
    await row.get_by_role("button", name="Submit for review").click()
    await expect(row.locator(".badge")).to_have_text("pending review")
    await page.screenshot(path=str(tmp_path / "my-listings.png"), full_page=True)

    await page.locator(".nav-menu summary").click()
    await page.get_by_role("button", name="Log out").click()
    await expect(page).to_have_url(re.compile(r"/$"))
    await expect(page.get_by_role("link", name="Log in", exact=True)).to_be_visible()

    await page.get_by_role("link", name="Log in", exact=True).click()
    await _fill(page, {"E-mail": "anna@example.com", "Password": PASSWORD})
    await page.get_by_role("button", name="Log in").click()
    await expect(page).to_have_url(re.compile(r"/my/listings$"))
    await expect(row.locator(".badge")).to_have_text("pending review")


async def test_visitor_finds_a_published_listing_on_home_and_opens_it(page: Page, make_actor, tmp_path):
    supplier = await make_actor("supplier", admin=True, organization_name="Ningbo Knitwear Co")
    listing = await published_listing(supplier)

    await page.goto("/")
    card = page.locator(".listing-card").filter(has_text="Organic cotton T-shirts")
    await expect(card).to_contain_text("Ningbo Knitwear Co")
    await expect(card).to_contain_text(f"USD 2.5 {EN_DASH} 3.2")
    await page.screenshot(path=str(tmp_path / "home.png"), full_page=True)

    await card.get_by_role("link", name="Organic cotton T-shirts").click()

    await expect(page).to_have_url(re.compile(rf"/listings/{listing['id']}$"))
    await expect(page.get_by_role("heading", level=1)).to_have_text("Organic cotton T-shirts")
    await expect(page.locator(".org-name")).to_have_text("Ningbo Knitwear Co")
    await expect(page.locator(".hs-description")).to_have_text(
        "T-shirts, singlets and other vests; of cotton, knitted or crocheted")
    await page.screenshot(path=str(tmp_path / "listing.png"), full_page=True)
