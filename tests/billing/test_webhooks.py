"""The card gateway's signed webhooks: signature, replay window, duplicates and out-of-order delivery."""

import json
from datetime import UTC, date, datetime
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.config import Settings
from app.models import PaymentEvent
from membership.providers.card_gateway import SIGNATURE_HEADER, signature_header
from tests.billing.conftest import WEBHOOK_SECRET, billing_run, paid_subscription, subscribe
from tests.support.actors import Cast

URL = "/api/v1/billing/webhooks/card-gateway"


def event(event_id: str, kind: str, invoice: str, created: int) -> bytes:
    return json.dumps({"id": event_id, "type": kind, "created": created,
                       "data": {"invoice": invoice, "charge": f"ch_{invoice}"}}).encode()


async def deliver(client: httpx.AsyncClient, body: bytes, timestamp: int | None = None,
                  secret: str = WEBHOOK_SECRET) -> httpx.Response:
    signed_at = int(clock.unix_time()) if timestamp is None else timestamp
    return await client.post(URL, content=body, headers={SIGNATURE_HEADER: signature_header(secret, signed_at, body),
                                                         "content-type": "application/json"})


async def _card_subscription(cast: Cast) -> tuple[httpx.AsyncClient, dict[str, Any]]:
    owner = await cast.owner()
    invoice: dict[str, Any] = (await subscribe(owner.client, "gold", provider="card_gateway"))["invoice"]
    assert (invoice["payment_reference"], invoice["payment_instructions"]) == (f"ch_{invoice['number']}", None)
    return owner.client, invoice


async def _state(client: httpx.AsyncClient, invoice: dict[str, Any]) -> tuple[str, str]:
    stored = (await client.get(f"/api/v1/billing/invoices/{invoice['id']}")).json()
    membership = (await client.get("/api/v1/billing/membership")).json()
    return stored["status"], membership["subscription"]["status"]


async def _events(db: AsyncSession) -> int:
    count = await db.scalar(select(func.count()).select_from(PaymentEvent))
    await db.rollback()
    return int(count or 0)


async def test_a_signed_success_pays_the_invoice_once(cast: Cast, gateway_settings: Settings,
                                                      db: AsyncSession) -> None:
    client, invoice = await _card_subscription(cast)
    body = event("evt_1", "charge.succeeded", invoice["number"], int(clock.unix_time()))

    first = await deliver(cast.anonymous, body)
    second = await deliver(cast.anonymous, body)

    assert (first.status_code, first.json()) == (200, {"event_id": "evt_1", "outcome": "applied"})
    assert (second.status_code, second.json()) == (200, {"event_id": "evt_1", "outcome": "duplicate"})
    assert await _state(client, invoice) == ("paid", "active")
    assert await _events(db) == 1


async def test_a_wrong_signature_is_refused_and_changes_nothing(cast: Cast, gateway_settings: Settings,
                                                                db: AsyncSession) -> None:
    client, invoice = await _card_subscription(cast)
    body = event("evt_1", "charge.succeeded", invoice["number"], int(clock.unix_time()))

    forged = await deliver(cast.anonymous, body, secret="whsec_guessed")
    tampered = await cast.anonymous.post(URL, content=body.replace(b"evt_1", b"evt_2"), headers={
        SIGNATURE_HEADER: signature_header(WEBHOOK_SECRET, int(clock.unix_time()), body)})
    unsigned = await cast.anonymous.post(URL, content=body)
    malformed = await cast.anonymous.post(URL, content=body, headers={SIGNATURE_HEADER: "v1=abc"})

    for response in (forged, tampered, unsigned, malformed):
        assert response.status_code == 400, response.text
        assert response.json()["code"] == "invalid_signature"
    assert await _state(client, invoice) == ("open", "pending_payment")
    assert await _events(db) == 0


