"""The plan limits in a real browser: /plans lists every limit the policy enforces, in the policy's own words and
with "Yes"/"No" for features, /billing shows usage under the same names, and a refusal says what the plan page says."""

import re

import pytest
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import RfqLimit
from tests.conftest import ActorFactory
from tests.support.browser import log_in
from tests.support.membership import add_listings
from tests.support.rfqs import create_rfq

pytestmark = pytest.mark.browser



def _cells(page: Page, label: str):  # type: ignore[no-untyped-def]
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=re.compile(rf"^{label}")))


async def test_the_plan_page_lists_every_limit_in_the_words_of_the_policy(page: Page) -> None:
    await page.goto("/plans")

    table = page.locator("table.plans")
    await expect(table.get_by_role("columnheader")).to_contain_text(["Free", "Silver", "Gold", "Platinum"])
    listings = _cells(page, "Listings published or waiting for review")
    await expect(listings.get_by_role("cell")).to_have_text(["20", "100", "500", "Unlimited"])
    contacts = _cells(page, "Buyers' contact details")
    await expect(contacts.get_by_role("cell")).to_have_text(["No", "No", "Yes", "Yes"])
    await expect(_cells(page, "Keyword bidding").get_by_role("cell")).to_have_text(["No", "No", "Yes", "Yes"])
    await expect(_cells(page, "Lead views a day").get_by_role("rowheader")).to_contain_text(
        "counted when you open a lead's buyer details or full text")
    daily = _cells(page, "RFQs a day")
    await expect(daily.get_by_role("cell")).to_have_text(["10 on every plan"])
    await expect(_cells(page, "RFQs open or in review at once").get_by_role("cell")).to_have_text(
        ["25 on every plan"])
    for label in ("RFQs a month", "Quotes a month", "Users"):
        await expect(_cells(page, label)).to_have_count(1)


async def test_my_plan_shows_usage_under_the_plan_page_names(page: Page, make_actor: ActorFactory,
                                                             db: AsyncSession) -> None:
    supplier = await make_actor("supplier")
    await add_listings(db, supplier.organization_id, 3)
    await db.commit()
    await log_in(page, supplier)

    await page.goto("/billing")

    usage = page.locator("table.usage")
    await expect(usage).not_to_contain_text("View buyer contact")
    listings = _cells(page, "Listings published or waiting for review")
    await expect(listings.get_by_role("cell")).to_have_text(["3", "20", ""])
    contacts = _cells(page, "Buyers' contact details")
    await expect(contacts.get_by_role("cell")).to_have_text(["", "No", "Upgrade to Gold"])
    await expect(_cells(page, "RFQs a day").get_by_role("cell")).to_have_text(["0", "10", ""])


async def test_a_refusal_says_what_the_plan_page_says(page: Page, make_actor: ActorFactory, db: AsyncSession) -> None:
    supplier = await make_actor("supplier")
    await add_listings(db, supplier.organization_id, 20)
    await db.commit()
    draft = (await supplier.client.post("/api/v1/listings", json={"title": "Socks", "moq": "5",
                                                                  "moq_unit": "pair"})).json()
    await log_in(page, supplier)
    await page.goto("/my/listings")

    row = page.get_by_role("row").filter(has_text="Socks")
    await row.get_by_role("button", name="Submit for review").click()

    alert = page.get_by_role("alert")
    await expect(alert).to_contain_text("Your plan allows 20 listings published or waiting for review")
    await expect(alert).to_contain_text("You use 20 of the 20 your Free plan allows.")
    await expect(alert.get_by_role("link", name="Upgrade to Silver")).to_have_attribute("href", "/plans")
    assert draft["status"] == "draft"


async def test_the_daily_rfq_cap_on_the_form_says_what_the_plan_page_lists(page: Page, make_actor: ActorFactory,
                                                                           db: AsyncSession) -> None:
    buyer = await make_actor("buyer")
    db.add(RfqLimit(organization_id=buyer.organization_id, rfqs_per_day=2, open_rfqs=25))
    await db.commit()
    for n in range(2):
        await create_rfq(buyer.client, title=f"Request {n}")
    await log_in(page, buyer)
    await page.goto("/my/rfqs")
    await page.locator("details.create summary").click()
    await page.get_by_label("Title").fill("Ball valves")
    await page.get_by_label(re.compile(r"^Quantity( \*)?$")).fill("2000")
    await page.get_by_label("Valid until").fill("2099-06-30")
    await page.get_by_role("button", name="Save as draft").click()

    alert = page.get_by_role("alert")
    await expect(alert).to_contain_text("Your organization may create 2 RFQs a day; try again tomorrow")
    await alert.get_by_role("link", name="what every plan allows").click()
    await expect(_cells(page, "RFQs a day").get_by_role("cell")).to_have_text(["2 on every plan"])


async def test_the_open_rfq_cap_on_submit_links_to_the_plan_page(page: Page, make_actor: ActorFactory,
                                                                 db: AsyncSession) -> None:
    buyer = await make_actor("buyer")
    db.add(RfqLimit(organization_id=buyer.organization_id, rfqs_per_day=10, open_rfqs=1))
    await db.commit()
    first = await create_rfq(buyer.client, title="Request 1")
    assert (await buyer.client.post(f"/api/v1/rfqs/{first['id']}/submit")).status_code == 200
    await create_rfq(buyer.client, title="Request 2")
    await log_in(page, buyer)
    await page.goto("/my/rfqs")

    await page.get_by_role("row").filter(has_text="Request 2").get_by_role("button", name="Submit for review").click()

    alert = page.get_by_role("alert")
    await expect(alert).to_contain_text("Your organization may have 1 RFQ open or in review at once; close it first")
    await alert.get_by_role("link", name="what every plan allows").click()
    await expect(_cells(page, "RFQs open or in review at once").get_by_role("cell")).to_have_text(["1 on every plan"])
