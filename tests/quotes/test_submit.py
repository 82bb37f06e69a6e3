"""Submitting a quote: who may, on which RFQs, the quote cap, the monthly quota, and what the buyer is told."""

from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import utcnow
from app.models import Rfq
from tests.conftest import Actor
from tests.support.actors import Cast
from tests.support.clock import MID_MONTH_NOON, Travel
from tests.support.membership import add_quotes
from tests.support.problems import assert_invalid, assert_problem
from tests.support.quotes import notifications_of, open_rfq, quote_payload, set_valid_until, submit, suppliers
from tests.support.rfqs import create_rfq, days_from_today, rfq_in_status
from tests.support.timestamps import assert_recent

FULL_QUOTE = quote_payload(incoterm="FOB", lead_time_days=21, valid_until="2099-01-31", sample_offer="paid",
                           sample_price="45", sample_days=7, message="Washed arabica, screen 17.")


async def test_a_supplier_quotes_on_an_open_rfq_and_the_buyer_is_told(cast: Cast, supplier: Actor,
                                                                      db: AsyncSession) -> None:
    rfq = await open_rfq(cast)

    response = await supplier.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=FULL_QUOTE)

    assert response.status_code == 201, response.text
    quote = response.json()
    assert_recent(quote["created_at"])
    assert {key: value for key, value in quote.items() if key not in ("id", "created_at", "updated_at")} == {
        "rfq_id": rfq["id"], "organization_id": supplier.organization_id, "user_id": supplier.user_id,
        "listing_id": None, "unit_price": "3150.5", "currency": "EUR", "quantity": "20", "unit": "metric_ton",
        "incoterm": "FOB", "lead_time_days": 21, "valid_until": "2099-01-31", "sample_offer": "paid",
        "sample_price": "45", "sample_days": 7, "message": "Washed arabica, screen 17.", "status": "submitted",
        "revision": 0, "response_seconds": quote["response_seconds"], "withdrawn_at": None,
        "rejection_reason": None, "review_note": None,
    }
    assert 0 <= quote["response_seconds"] < 60
    owner = await cast.owner()
    assert await notifications_of(db, owner.organization_id) == [
        ("quote_received", "New quote on your RFQ “Green coffee beans”")]


@pytest.mark.parametrize(("payload", "errors"), [
    ({"sample_offer": "paid"}, {"sample_price": "sample_price_required"}),
    ({"sample_offer": "free", "sample_price": "5"}, {"sample_price": "sample_price_not_allowed"}),
    ({"sample_days": 3}, {"sample_days": "sample_days_not_allowed"}),
    ({"unit_price": "0", "currency": "XXY", "lead_time_days": -1},
     {"unit_price": "greater_than", "currency": "value_error", "lead_time_days": "greater_than_equal"}),
])
async def test_invalid_quotes_are_422(cast: Cast, supplier: Actor, payload: dict[str, Any],
                                      errors: dict[str, str]) -> None:
    rfq = await open_rfq(cast)

    response = await supplier.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=quote_payload(**payload))

    assert_invalid(response, **errors)
    assert (await (await cast.owner()).client.get(f"/api/v1/rfqs/{rfq['id']}/quotes")).json() == []


@pytest.mark.parametrize(("role", "status", "code"), [
    ("anonymous", 401, "not_authenticated"),
    ("owner", 403, "not_a_supplier"),
    ("stranger", 403, "not_a_supplier"),
])
async def test_only_suppliers_quote(cast: Cast, role: str, status: int, code: str) -> None:
    rfq = await open_rfq(cast)

    response = await (await cast.client(role)).post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=quote_payload())

    assert_problem(response, status, code)


async def test_a_buyer_that_also_sells_cannot_quote_on_its_own_rfq(cast: Cast) -> None:
    both, admin = await cast.other("both"), await cast.admin()
    rfq = await create_rfq(both.client)
    await both.client.post(f"/api/v1/rfqs/{rfq['id']}/submit")
    assert (await admin.client.post(f"/api/v1/rfqs/{rfq['id']}/approve")).status_code == 200

    assert_problem(await both.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=quote_payload()), 403, "own_rfq")


@pytest.mark.parametrize(("status", "http_status", "code"), [
    ("draft", 404, "not_found"),
    ("pending_review", 404, "not_found"),
    ("closed_after_open", 409, "rfq_not_open"),
])
async def test_rfqs_that_are_not_open_take_no_quotes(cast: Cast, supplier: Actor, status: str, http_status: int,
                                                     code: str) -> None:
    rfq = await rfq_in_status(cast, status)

    assert_problem(await supplier.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=quote_payload()),
                   http_status, code)


