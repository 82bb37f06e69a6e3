"""The prepaid ad balance: bought with an invoice through billing (bank transfer or the card gateway's signed
webhook), credited once when paid however often the payment is reported, corrected by administrators (never below
zero), read as the sum of its ledger lines; `tradeleads ads check` names any disagreement with billing."""

import asyncio
import json
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.config import Settings
from app.core.db import is_sqlite
from app.models import Invoice
from app.models.enums import InvoicePurpose, InvoiceStatus
from tests.billing.test_webhooks import deliver
from tests.cli.conftest import RunCli
from tests.conftest import Actor, ActorFactory
from tests.support.actors import Cast
from tests.support.membership import put_on_tier
from tests.support.problems import assert_invalid, assert_problem


async def _gold_owner(cast: Cast, db: AsyncSession) -> Actor:
    owner = await cast.owner()
    await put_on_tier(db, owner.organization_id, "gold")  # keyword bidding
    await db.commit()
    return owner


async def _top_up(owner: Actor, amount: str = "250.00", **extra: str) -> dict[str, Any]:
    response = await owner.client.post("/api/v1/ads/top-ups", json={"amount": amount, **extra})
    assert response.status_code == 201, response.text
    invoice: dict[str, Any] = response.json()
    return invoice


async def _balance(actor: Actor) -> tuple[str, list[tuple[str, str]]]:
    body = (await actor.client.get("/api/v1/ads/balance")).json()
    return body["balance"], [(line["kind"], line["amount"]) for line in body["lines"]]


def _charge(event_id: str, charge: str, invoice: str) -> bytes:
    return json.dumps({"id": event_id, "type": "charge.succeeded", "created": int(clock.unix_time()),
                       "data": {"invoice": invoice, "charge": charge}}).encode()


async def test_a_bank_transfer_credits_the_balance_once_when_it_is_booked(cast: Cast, db: AsyncSession) -> None:
    owner = await _gold_owner(cast, db)
    admin = await cast.admin()
    invoice = await _top_up(owner)
    assert (invoice["purpose"], invoice["status"], invoice["total"]) == ("ad_top_up", "open", "250")
    assert await _balance(owner) == ("0", [])

    url = f"/api/v1/billing/invoices/{invoice['id']}/mark-paid"
    for reference in ("BANK-7", "BANK-7", "BANK-8"):  # booked, booked again, a second transfer
        assert (await admin.client.post(url, json={"reference": reference})).status_code == 200

    assert await _balance(owner) == ("250", [("ad_top_up", "250")])
    member = await cast.member()
    assert (await _balance(member))[0] == "250"  # the organisation's, for every member to see
    refunds = (await admin.client.get(f"/api/v1/billing/invoices/{invoice['id']}")).json()["refunds_due"]
    assert [refund["reference"] for refund in refunds] == ["BANK-8"]


async def test_a_card_payment_reported_again_and_again_credits_once(cast: Cast, db: AsyncSession,
                                                                    gateway_settings: Settings) -> None:
    owner = await _gold_owner(cast, db)
    invoice = await _top_up(owner, "80.50", provider="card_gateway")
    body = _charge("evt_ads_1", "ch_ads_1", invoice["number"])

    outcomes = [(await deliver(cast.anonymous, body)).json()["outcome"] for _ in range(3)]
    outcomes.append((await deliver(cast.anonymous, _charge("evt_ads_2", "ch_ads_2", invoice["number"]))).json()[
        "outcome"])

    assert outcomes == ["applied", "duplicate", "duplicate", "refund_due"]
    assert await _balance(owner) == ("80.5", [("ad_top_up", "80.5")])


async def test_who_may_see_and_buy_credit(cast: Cast, db: AsyncSession, make_actor: ActorFactory) -> None:
    free_owner = await cast.owner()
    assert_problem(await cast.anonymous.get("/api/v1/ads/balance"), 401, "not_authenticated")
    denied = assert_problem(await free_owner.client.post("/api/v1/ads/top-ups", json={"amount": "50"}), 402,
                            "entitlement_denied")
    assert (denied["reason"], denied["upgrade_to"]) == ("keyword_bidding_not_included", "gold")
    await put_on_tier(db, free_owner.organization_id, "gold")
    await db.commit()
    member = await cast.member()
    assert_problem(await member.client.post("/api/v1/ads/top-ups", json={"amount": "50"}), 403, "owner_only")
    buyer = await make_actor("buyer")
    assert_problem(await buyer.client.get("/api/v1/ads/balance"), 403, "not_a_supplier")
    assert_problem(await buyer.client.post("/api/v1/ads/top-ups", json={"amount": "50"}), 403, "not_a_supplier")


