"""Verification in a real browser: a supplier asks from its account menu with a scanned licence, an administrator
approves it from the queue, and a visitor finds the badge on the store with its issuer and expiry."""

import re
from datetime import timedelta

import pytest
from playwright.async_api import Page, expect

from app.core.clock import today
from tests.conftest import ActorFactory
from tests.support.browser import log_in
from tests.support.verifications import PDF

pytestmark = pytest.mark.browser


async def test_a_supplier_is_verified_and_visitors_see_the_badge(page: Page, make_actor: ActorFactory) -> None:
    supplier = await make_actor("supplier", organization_name="Qingdao Marine Ropes Co")
    admin = await make_actor("buyer", admin=True)
    expiry = today() + timedelta(days=400)

    await log_in(page, supplier)
    await page.locator(".nav-menu summary").click()
    await page.get_by_role("link", name="Verifications").click()
    await page.get_by_role("link", name="Ask for a verification").click()
    await page.get_by_label("What to verify").select_option("management_system")
    await page.get_by_label("Issuer").fill("Bureau Veritas Certification")
    await page.get_by_label("Certificate or licence number").fill("CN-QMS-55120")
    await page.get_by_label("Issued on").fill((today() - timedelta(days=30)).isoformat())
    await page.get_by_label("Expires on").fill(expiry.isoformat())
    await page.get_by_label("Evidence").set_input_files({"name": "iso9001.pdf", "mimeType": "application/pdf",
                                                        "buffer": PDF})
    await page.get_by_role("button", name="Send for review").click()
    await expect(page.locator("#e-standard")).to_have_text(re.compile("Name the standard it certifies"))
    await page.get_by_label("Standard certified").fill("ISO 9001:2015")
    await page.get_by_label("Evidence").set_input_files({"name": "iso9001.pdf", "mimeType": "application/pdf",
                                                        "buffer": PDF})
    await page.get_by_role("button", name="Send for review").click()
    await expect(page.locator("h1")).to_have_text("Management-system certificate · ISO 9001:2015")
    await expect(page.get_by_role("link", name="iso9001.pdf")).to_be_visible()

    await page.context.clear_cookies()
    await log_in(page, admin)
    await page.locator(".nav-menu summary").click()
    await page.get_by_role("link", name="Verification requests").click()
    await page.get_by_role("link", name="Management-system certificate · ISO 9001:2015").click()
    await page.get_by_role("button", name="Approve").click()
    await expect(page).to_have_url(re.compile(r"/admin/verifications$"))
    await expect(page.get_by_text("No request here.")).to_be_visible()

    await page.context.clear_cookies()
    await page.goto(f"/suppliers/{supplier.organization_slug}")
    badge = page.locator(".store-badges .badge.verified")
    await expect(badge).to_have_text(re.compile(r"^✓ Management-system certificate · ISO 9001:2015 \(Checked"))
    await badge.focus()  # what a tap does on a phone: the facts show beside it
    facts = await badge.evaluate("badge => getComputedStyle(badge, '::after').content")
    assert "Bureau Veritas Certification, no. CN-QMS-55120" in facts
    await expect(badge).to_have_attribute("data-facts", re.compile(f"Bureau Veritas Certification, no. CN-QMS-55120, "
                                                              f"valid until {expiry.isoformat()}"))
    await expect(page.locator(".store-badges")).to_contain_text(f"valid until {expiry.isoformat()}")