async def test_an_rfq_past_its_date_takes_no_quotes_even_before_the_expiry_job(
    cast: Cast, supplier: Actor, db: AsyncSession,
) -> None:
    rfq = await open_rfq(cast)
    yesterday = days_from_today(-1)
    await set_valid_until(db, rfq["id"], yesterday)

    problem = assert_problem(await supplier.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=quote_payload()),
                             409, "rfq_expired")

    assert problem["detail"] == f"This RFQ expired on {yesterday.isoformat()} and takes no more quotes"


async def test_an_rfq_takes_quotes_up_to_its_cap_and_a_withdrawal_frees_a_slot(cast: Cast, app: FastAPI) -> None:
    rfq = await open_rfq(cast, max_quotes=2)
    first, second, third = await suppliers(app, 3)
    quote = await submit(first.client, rfq)
    await submit(second.client, rfq)

    full = assert_problem(await third.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=quote_payload()),
                          409, "rfq_full")
    assert full["detail"] == "This RFQ already has the 2 quotes it accepts"

    assert (await first.client.post(f"/api/v1/quotes/{quote['id']}/withdraw")).status_code == 200
    await submit(third.client, rfq)
    for actor in (first, second, third):
        await actor.client.aclose()


async def test_one_active_quote_per_supplier(cast: Cast, supplier: Actor) -> None:
    rfq = await open_rfq(cast)
    quote = await submit(supplier.client, rfq)

    assert_problem(await supplier.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=quote_payload()),
                   409, "quote_exists")

    await supplier.client.post(f"/api/v1/quotes/{quote['id']}/withdraw")
    again = await submit(supplier.client, rfq, unit_price="3100")
    assert again["id"] != quote["id"]


async def test_the_monthly_quota_is_spent_by_quotes_not_by_revisions(cast: Cast, supplier: Actor,
                                                                     db: AsyncSession, travel: Travel) -> None:
    travel(MID_MONTH_NOON)
    rfq = await open_rfq(cast)
    await add_quotes(db, supplier.organization_id, 9, created_at=utcnow())  # Free allows 10 a month
    await db.commit()
    quote = await submit(supplier.client, rfq)

    revised = await supplier.client.patch(f"/api/v1/quotes/{quote['id']}", json={"unit_price": "3000"})
    assert revised.status_code == 200, revised.text

    other_rfq = await open_rfq(cast, title="Robusta coffee beans")
    problem = assert_problem(await supplier.client.post(f"/api/v1/rfqs/{other_rfq['id']}/quotes",
                                                        json=quote_payload()), 402, "entitlement_denied")
    assert (problem["reason"], problem["limit"], problem["usage"], problem["upgrade_to"]) == (
        "quote_limit_reached", 10, 10, "silver")


async def test_a_quote_may_link_only_a_published_listing_of_the_supplier(cast: Cast, supplier: Actor,
                                                                          rival: Actor) -> None:
    rfq = await open_rfq(cast)
    admin = await cast.admin()
    listing = (await rival.client.post("/api/v1/listings", json={"title": "Arabica", "moq": "5",
                                                                  "moq_unit": "metric_ton"})).json()

    assert_invalid(await supplier.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes",
                                              json=quote_payload(listing_id=listing["id"])),
                   listing_id="listing_not_yours")

    own = (await supplier.client.post("/api/v1/listings", json={"title": "Arabica", "moq": "5",
                                                                 "moq_unit": "metric_ton"})).json()
    await supplier.client.post(f"/api/v1/listings/{own['id']}/submit")
    await admin.client.post(f"/api/v1/listings/{own['id']}/publish")
    quote = await submit(supplier.client, rfq, listing_id=own["id"])
    assert quote["listing_id"] == own["id"]


async def test_response_time_runs_from_the_rfq_opening(cast: Cast, supplier: Actor, db: AsyncSession) -> None:
    rfq = await open_rfq(cast)
    opened = utcnow() - timedelta(hours=30)
    await db.execute(update(Rfq).where(Rfq.id == rfq["id"]).values(opened_at=opened))
    await db.commit()

    quote = await submit(supplier.client, rfq)

    assert 30 * 3600 <= quote["response_seconds"] < 30 * 3600 + 60
