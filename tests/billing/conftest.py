"""Billing tests: an owner that pays, the card gateway's shared secret, and running the billing job."""

from datetime import datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.core.config import Settings
from membership.billing_job import BillingReport, run_billing
from tests.support.actors import Cast, cast_fixture

WEBHOOK_SECRET = "whsec_test_secret"
cast = cast_fixture("supplier")


@pytest.fixture
def gateway_settings(app: FastAPI, settings: Settings) -> Settings:
    """This test's app knows the card gateway's webhook secret."""
    configured = settings.model_copy(update={"card_webhook_secret": WEBHOOK_SECRET})
    app.state.settings = configured
    return configured


async def subscribe(client: httpx.AsyncClient, tier: str = "silver", **extra: Any) -> dict[str, Any]:
    response = await client.post("/api/v1/billing/subscription", json={"tier": tier, **extra})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def billing_run(app: FastAPI, now: datetime) -> BillingReport:
    return await run_billing(app.state.sessionmaker, app.state.settings, now)


async def mark_paid(cast: Cast, invoice_id: int, reference: str = "BANK-1") -> None:
    """An admin marks the bank transfer of the invoice received."""
    response = await (await cast.admin()).client.post(f"/api/v1/billing/invoices/{invoice_id}/mark-paid",
                                                      json={"reference": reference})
    assert response.status_code == 200, response.text


async def paid_subscription(cast: Cast, tier: str = "silver", **extra: Any) -> dict[str, Any]:
    """The owner subscribes and an admin marks the bank transfer of the first invoice received."""
    body = await subscribe((await cast.owner()).client, tier, **extra)
    await mark_paid(cast, body["invoice"]["id"])
    subscription: dict[str, Any] = body["subscription"]
    return subscription


async def paid_upgrade(cast: Cast, tier: str) -> dict[str, Any]:
    """The owner upgrades and an admin marks the upgrade's invoice paid."""
    response = await (await cast.owner()).client.post("/api/v1/billing/subscription/change", json={"tier": tier})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    await mark_paid(cast, body["invoice"]["id"], "BANK-UPGRADE")
    return body
