"""/my/ads through its form, as a browser without JavaScript uses it: buy credit, see the invoice, the balance once
it is paid."""

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.accounts.test_account_pages import message_beside
from tests.conftest import ActorFactory
from tests.http.test_valid_html import parse_errors
from tests.support.actors import Cast
from tests.support.membership import put_on_tier
from tests.support.pages import submit_form, text_of


async def test_a_supplier_buys_credit_and_sees_it_once_paid(cast: Cast, db: AsyncSession, client: httpx.AsyncClient,
                                                           make_actor: ActorFactory) -> None:
    owner = await make_actor("supplier")  # with a password, to log in
    await put_on_tier(db, owner.organization_id, "gold")
    await db.commit()
    await client.post("/api/v1/auth/login", json={"email": owner.email, "password": owner.password})
    page = await client.get("/my/ads")
    assert page.status_code == 200 and parse_errors(page.text) == []
    assert "USD 0" in text_of(page) and "No movement yet." in text_of(page)

    refused = await submit_form(client, "/my/ads", "/my/ads/top-ups", {"amount": "5"})
    bought = await submit_form(client, "/my/ads", "/my/ads/top-ups", {"amount": "120"})

    assert refused.status_code == 422
    assert message_beside(refused.text, "amount") == "Input should be greater than or equal to 10"
    assert bought.status_code == 303
    invoice_id = int(bought.headers["location"].rsplit("=", 1)[1])
    issued = text_of(await client.get(bought.headers["location"]))
    assert f'href="/billing/invoices/{invoice_id}"' in issued and "USD 0" in issued
    admin = await cast.admin()
    await admin.client.post(f"/api/v1/billing/invoices/{invoice_id}/mark-paid", json={"reference": "BANK-3"})
    paid = text_of(await client.get("/my/ads"))
    assert "USD 120" in paid and "Top-up paid" in paid


async def test_an_admin_adjusts_a_balance_from_the_organisations_page(cast: Cast, client: httpx.AsyncClient,
                                                                      make_actor: ActorFactory) -> None:
    supplier = await cast.owner()
    admin = await make_actor("both", admin=True)
    await client.post("/api/v1/auth/login", json={"email": admin.email, "password": admin.password})
    page_url = f"/admin/organizations/{supplier.organization_slug}"
    action = f"{page_url}/ad-adjustments"
    page = await client.get(page_url)
    assert page.status_code == 200 and parse_errors(page.text) == []

    credited = await submit_form(client, page_url, action, {"amount": "25", "reason": "Goodwill for the outage"})
    too_much = await submit_form(client, page_url, action, {"amount": "-30", "reason": "Correction"})
    no_reason = await submit_form(client, page_url, action, {"amount": "5"})

    assert credited.status_code == 303 and credited.headers["location"].endswith("?done=ad-adjusted")
    assert "The ad balance is adjusted." in text_of(await client.get(credited.headers["location"]))
    assert too_much.status_code == 409
    assert "The ad balance holds 25.0000; a debit of 30 would take it below zero" in text_of(too_much)
    assert no_reason.status_code == 422 and 'id="e-ad-reason"' in no_reason.text
    assert (await supplier.client.get("/api/v1/ads/balance")).json()["balance"] == "25"
