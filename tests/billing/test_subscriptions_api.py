"""Subscribing, upgrading (prorated, at once), downgrading and cancelling (at period end) through the API."""

from datetime import UTC, date, datetime
from decimal import Decimal

from membership.money import round_money
from tests.billing.conftest import paid_subscription, subscribe
from tests.support.actors import Cast
from tests.support.clock import MID_MONTH_NOON, Travel


async def test_subscribing_issues_an_open_invoice_with_payment_instructions(cast: Cast, travel: Travel) -> None:
    owner = await cast.owner()
    travel(datetime(2028, 2, 29, 12, tzinfo=UTC))  # a leap day: the year ends on the 28th of February

    body = await subscribe(owner.client, "silver", interval="year")

    subscription, invoice = body["subscription"], body["invoice"]
    start, end = date(2028, 2, 29), date(2029, 2, 28)
    assert subscription == {"tier": "silver", "pending_tier": None, "interval": "year", "status": "pending_payment",
                            "provider": "manual", "current_period_start": start.isoformat(),
                            "current_period_end": end.isoformat(), "cancel_at_period_end": False}
    assert invoice["number"] == f"{start.year}-000001"
    assert (invoice["status"], invoice["purpose"], invoice["total"], invoice["currency"]) == \
        ("open", "subscription", "490", "USD")
    assert invoice["lines"] == [{"description": f"Silver membership, yearly, {start} to {end}", "quantity": 1,
                                 "unit_amount": "490", "amount": "490"}]
    assert invoice["payment_instructions"] == (
        f"Transfer 490.00 USD to tradeleads, IBAN DE00 0000 0000 0000 0000 00, BIC TRADDEFFXXX, quoting invoice "
        f"{invoice['number']}.")
    membership = (await owner.client.get("/api/v1/billing/membership")).json()
    assert (membership["tier"]["code"], membership["pending_payment"]["tier"]) == ("free", "silver")


async def test_an_upgrade_is_invoiced_prorated_and_waits_for_payment(cast: Cast, travel: Travel) -> None:
    owner = await cast.owner()
    travel(MID_MONTH_NOON)  # subscribed and upgraded on the same day, whatever clock the suite runs with
    subscription = await paid_subscription(cast, "silver")
    start = date.fromisoformat(subscription["current_period_start"])
    end = date.fromisoformat(subscription["current_period_end"])

    response = await owner.client.post("/api/v1/billing/subscription/change", json={"tier": "gold"})

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["subscription"]["tier"], body["pending_payment"]["tier"]) == ("silver", "gold")
    days = (end - start).days  # upgraded on the first day: every day of the period remains
    assert body["invoice"]["purpose"] == "upgrade"
    assert Decimal(body["invoice"]["total"]) == round_money(Decimal(100) * days / days, "USD") == Decimal("100.00")
    assert body["invoice"]["lines"][0]["description"] == \
        f"Upgrade Silver to Gold: {days} of {days} days, {start} to {end}"
    assert body["invoice"]["number"].endswith("-000002")


async def test_a_downgrade_and_a_cancellation_wait_for_the_period_end(cast: Cast) -> None:
    owner = await cast.owner()
    await paid_subscription(cast, "gold")

    downgraded = (await owner.client.post("/api/v1/billing/subscription/change", json={"tier": "silver"})).json()
    cancelled = (await owner.client.post("/api/v1/billing/subscription/cancel")).json()

    assert (downgraded["subscription"]["tier"], downgraded["subscription"]["pending_tier"], downgraded["invoice"]) \
        == ("gold", "silver", None)
    assert (cancelled["subscription"]["tier"], cancelled["subscription"]["pending_tier"],
            cancelled["subscription"]["cancel_at_period_end"]) == ("gold", None, True)
    membership = (await owner.client.get("/api/v1/billing/membership")).json()
    assert membership["tier"]["code"] == "gold"


async def test_refused_plan_changes_store_nothing(cast: Cast) -> None:
    owner = await cast.owner()
    for payload, status, code in [
        ({"tier": "free"}, 409, "tier_not_purchasable"),
        ({"tier": "diamond"}, 404, "not_found"),
        ({"tier": "silver", "interval": "week"}, 422, "validation_failed"),
        ({"tier": "silver", "provider": "cash"}, 422, "validation_failed"),
    ]:
        response = await owner.client.post("/api/v1/billing/subscription", json=payload)
        assert (response.status_code, response.json()["code"]) == (status, code), payload
    change = await owner.client.post("/api/v1/billing/subscription/change", json={"tier": "gold"})
    assert (change.status_code, change.json()["code"]) == (409, "no_subscription")
    assert (await owner.client.get("/api/v1/billing/invoices")).json()["total"] == 0

    await paid_subscription(cast, "silver")
    again = await owner.client.post("/api/v1/billing/subscription", json={"tier": "gold"})
    same = await owner.client.post("/api/v1/billing/subscription/change", json={"tier": "silver"})
    assert (again.status_code, again.json()["code"]) == (409, "already_subscribed")
    assert (same.status_code, same.json()["code"]) == (409, "same_tier")
    assert (await owner.client.get("/api/v1/billing/invoices")).json()["total"] == 1


async def test_plans_are_public_with_prices_and_limits(cast: Cast) -> None:
    response = await cast.anonymous.get("/api/v1/billing/plans")

    assert response.status_code == 200
    plans = response.json()
    assert [(p["code"], p["price_monthly"], p["price_yearly"], p["max_published_listings"]) for p in plans] == [
        ("free", "0", "0", 20), ("silver", "49", "490", 100), ("gold", "149", "1490", 500),
        ("platinum", "399", "3990", None)]
    assert [p["ranking_boost"] for p in plans] == ["0", "0.01", "0.03", "0.05"]
