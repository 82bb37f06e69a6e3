"""The admin's journey in a real browser: from the dashboard to an organisation, a suspension refused without a
reason (said beside the field), then made; its member's login is refused with the reason why and its store is gone,
until it is reactivated. No serious accessibility violation on the two new pages (axe-core)."""

import re

import pytest
from playwright.async_api import Browser, Page, expect

from tests.browser.test_accessibility import _violations
from tests.conftest import ActorFactory
from tests.support.browser import log_in

pytestmark = pytest.mark.browser


async def test_an_admin_suspends_an_organisation_and_reactivates_it(page: Page, browser: Browser, live_server: str,
                                                                    make_actor: ActorFactory) -> None:
    admin = await make_actor("both", admin=True)
    supplier = await make_actor("supplier", organization_name="Shady Exports Ltd")
    await log_in(page, admin)

    await page.goto("/admin")
    await page.get_by_role("link", name="Organisations and users").click()
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