async def test_a_replayed_old_delivery_is_refused(cast: Cast, gateway_settings: Settings, db: AsyncSession) -> None:
    client, invoice = await _card_subscription(cast)
    body = event("evt_1", "charge.succeeded", invoice["number"], int(clock.unix_time()) - 3600)

    replay = await deliver(cast.anonymous, body, timestamp=int(clock.unix_time()) - 301)
    within = await deliver(cast.anonymous, body, timestamp=int(clock.unix_time()) - 240)

    assert (replay.status_code, replay.json()["code"]) == (400, "stale_webhook")
    assert within.json()["outcome"] == "applied"
    assert await _state(client, invoice) == ("paid", "active")


async def test_a_late_failure_does_not_undo_a_newer_success(cast: Cast, gateway_settings: Settings) -> None:
    client, invoice = await _card_subscription(cast)
    now = int(clock.unix_time())

    success = await deliver(cast.anonymous, event("evt_2", "charge.succeeded", invoice["number"], now))
    failure = await deliver(cast.anonymous, event("evt_1", "charge.failed", invoice["number"], now - 60))

    assert (success.json()["outcome"], failure.json()["outcome"]) == ("applied", "ignored")
    assert await _state(client, invoice) == ("paid", "active")


async def test_a_failure_then_a_success_in_order(cast: Cast, gateway_settings: Settings) -> None:
    client, invoice = await _card_subscription(cast)
    now = int(clock.unix_time())

    failure = await deliver(cast.anonymous, event("evt_1", "charge.failed", invoice["number"], now - 60))
    assert await _state(client, invoice) == ("open", "pending_payment")  # a plan not paid for: still waiting
    success = await deliver(cast.anonymous, event("evt_2", "charge.succeeded", invoice["number"], now))

    assert (failure.json()["outcome"], success.json()["outcome"]) == ("applied", "applied")
    assert await _state(client, invoice) == ("paid", "active")


async def test_bad_bodies_and_unknown_invoices(cast: Cast, gateway_settings: Settings) -> None:
    now = int(clock.unix_time())
    not_json = await deliver(cast.anonymous, b"{not json")
    missing = await deliver(cast.anonymous, json.dumps({"id": "evt_1", "type": "charge.succeeded"}).encode())
    unknown = await deliver(cast.anonymous, event("evt_9", "charge.succeeded", "1999-000001", now))

    assert (not_json.status_code, not_json.json()["code"]) == (400, "invalid_event")
    assert (missing.status_code, missing.json()["code"]) == (400, "invalid_event")
    assert unknown.json() == {"event_id": "evt_9", "outcome": "unknown_invoice"}


async def test_without_a_secret_webhooks_are_refused(cast: Cast) -> None:
    response = await deliver(cast.anonymous, event("evt_1", "charge.succeeded", "2026-000001", int(clock.unix_time())))

    assert (response.status_code, response.json()["code"]) == (503, "provider_not_configured")


async def test_a_failed_renewal_makes_the_plan_past_due_until_paid(app: FastAPI, cast: Cast,
                                                                   gateway_settings: Settings) -> None:
    subscription = await paid_subscription(cast, "silver", provider="card_gateway")
    end = date.fromisoformat(subscription["current_period_end"])
    await billing_run(app, datetime(end.year, end.month, end.day, 12, tzinfo=UTC))
    client = (await cast.owner()).client
    renewal = (await client.get("/api/v1/billing/invoices")).json()["items"][0]
    assert renewal["purpose"] == "renewal"
    now = int(clock.unix_time())

    failure = await deliver(cast.anonymous, event("evt_1", "charge.failed", renewal["number"], now - 60))
    assert await _state(client, renewal) == ("open", "past_due")  # the renewal's grace period: still Silver
    assert (await client.get("/api/v1/billing/membership")).json()["tier"]["code"] == "silver"
    success = await deliver(cast.anonymous, event("evt_2", "charge.succeeded", renewal["number"], now))

    assert (failure.json()["outcome"], success.json()["outcome"]) == ("applied", "applied")
    assert await _state(client, renewal) == ("paid", "active")
