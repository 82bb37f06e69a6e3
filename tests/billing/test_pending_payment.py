"""A plan bought takes effect when its invoice is paid, once: new subscriptions and upgrades wait in "pending
payment" (the old tier's entitlements stay), an unpaid purchase lapses without touching the plan that was paid for,
and renewals keep their grace period (test_billing_job)."""

from datetime import date, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.config import Settings
from app.models import PaymentEvent
from tests.billing.conftest import billing_run, paid_subscription, subscribe
from tests.billing.test_billing_job import noon
from tests.billing.test_webhooks import deliver, event
from tests.support.actors import Cast
from tests.support.clock import MID_MONTH_NOON, Travel


async def _membership(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.get("/api/v1/billing/membership")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _entitlements(membership: dict[str, Any]) -> dict[str, tuple[bool, int | None]]:
    return {e["action"]: (e["allowed"], e["limit"]) for e in membership["entitlements"]}


async def _upgrade(client: httpx.AsyncClient, tier: str = "gold") -> dict[str, Any]:
    response = await client.post("/api/v1/billing/subscription/change", json={"tier": tier})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def _invoice_count(client: httpx.AsyncClient) -> int:
    return int((await client.get("/api/v1/billing/invoices")).json()["total"])


async def test_an_unpaid_upgrade_grants_nothing_and_paying_it_grants_it_once(
    cast: Cast, gateway_settings: Settings, db: AsyncSession, travel: Travel,
) -> None:
    travel(MID_MONTH_NOON)
    owner = await cast.owner()
    await paid_subscription(cast, "silver", provider="card_gateway")
    silver = await _membership(owner.client)

    change = await _upgrade(owner.client)

    invoice = change["invoice"]
    assert (change["subscription"]["tier"], invoice["status"], invoice["purpose"]) == ("silver", "open", "upgrade")
    assert change["pending_payment"]["tier"] == "gold"
    assert change["pending_payment"]["invoice"]["number"] == invoice["number"]
    waiting = await _membership(owner.client)
    assert waiting["tier"]["code"] == "silver"
    assert _entitlements(waiting) == _entitlements(silver)
    assert _entitlements(waiting)["view_buyer_contact"] == (False, 0)  # a Gold feature: not before payment
    assert (waiting["pending_payment"]["tier"], waiting["pending_payment"]["invoice"]["id"]) == ("gold", invoice["id"])

    body = event("evt_up_1", "charge.succeeded", invoice["number"], int(clock.unix_time()))
    first = await deliver(cast.anonymous, body)
    replayed = await deliver(cast.anonymous, body)
    again = await deliver(cast.anonymous, event("evt_up_2", "charge.succeeded", invoice["number"],
                                                int(clock.unix_time())))
    admin = await cast.admin()
    marked = await admin.client.post(f"/api/v1/billing/invoices/{invoice['id']}/mark-paid",
                                     json={"reference": "BANK-2"})

    # the same charge reported by a second event is no second payment; a bank transfer on top of it is one
    assert [r.json()["outcome"] for r in (first, replayed, again)] == ["applied", "duplicate", "duplicate"]
    assert (marked.status_code, marked.json()["payment_reference"]) == (200, f"ch_{invoice['number']}")
    assert [refund["reference"] for refund in marked.json()["refunds_due"]] == ["BANK-2"]
    gold = await _membership(owner.client)
    assert (gold["tier"]["code"], gold["subscription"]["tier"], gold["pending_payment"]) == ("gold", "gold", None)
    assert _entitlements(gold)["view_buyer_contact"] == (True, 1)
    assert _entitlements(gold)["publish_listing"] == (True, 500)
    # Granted once: the period is the one paid for, no further invoice, the upgrade counted once in revenue.
    assert (gold["subscription"]["current_period_start"], gold["subscription"]["current_period_end"]) == \
        (silver["subscription"]["current_period_start"], silver["subscription"]["current_period_end"])
    assert await _invoice_count(owner.client) == 2
    revenue = (await admin.client.get("/api/v1/billing/admin/revenue")).json()
    assert sum(row["invoices"] for row in revenue) == 2
    assert int(await db.scalar(select(func.count()).select_from(PaymentEvent)) or 0) == 2
    await db.rollback()


async def test_a_new_plan_waits_for_its_first_invoice(cast: Cast) -> None:
    owner = await cast.owner()

    created = await subscribe(owner.client, "gold")

    assert (created["subscription"]["tier"], created["subscription"]["status"]) == ("gold", "pending_payment")
    waiting = await _membership(owner.client)
    assert (waiting["tier"]["code"], waiting["pending_payment"]["tier"]) == ("free", "gold")
    assert _entitlements(waiting)["publish_listing"] == (True, 20)
    admin = await cast.admin()
    await admin.client.post(f"/api/v1/billing/invoices/{created['invoice']['id']}/mark-paid",
                            json={"reference": "BANK-1"})
    paid = await _membership(owner.client)
    assert (paid["tier"]["code"], paid["subscription"]["status"], paid["pending_payment"]) == ("gold", "active", None)


async def test_an_unpaid_upgrade_lapses_and_the_paid_plan_stays(app: FastAPI, cast: Cast, travel: Travel) -> None:
    travel(MID_MONTH_NOON)
    owner = await cast.owner()
    await paid_subscription(cast, "silver")
    invoice = (await _upgrade(owner.client))["invoice"]
    due = date.fromisoformat(invoice["due_on"])

    overdue = await billing_run(app, noon(due + timedelta(days=1)))
    assert (overdue.reminded, overdue.lapsed, overdue.expired) == ([], [], [])
    assert (await _membership(owner.client))["subscription"]["status"] == "active"  # not past due: nothing granted
    lapsed = await billing_run(app, noon(due + timedelta(days=7)))

    assert (lapsed.lapsed, lapsed.expired) == ([invoice["number"]], [])
    membership = await _membership(owner.client)
    assert (membership["tier"]["code"], membership["subscription"]["status"], membership["pending_payment"]) == \
        ("silver", "active", None)
    assert (await owner.client.get(f"/api/v1/billing/invoices/{invoice['id']}")).json()["status"] == "void"


async def test_an_unpaid_new_plan_lapses_after_the_grace_period(app: FastAPI, cast: Cast) -> None:
    owner = await cast.owner()
    created = await subscribe(owner.client, "silver")

    report = await billing_run(app, noon(date.fromisoformat(created["invoice"]["due_on"]) + timedelta(days=7)))

    assert report.lapsed == [created["invoice"]["number"]]
    membership = await _membership(owner.client)
    assert (membership["tier"]["code"], membership["subscription"]["status"]) == ("free", "expired")
    again = await subscribe(owner.client, "silver")
    assert again["subscription"]["status"] == "pending_payment"


async def test_choosing_again_replaces_or_withdraws_an_unpaid_purchase(cast: Cast, travel: Travel) -> None:
    travel(MID_MONTH_NOON)
    owner = await cast.owner()
    first = await subscribe(owner.client, "gold")
    second = await subscribe(owner.client, "silver", interval="year")
    stored = (await owner.client.get(f"/api/v1/billing/invoices/{first['invoice']['id']}")).json()
    assert (stored["status"], second["subscription"]["status"]) == ("void", "pending_payment")

    withdrawn = await owner.client.post("/api/v1/billing/subscription/cancel")

    assert withdrawn.json()["subscription"]["status"] == "canceled"
    invoice = (await owner.client.get(f"/api/v1/billing/invoices/{second['invoice']['id']}")).json()
    assert invoice["status"] == "void"
    assert (await _membership(owner.client))["tier"]["code"] == "free"


async def test_keeping_the_current_plan_withdraws_an_unpaid_upgrade(cast: Cast, travel: Travel) -> None:
    travel(MID_MONTH_NOON)
    owner = await cast.owner()
    await paid_subscription(cast, "silver")
    invoice = (await _upgrade(owner.client, "platinum"))["invoice"]

    kept = await _upgrade(owner.client, "silver")

    assert (kept["subscription"]["tier"], kept["pending_payment"], kept["invoice"]) == ("silver", None, None)
    assert (await owner.client.get(f"/api/v1/billing/invoices/{invoice['id']}")).json()["status"] == "void"
