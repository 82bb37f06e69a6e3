"""Payments racing for one invoice: exactly one pays it, every other one is a refund due, shown to administrators
until they record the refund; the payment that won keeps its reference. Real concurrent requests on PostgreSQL."""

import asyncio
import json
from typing import Any

import httpx
import pytest

from app.core import clock
from app.core.config import Settings
from app.core.db import is_sqlite
from tests.billing.conftest import subscribe
from tests.billing.test_webhooks import deliver
from tests.support.actors import Cast
from tests.support.pages import text_of

RACERS = 30


def _charge(event_id: str, charge: str, invoice: str) -> bytes:
    return json.dumps({"id": event_id, "type": "charge.succeeded", "created": int(clock.unix_time()),
                       "data": {"invoice": invoice, "charge": charge}}).encode()


async def _card_invoice(cast: Cast) -> dict[str, Any]:
    owner = await cast.owner()
    invoice: dict[str, Any] = (await subscribe(owner.client, "gold", provider="card_gateway"))["invoice"]
    return invoice


@pytest.mark.postgres_only
async def test_thirty_charges_and_a_transfer_at_once_pay_the_invoice_once(cast: Cast, gateway_settings: Settings,
                                                                          ) -> None:
    if is_sqlite(gateway_settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    invoice = await _card_invoice(cast)
    admin = await cast.admin()

    charges = [deliver(cast.anonymous, _charge(f"evt_race_{n}", f"ch_race_{n}", invoice["number"]))
               for n in range(RACERS)]
    transfer = admin.client.post(f"/api/v1/billing/invoices/{invoice['id']}/mark-paid",
                                 json={"reference": "BANK-RACE"})
    *events, marked = await asyncio.gather(*charges, transfer)

    assert [response.status_code for response in (*events, marked)] == [200] * (RACERS + 1)
    outcomes = [response.json()["outcome"] for response in events]
    assert outcomes.count("applied") <= 1 and outcomes.count("refund_due") == RACERS - outcomes.count("applied")
    stored = (await admin.client.get(f"/api/v1/billing/invoices/{invoice['id']}")).json()
    winner = "BANK-RACE" if "applied" not in outcomes else f"ch_race_{outcomes.index('applied')}"
    assert (stored["status"], stored["payment_reference"]) == ("paid", winner)
    every_payment = {f"ch_race_{n}" for n in range(RACERS)} | {"BANK-RACE"}
    assert {refund["reference"] for refund in stored["refunds_due"]} == every_payment - {winner}
    due = (await admin.client.get("/api/v1/billing/admin/refunds-due")).json()
    assert len(due) == RACERS and {refund["invoice_number"] for refund in due} == {invoice["number"]}


async def test_a_second_payment_is_a_refund_due_until_an_admin_records_it(cast: Cast, gateway_settings: Settings,
                                                                        client: httpx.AsyncClient) -> None:
    invoice = await _card_invoice(cast)
    first = await deliver(cast.anonymous, _charge("evt_a", "ch_a", invoice["number"]))
    second = await deliver(cast.anonymous, _charge("evt_b", "ch_b", invoice["number"]))
    same_charge = await deliver(cast.anonymous, _charge("evt_c", "ch_a", invoice["number"]))
    assert [r.json()["outcome"] for r in (first, second, same_charge)] == ["applied", "refund_due", "duplicate"]

    admin = await cast.admin()
    [due] = (await admin.client.get("/api/v1/billing/admin/refunds-due")).json()
    assert (due["reference"], due["provider"], due["event_id"], due["amount"]) == (
        "ch_b", "card_gateway", "evt_b", invoice["total"])
    owner_view = (await (await cast.owner()).client.get(f"/api/v1/billing/invoices/{invoice['id']}")).json()
    assert (owner_view["payment_reference"], [r["reference"] for r in owner_view["refunds_due"]]) == (
        "ch_a", ["ch_b"])

    page = text_of(await admin.client.get("/admin/billing"))
    assert "Refunds due (1)" in page and "ch_b" in page
    recorded = await admin.client.post(f"/api/v1/billing/admin/refunds-due/{due['id']}/refunded")
    assert recorded.status_code == 200 and recorded.json()["refunded_at"] is not None
    assert (await admin.client.get("/api/v1/billing/admin/refunds-due")).json() == []
    assert "No payment is waiting to be given back." in text_of(await admin.client.get("/admin/billing"))
