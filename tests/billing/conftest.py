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


async def paid_subscription(cast: Cast, tier: str = "silver", **extra: Any) -> dict[str, Any]:
    """The owner subscribes and an admin marks the bank transfer of the first invoice received."""
    body = await subscribe((await cast.owner()).client, tier, **extra)
    admin = await cast.admin()
    response = await admin.client.post(f"/api/v1/billing/invoices/{body['invoice']['id']}/mark-paid",
                                       json={"reference": "BANK-1"})
    assert response.status_code == 200, response.text
    subscription: dict[str, Any] = body["subscription"]
    return subscription
