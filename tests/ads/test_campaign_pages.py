"""/my/ads/campaigns through its forms, as a browser without JavaScript uses them: a supplier on a plan with
keyword bidding starts a campaign (refusals beside the fields, nothing stored), pauses it, and reads its clicks;
a supplier on a plan without bidding is told so instead of being shown a form."""

import re

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import AdCampaign
from tests.accounts.test_account_pages import message_beside
from tests.ads.test_campaigns import BROWSER, PANEL, fund, search
from tests.conftest import ActorFactory
from tests.http.test_valid_html import parse_errors
from tests.search_api.conftest import published_listing
from tests.support.membership import put_on_tier
from tests.support.pages import submit_form, text_of

NEW = "/my/ads/campaigns/new"


async def test_a_supplier_starts_a_campaign_from_the_form_and_sees_its_clicks(
        client: httpx.AsyncClient, make_actor: ActorFactory, db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    owner = await make_actor("supplier", organization_name="Bright Panels")
    await put_on_tier(db, owner.organization_id, "gold")
    await db.commit()
    await fund(admin, owner, "20")
    panel = await published_listing(owner, admin, **PANEL)
    await client.post("/api/v1/auth/login", json={"email": owner.email, "password": owner.password})
    form = await client.get(NEW)
    assert form.status_code == 200 and parse_errors(form.text) == []
    assert "LED panel light 600x600 40W" in text_of(form)
    fields = {"name": "Panels", "daily_budget": "10", "listing_ids": str(panel["id"]),
              "keywords.0.phrase": "led panel", "keywords.0.match": "phrase", "keywords.0.max_cpc": "0.50"}

    too_low = await submit_form(client, NEW, "/my/ads/campaigns", {**fields, "keywords.0.max_cpc": "0.05"})
    assert too_low.status_code == 422 and parse_errors(too_low.text) == []
    assert message_beside(too_low.text, "keywords.0.max_cpc") == "Input should be greater than or equal to 0.10"
    small_words = await submit_form(client, NEW, "/my/ads/campaigns", {
        **fields, "keywords.2.phrase": "for the", "keywords.2.max_cpc": "1"})
    # The blank row between them is dropped: the refused keyword is the form's second row now, told beside it.
    assert message_beside(small_words.text, "keywords.1.phrase").startswith("A keyword needs a word")
    assert 'value="for the"' in small_words.text
    assert await db.scalar(select(func.count()).select_from(AdCampaign)) == 0

    created = await submit_form(client, NEW, "/my/ads/campaigns", fields)
    assert created.status_code == 303
    page_url = created.headers["location"].split("?")[0]
    shown = await client.get(created.headers["location"])
    assert parse_errors(shown.text) == [] and "Campaign saved." in text_of(shown)
    assert "No click yet." in text_of(shown)

    ad = (await search(client, "led panel light"))["sponsored"][0]
    assert (await client.get(ad["click_url"], headers=BROWSER)).status_code == 302  # the advertiser's own click
    visitor = httpx.AsyncClient(transport=client._transport, base_url=client.base_url)
    async with visitor:
        await visitor.get(ad["click_url"], headers=BROWSER)
    shown = await client.get(page_url)
    assert parse_errors(shown.text) == [] and "<svg" in shown.text  # the chart of spend and clicks
    clicks = text_of(shown)
    assert "not charged: your own organisation" in clicks and "charged" in clicks
    report_row = re.search(r"<tr><td>led panel</td>(.*?)</tr>", shown.text)
    assert report_row is not None and re.findall(r">([^<]+)</td>", report_row.group(1))[:3] == ["1", "1", "1"]
    assert "USD 19.9" in text_of(await client.get("/my/ads"))  # the one charged click, from the balance

    paused = await submit_form(client, page_url, page_url, {**fields, "paused": "on"})
    assert paused.status_code == 303
    assert "Status: paused" in text_of(await client.get(page_url))
    assert (await search(client, "led panel light"))["sponsored"] == []


async def test_a_plan_without_bidding_is_told_so(client: httpx.AsyncClient, make_actor: ActorFactory) -> None:
    owner = await make_actor("supplier")
    await client.post("/api/v1/auth/login", json={"email": owner.email, "password": owner.password})
    page = await client.get(NEW)
    assert page.status_code == 200 and parse_errors(page.text) == []
    assert "Your plan does not include keyword bidding; upgrade to Gold to continue" in text_of(page)
    assert 'action="/my/ads/campaigns"' not in page.text


async def test_an_administrator_reads_ad_revenue_beside_membership_revenue(
        client: httpx.AsyncClient, make_actor: ActorFactory) -> None:
    admin = await make_actor("both", admin=True)
    await client.post("/api/v1/auth/login", json={"email": admin.email, "password": admin.password})
    page = await client.get("/admin/ads")
    assert page.status_code == 200 and parse_errors(page.text) == []
    assert "No revenue yet." in text_of(page) and "No click yet." in text_of(page)
