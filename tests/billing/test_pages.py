"""Membership pages: plans, my plan with its forms, the printable invoice, the admin view, the upgrade prompt."""

import re
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import utcnow
from tests.billing.conftest import mark_paid, paid_subscription
from tests.conftest import BASE_URL, ActorFactory
from tests.support.actors import Cast
from tests.support.membership import add_listings, add_quotes
from tests.support.pages import open_rfq
from tests.support.quotes import quote_payload

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
async def browser(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A signed-in supplier owner with cookies, as a browser would be."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as client:
        response = await client.post("/api/v1/auth/register", json={
            "email": "owner@example.com", "password": "correct horse battery", "name": "Owner",
            "organization_name": "Pages Co", "organization_role": "supplier", "country": "CN"})
        assert response.status_code == 201, response.text
        yield client


async def _post_form(client: httpx.AsyncClient, page: str, action: str, data: dict[str, str]) -> httpx.Response:
    token = CSRF.search((await client.get(page)).text)
    assert token is not None
    return await client.post(action, data={**data, "csrf_token": token.group(1)})


async def test_plans_page_lists_prices_for_everyone(client: httpx.AsyncClient) -> None:
    response = await client.get("/plans")

    assert response.status_code == 200
    for text in ("Silver", "49 USD", "490 USD", "Platinum", "3,990 USD", "Unlimited"):
        assert text in response.text


async def test_subscribing_and_cancelling_through_the_pages(browser: httpx.AsyncClient, cast: Cast) -> None:
    subscribed = await _post_form(browser, "/plans", "/billing/subscribe", {"tier": "gold", "interval": "year"})

    assert (subscribed.status_code, subscribed.headers["location"]) == (303, "/billing")
    mine = await browser.get("/billing")
    assert "My plan: Free" in mine.text  # nothing granted before the invoice is paid
    number = re.search(r'href="/billing/invoices/(\d+)">(\d{4}-\d{6})<', mine.text)
    assert number is not None
    assert "Pending payment: Gold" in mine.text
    assert "Gold takes effect when invoice" in mine.text and f">{number.group(2)}</a>" in mine.text
    plans = await browser.get("/plans")
    gold = re.search(r'<td class="plan-action" data-plan="gold">.*?</td>', plans.text, re.S)
    assert gold is not None and "Pending payment" in gold.group(0)
    assert f'<a href="/billing/invoices/{number.group(1)}">invoice {number.group(2)}</a>' in gold.group(0)
    invoice = await browser.get(f"/billing/invoices/{number.group(1)}")
    assert f"Invoice {number.group(2)}" in invoice.text
    assert "1,490 USD" in invoice.text and "How to pay:" in invoice.text and "Pages Co" in invoice.text

    await mark_paid(cast, int(number.group(1)))
    paid = await browser.get("/billing")
    assert "My plan: Gold" in paid.text and "Pending payment" not in paid.text

    cancelled = await _post_form(browser, "/billing", "/billing/cancel", {})
    assert cancelled.status_code == 303
    assert "Ends at the end of the period." in (await browser.get("/billing")).text


async def test_a_form_without_csrf_token_or_with_a_bad_tier_changes_nothing(browser: httpx.AsyncClient) -> None:
    forged = await browser.post("/billing/subscribe", data={"tier": "gold", "interval": "month"})
    unknown = await _post_form(browser, "/plans", "/billing/subscribe", {"tier": "diamond", "interval": "month"})

    assert forged.status_code == 403
    assert unknown.status_code == 404
    assert "No paid plan." in (await browser.get("/billing")).text


async def test_a_plan_limit_shows_an_upgrade_prompt(browser: httpx.AsyncClient, app: FastAPI,
                                                    db: AsyncSession) -> None:
    me = (await browser.get("/api/v1/me")).json()
    await add_listings(db, me["organization"]["id"], 20)
    await db.commit()
    draft = (await browser.post("/api/v1/listings", json={"title": "Socks", "moq": "5", "moq_unit": "pair"})).json()

    refused = await _post_form(browser, "/my/listings", f"/my/listings/{draft['id']}/submit", {})

    assert refused.status_code == 402
    assert "Your plan allows 20 listings published or waiting for review; upgrade to Silver to continue" \
        in refused.text
    assert "You use 20 of the 20 your <strong>Free</strong> plan allows." in refused.text
    assert '<a class="button" href="/plans">Upgrade to Silver</a>' in refused.text


async def test_the_admin_page_is_for_admins_only(cast: Cast, app: FastAPI, browser: httpx.AsyncClient) -> None:
    await paid_subscription(cast, "silver")
    admin = await cast.admin()

    assert (await browser.get("/admin/billing")).status_code == 403
    page = await admin.client.get("/admin/billing")
    assert page.status_code == 200
    assert "Supplier Company" in page.text and "Silver" in page.text and "49" in page.text


async def test_a_refused_quote_form_names_the_limit_and_offers_the_upgrade(browser: httpx.AsyncClient,
                                                                          make_actor: ActorFactory,
                                                                          db: AsyncSession) -> None:
    rfq = await open_rfq(await make_actor("buyer", admin=True))
    me = (await browser.get("/api/v1/me")).json()
    await add_quotes(db, me["organization"]["id"], 10, created_at=utcnow())
    await db.commit()

    refused = await _post_form(browser, f"/rfqs/{rfq['id']}", f"/rfqs/{rfq['id']}/quotes", quote_payload())

    assert refused.status_code == 402
    assert "Your plan allows 10 quotes a month; upgrade to Silver to continue" in refused.text
    assert "You use 10 of the 10 your <strong>Free</strong> plan allows." in refused.text
    assert '<a class="button" href="/plans">Upgrade to Silver</a>' in refused.text
