"""An admin's day in a real browser: the dashboard says what waits for review, the moderation queue approves one
listing and rejects another with a reason the supplier then reads, and an organisation is suspended with a reason
(refused without one), after which its store is gone for visitors."""

import re

import pytest
from playwright.async_api import Page, expect

from tests.conftest import Actor, ActorFactory
from tests.support.browser import log_in
from tests.support.listings import listing_payload

pytestmark = pytest.mark.browser


async def _submitted(supplier: Actor, title: str) -> int:
    created = await supplier.client.post("/api/v1/listings", json=listing_payload(title=title))
    assert created.status_code == 201, created.text
    listing_id = int(created.json()["id"])
    assert (await supplier.client.post(f"/api/v1/listings/{listing_id}/submit")).status_code == 200
    return listing_id


async def test_an_admin_moderates_from_the_dashboard_and_suspends_an_organisation(
        page: Page, make_actor: ActorFactory) -> None:
    supplier = await make_actor("supplier", organization_name="Lakeside Valves Ltd")
    kept = await _submitted(supplier, "Brass ball valves DN25")
    refused = await _submitted(supplier, "Cheapest valves ever, call +1 555 0100")
    admin = await make_actor("both", admin=True)

    await log_in(page, admin)
    await page.goto("/admin")
    await expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    backlog = page.locator('[data-tile="backlog"]')
    await expect(backlog.locator("dt", has_text="Listings").locator("xpath=following-sibling::dd")).to_have_text("2")
    await backlog.get_by_role("link", name="Open the moderation queue").click()
    await expect(page).to_have_url(re.compile(r"/admin/moderation$"))

    await page.get_by_role("row").filter(has_text="Brass ball valves DN25").get_by_role(
        "button", name="Approve").click()
    row = page.get_by_role("row").filter(has_text="Cheapest valves ever")
    await row.get_by_label("Reason").select_option(label="Contact details in the text")
    await row.get_by_label("Note").fill("Take the phone number out of the title; buyers write through inquiries.")
    await row.get_by_role("button", name="Reject").click()
    await expect(page.get_by_role("row").filter(has_text="Cheapest valves ever")
                 .get_by_role("button", name="Reject")).to_have_count(0)
    statuses = {listing_id: (await supplier.client.get(f"/api/v1/listings/{listing_id}")).json()
                for listing_id in (kept, refused)}
    assert statuses[kept]["status"] == "published"
    assert statuses[refused]["status"] == "rejected"
    assert "phone number out of the title" in statuses[refused]["rejection_reason"]

    await page.goto("/admin")
    await page.get_by_role("navigation", name="Administration").get_by_role(
        "link", name="Organisations and users").click()
    await page.get_by_role("link", name="Lakeside Valves Ltd").click()
    await page.get_by_role("button", name="Suspend the organisation").click()
    await expect(page.locator("#e-reason-organization")).to_be_visible()  # no reason, no suspension
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Active")
    reason = page.get_by_role("textbox", name="Reason for suspending", exact=True)
    await reason.fill("Fake company documents, reported by two buyers.")
    await page.get_by_role("button", name="Suspend the organisation").click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Suspended")

    store = await page.context.request.get(f"/suppliers/{supplier.organization_slug}")
    assert store.status == 404
    assert (await supplier.client.get("/api/v1/me")).status_code in (401, 403)  # its people are signed out
