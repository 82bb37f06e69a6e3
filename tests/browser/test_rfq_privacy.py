"""Who the buyer of an RFQ is, in a real browser: an anonymous visitor and a Free supplier see only the buyer's
country (and the visitor an excerpt of the request), a Gold supplier sees the company and its contact, the buyer
its own name."""

import pytest
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import ActorFactory
from tests.support.browser import fill_login_form
from tests.support.membership import put_on_tier
from tests.support.pages import open_rfq

pytestmark = pytest.mark.browser

COMPANY = "Hamburg Kaffeekontor GmbH"
DESCRIPTION = ("Green arabica coffee, washed, screen 16 and up, moisture under 12.5 percent, crop 2026, in 60 kg "
               "jute bags with GrainPro liners; SCA cupping score 82 or better. We buy today from Fazenda Boa Vista.")



async def _log_out(page: Page) -> None:
    await page.context.clear_cookies()


async def test_the_rfq_page_names_the_buyer_only_where_the_plan_shows_buyers(
        page: Page, make_actor: ActorFactory, db: AsyncSession) -> None:
    buyer = await make_actor("buyer", admin=True, country="DE", organization_name=COMPANY)
    rfq = await open_rfq(buyer, description=DESCRIPTION)
    free, gold = await make_actor("supplier"), await make_actor("supplier")
    await put_on_tier(db, gold.organization_id, "gold")
    await db.commit()
    head, description = page.locator(".detail-head"), page.locator("section.description")

    await page.goto(f"/rfqs/{rfq['id']}")
    await expect(head).to_contain_text("A buyer in Germany")
    await expect(page.locator("body")).not_to_contain_text("Kaffeekontor")
    await expect(description).not_to_contain_text("Fazenda Boa Vista")
    await description.get_by_role("link", name="Sign in").click()

    await fill_login_form(page, free)
    await expect(page).to_have_url(f"/rfqs/{rfq['id']}")
    await expect(description).to_contain_text("Fazenda Boa Vista")
    await expect(head).to_contain_text("A buyer in Germany")
    await expect(page.locator("main")).not_to_contain_text("Kaffeekontor")
    await expect(page.get_by_role("heading", name="Buyer contact")).to_have_count(0)

    await _log_out(page)
    await page.goto(f"/login?next=/rfqs/{rfq['id']}")
    await fill_login_form(page, gold)
    await expect(head.locator(".org-name")).to_have_text(COMPANY)
    contact = page.locator("section.contact")
    await expect(contact.get_by_role("heading", name="Buyer contact")).to_be_visible()
    await expect(contact).to_contain_text(buyer.email)

    await _log_out(page)
    await page.goto(f"/login?next=/rfqs/{rfq['id']}")
    await fill_login_form(page, buyer)
    await expect(head.locator(".org-name")).to_have_text(COMPANY)
    await expect(description).to_contain_text("Fazenda Boa Vista")
