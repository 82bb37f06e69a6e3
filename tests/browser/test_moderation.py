"""The moderation queue in a real browser: a reason must be chosen, "Other" needs a note (said on the note field),
and the decision log names the admin."""

import re

import pytest
from playwright.async_api import Page, expect

from tests.conftest import ActorFactory
from tests.support.browser import log_in
from tests.support.pages import T_SHIRT

pytestmark = pytest.mark.browser


async def test_an_admin_must_choose_a_reason_and_explain_other(page: Page, make_actor: ActorFactory) -> None:
    supplier = await make_actor("supplier")
    created = await supplier.client.post("/api/v1/listings", json={**T_SHIRT, "title": "Copper wire"})
    assert (await supplier.client.post(f"/api/v1/listings/{created.json()['id']}/submit")).status_code == 200
    admin = await make_actor("both", admin=True)

    await log_in(page, admin)
    await page.goto("/admin/moderation")
    row = page.get_by_role("row").filter(has_text="Copper wire")
    reason = row.get_by_label("Reason")

    await expect(reason).to_have_value("")
    await row.get_by_role("button", name="Reject").click()  # the browser asks for a reason: nothing is sent
    await expect(page).to_have_url(re.compile(r"/admin/moderation$"))
    assert await reason.evaluate("select => select.validity.valueMissing")

    await reason.select_option("other")
    await row.get_by_role("button", name="Reject").click()
    row = page.get_by_role("row").filter(has_text="Copper wire")
    await expect(row.locator(".field-error")).to_have_text(
        'Write a note: the owner needs to know why when the reason is "Other"')
    await expect(row.get_by_label("Note")).to_have_attribute("aria-invalid", "true")
    await expect(row.get_by_label("Reason")).to_have_value("other")

    await row.get_by_label("Note").fill("Copper grade is not stated")
    await row.get_by_role("button", name="Reject").click()
    await expect(page.locator("table.decisions tbody tr").first).to_contain_text("Copper grade is not stated")
    await expect(page.locator("table.decisions tbody tr td").last).to_have_text("User 2")
