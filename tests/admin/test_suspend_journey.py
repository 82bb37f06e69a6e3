"""The admin's journey in a real browser: a supplier's listing in the moderation queue, rejected only with a reason
(and a note for "Other", said beside the field); the supplier reads the reason in My listings and submits again; the
admin approves it and the dashboard counts it; then an organisation suspended, refused without a reason, made with
one; its member's login is refused with the reason why and its store is gone, until it is reactivated. No serious
accessibility violation on the organisation pages (axe-core)."""

import re

import pytest
from playwright.async_api import Browser, Page, expect

from tests.browser.test_accessibility import _violations
from tests.conftest import Actor, ActorFactory
from tests.support.browser import log_in
from tests.support.pages import T_SHIRT

pytestmark = pytest.mark.browser


async def test_an_admin_suspends_an_organisation_and_reactivates_it(page: Page, browser: Browser, live_server: str,
                                                                    make_actor: ActorFactory) -> None:
    admin = await make_actor("both", admin=True)
    supplier = await make_actor("supplier", organization_name="Shady Exports Ltd")
    created = await supplier.client.post("/api/v1/listings", json={**T_SHIRT, "title": "Copper wire"})
    assert (await supplier.client.post(f"/api/v1/listings/{created.json()['id']}/submit")).status_code == 200
    await log_in(page, admin)
    await _moderate(page, browser, live_server, supplier)

    await page.goto("/admin")  # the dashboard counts the listing just published and an empty queue
    await expect(page.locator('[data-tile="published_listings"] .tile-figure')).to_have_text("1")
    await expect(page.locator('[data-tile="backlog"] dd').first).to_have_text("0")
    await page.get_by_label("Administration").get_by_role("link", name="Organisations and users").click()
    await page.get_by_label("Name, slug or country code").fill("shady")
    await page.get_by_role("button", name="Search").click()
    assert await _violations(page) == []
    await page.get_by_role("link", name="Shady Exports Ltd").click()
    await expect(page).to_have_url(re.compile(rf"/admin/organizations/{supplier.organization_slug}$"))
    assert await _violations(page) == []

    await page.get_by_role("button", name="Suspend the organisation").click()
    reason = page.get_by_label(re.compile(r"^Reason for suspending\W*$"))  # the organisation's, not a member's
    await expect(page.locator("#e-reason-organization")).to_have_text(
        "Give the reason: it is kept in the organisation's account log")
    await expect(reason).to_have_attribute("aria-invalid", "true")
    await reason.fill("Counterfeit goods reported")
    await page.get_by_role("button", name="Suspend the organisation").click()
    await expect(page.get_by_role("status")).to_have_text("The organisation is suspended.")
    await expect(page.get_by_role("row").filter(has_text="Counterfeit goods reported")).to_be_visible()

    supplier_context = await browser.new_context(base_url=live_server)
    try:
        their_page = await supplier_context.new_page()
        await log_in(their_page, supplier)
        await expect(their_page.get_by_role("alert")).to_contain_text("Shady Exports Ltd is suspended on this platform")
        store = await their_page.goto(f"/suppliers/{supplier.organization_slug}")
        assert store is not None and store.status == 404

        await page.get_by_label("Reason for reactivating").fill("Documents checked")
        await page.get_by_role("button", name="Reactivate the organisation").click()
        await expect(page.get_by_role("status")).to_have_text("The organisation is reactivated.")
        await log_in(their_page, supplier)
        await expect(their_page).to_have_url(re.compile(r"/my/listings$"))
    finally:
        await supplier_context.close()


async def _moderate(page: Page, browser: Browser, live_server: str, supplier: Actor) -> None:
    """Reject with a reason (the browser asks for one; "Other" needs a note), the supplier resubmits, approve."""
    await page.locator(".nav-menu summary").click()
    await page.get_by_role("link", name="Moderation queue").click()
    row = page.get_by_role("row").filter(has_text="Copper wire")
    reason = row.get_by_label("Reason")
    await row.get_by_role("button", name="Reject").click()  # no reason chosen: the browser sends nothing
    assert await reason.evaluate("select => select.validity.valueMissing")
    await reason.select_option("other")
    await row.get_by_role("button", name="Reject").click()
    row = page.get_by_role("row").filter(has_text="Copper wire")
    await expect(row.locator(".field-error")).to_have_text(
        'Write a note: the owner needs to know why when the reason is "Other"')
    await expect(row.get_by_label("Note")).to_have_attribute("aria-invalid", "true")
    await row.get_by_label("Note").fill("Copper grade is not stated")
    await row.get_by_role("button", name="Reject").click()
    await expect(page.locator("table.decisions tbody tr").first).to_contain_text("Copper grade is not stated")

    supplier_context = await browser.new_context(base_url=live_server)
    try:
        their_page = await supplier_context.new_page()
        await log_in(their_page, supplier)
        mine = their_page.get_by_role("row").filter(has_text="Copper wire")
        await expect(mine).to_contain_text("Rejected: Other: Copper grade is not stated")
        await mine.get_by_role("button", name="Submit for review").click()
        await expect(their_page.get_by_role("row").filter(has_text="Copper wire")).to_contain_text("pending review")
    finally:
        await supplier_context.close()

    await page.reload()
    await page.get_by_role("row").filter(has_text="Copper wire").get_by_role("button", name="Approve").click()
    await expect(page.locator("table.decisions tbody tr").first).to_contain_text("approved")
