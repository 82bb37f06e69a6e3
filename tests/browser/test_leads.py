"""A Free supplier's leads in a real browser: the list spends nothing, opening a lead counts it once (whole request
shown), and when the day's leads are used up the next one stays at what the list shows, saying why."""

import re

import pytest
from fastapi import FastAPI
from playwright.async_api import Page, expect

from search.backend import SearchBackend
from tests.conftest import ActorFactory
from tests.matching.conftest import index_now, open_rfq, published_listing
from tests.support.browser import log_in

pytestmark = pytest.mark.browser
FREE_LEADS = 5
DETAILS = ("Washed arabica, screen 16 and up, moisture under 12.5 percent, crop 2026, in 60 kg jute bags with "
           "GrainPro liners, SCA score 82 or better; lot {n} ships from Santos")


@pytest.fixture
async def engine(app: FastAPI) -> SearchBackend:
    """The app's search engine, emptied (the live server shares its index)."""
    backend: SearchBackend = app.state.search
    await backend.drop()
    return backend


async def test_a_lead_counts_when_opened_not_when_listed(page: Page, app: FastAPI, engine: SearchBackend,
                                                         make_actor: ActorFactory) -> None:
    admin = await make_actor("both", admin=True)
    roaster = await make_actor("supplier", organization_name="Minas Coffee", country="BR")
    await published_listing(roaster, admin, title="Green coffee beans arabica", hs_code="090111", moq="1",
                            moq_unit="metric_ton")
    buyer = await make_actor("buyer", organization_name="Hamburg Imports", country="DE")
    rfqs = [await open_rfq(buyer, admin, title=f"Green coffee beans lot {n}", hs_code="090111",
                           description=DETAILS.format(n=n)) for n in range(1, FREE_LEADS + 2)]
    await index_now(app)
    await log_in(page, roaster)

    await page.goto("/leads")
    await page.reload()
    allowance = page.locator(".allowance")
    await expect(allowance).to_contain_text(f"You can open {FREE_LEADS} more of your plan's {FREE_LEADS} leads today")
    await expect(page.locator("li.lead")).to_have_count(len(rfqs))
    await expect(page.locator(".leads")).not_to_contain_text("Hamburg Imports")

    await page.locator("li.lead").filter(has_text="lot 1").get_by_role("link", name="Open this lead").click()
    await expect(page).to_have_url(re.compile(rf"/rfqs/{rfqs[0]['id']}$"))
    await expect(page.locator("section.description")).to_contain_text("lot 1 ships from Santos")
    await page.goto("/leads")
    await expect(allowance).to_contain_text(f"You can open {FREE_LEADS - 1} more")
    await expect(page.locator("li.lead").filter(has_text="lot 1")).to_contain_text("opened today")

    for rfq in rfqs[1:FREE_LEADS]:
        await page.goto(f"/rfqs/{rfq['id']}")
    await page.goto(f"/rfqs/{rfqs[FREE_LEADS]['id']}")
    await expect(page.locator(".lead-refusal")).to_contain_text("you have opened them all today")
    await expect(page.locator("section.description")).not_to_contain_text("ships from Santos")
    await page.goto("/leads")
    await expect(page.locator(".alert")).to_contain_text(f"You have opened all {FREE_LEADS} leads your plan allows")