@pytest.mark.parametrize(("payload", "field", "code"), [
    ({"amount": "5"}, "amount", "greater_than_equal"),
    ({"amount": "100000.01"}, "amount", "less_than_equal"),
    ({"amount": "12.345"}, "amount", "decimal_max_places"),
    ({"amount": "ten"}, "amount", "decimal_parsing"),
    ({"amount": "50", "provider": "bitcoin"}, "provider", "enum"),
])
async def test_a_wrong_top_up_is_refused_by_its_field_and_issues_nothing(cast: Cast, db: AsyncSession,
                                                                         payload: dict[str, str], field: str,
                                                                         code: str) -> None:
    owner = await _gold_owner(cast, db)

    assert_invalid(await owner.client.post("/api/v1/ads/top-ups", json=payload), **{field: code})
    assert await db.scalar(select(func.count()).select_from(Invoice)) == 0


async def test_an_admin_adjusts_a_balance_but_never_below_zero(cast: Cast, db: AsyncSession) -> None:
    owner = await _gold_owner(cast, db)
    admin = await cast.admin()
    url = "/api/v1/admin/ads/adjustments"
    organization = owner.organization_id

    credited = await admin.client.post(url, json={"organization_id": organization, "amount": "20.00",
                                                   "reason": "Goodwill for the outage"})
    too_much = await admin.client.post(url, json={"organization_id": organization, "amount": "-20.01",
                                                   "reason": "Correction"})
    debited = await admin.client.post(url, json={"organization_id": organization, "amount": "-5",
                                                  "reason": "Correction"})

    assert credited.status_code == 201 and credited.json()["balance"] == "20"
    assert assert_problem(too_much, 409, "insufficient_balance")["detail"] == \
        "The ad balance holds 20.0000; a debit of 20.01 would take it below zero"
    assert debited.status_code == 201
    body = (await owner.client.get("/api/v1/ads/balance")).json()
    assert body["balance"] == "15"
    assert [(line["kind"], line["amount"], line["memo"]) for line in body["lines"]] == [
        ("adjustment", "-5", "Correction"), ("adjustment", "20", "Goodwill for the outage")]
    assert_problem(await owner.client.post(url, json={"organization_id": organization, "amount": "1",
                                                      "reason": "Mine"}), 403, "admin_only")
    assert_problem(await admin.client.post(url, json={"organization_id": 999_999, "amount": "1", "reason": "Who"}),
                   404, "not_found")
    assert_invalid(await admin.client.post(url, json={"organization_id": organization, "amount": "0",
                                                      "reason": "Nothing"}), amount="value_error")


async def test_top_ups_are_not_membership_revenue(cast: Cast, db: AsyncSession) -> None:
    owner = await _gold_owner(cast, db)
    admin = await cast.admin()
    invoice = await _top_up(owner, "300")
    await admin.client.post(f"/api/v1/billing/invoices/{invoice['id']}/mark-paid", json={"reference": "BANK-9"})

    revenue = (await admin.client.get("/api/v1/billing/admin/revenue")).json()

    assert revenue == []  # the only paid invoice is prepaid ad credit: money held for the advertiser


async def test_ads_check_names_a_paid_top_up_that_was_not_credited(cast: Cast, db: AsyncSession,
                                                                   run_cli: RunCli) -> None:
    owner = await _gold_owner(cast, db)
    admin = await cast.admin()
    paid = await _top_up(owner, "40")
    await admin.client.post(f"/api/v1/billing/invoices/{paid['id']}/mark-paid", json={"reference": "BANK-1"})
    assert (await run_cli("ads", "check")).exit_code == 0

    unpaid = await _top_up(owner, "60")  # marked paid behind billing's back: nothing credited it
    stored = await db.get_one(Invoice, unpaid["id"])
    stored.status = InvoiceStatus.PAID
    await db.commit()
    result = await run_cli("ads", "check")

    assert result.exit_code == 1
    assert f"invoice {unpaid['number']}: paid 60.0000 but nothing was credited" in result.output
    assert stored.purpose is InvoicePurpose.AD_TOP_UP


@pytest.mark.postgres_only
async def test_thirty_charges_at_once_credit_the_top_up_once(cast: Cast, db: AsyncSession,
                                                             gateway_settings: Settings) -> None:
    if is_sqlite(gateway_settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    owner = await _gold_owner(cast, db)
    invoice = await _top_up(owner, "100", provider="card_gateway")

    responses = await asyncio.gather(*(deliver(cast.anonymous, _charge(f"evt_ads_{n}", f"ch_ads_{n}",
                                                                       invoice["number"])) for n in range(30)))

    outcomes = [response.json()["outcome"] for response in responses]
    assert (outcomes.count("applied"), outcomes.count("refund_due")) == (1, 29)
    assert await _balance(owner) == ("100", [("ad_top_up", "100")])


