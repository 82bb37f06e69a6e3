"""Everything that changes an invoice takes its locks in one order (subscription, then invoice), so payments, an
administrator voiding and the billing run can arrive at once: none waits on another in a circle, and what one decided
the next one sees. Real concurrent requests and a real billing run on PostgreSQL."""

import asyncio
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.core.config import Settings
from app.core.db import is_sqlite
from app.core.errors import AppError
from app.models import Invoice
from membership import invoices, payments
from membership.billing_job import run_billing
from tests.billing.conftest import subscribe
from tests.billing.test_billing_job import noon
from tests.billing.test_payment_races import _card_invoice, _charge
from tests.billing.test_webhooks import deliver
from tests.support.actors import Cast
from tests.support.clock import Travel

CHARGES = 10


def _needs_postgres(settings: Settings) -> None:
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")


def _refunded(invoice: dict[str, Any]) -> set[str]:
    return {refund["reference"] for refund in invoice["refunds_due"]}


@pytest.mark.postgres_only
async def test_voiding_while_card_charges_arrive_never_voids_a_paid_invoice(cast: Cast, gateway_settings: Settings,
                                                                           ) -> None:
    _needs_postgres(gateway_settings)
    invoice = await _card_invoice(cast)
    admin = await cast.admin()

    void = admin.client.post(f"/api/v1/billing/invoices/{invoice['id']}/void")
    charges = [deliver(cast.anonymous, _charge(f"evt_void_{n}", f"ch_void_{n}", invoice["number"]))
               for n in range(CHARGES)]
    voided, events = await asyncio.gather(void, asyncio.gather(*charges))

    assert [event.status_code for event in events] == [200] * CHARGES
    outcomes = [event.json()["outcome"] for event in events]
    stored = (await admin.client.get(f"/api/v1/billing/invoices/{invoice['id']}")).json()
    every_charge = {f"ch_void_{n}" for n in range(CHARGES)}
    if stored["status"] == "void":  # the void came first: every charge is money to give back
        assert voided.status_code == 200 and "applied" not in outcomes
        assert _refunded(stored) == every_charge
    else:  # a charge came first: it paid the invoice, the void is refused, the other charges go back
        assert (stored["status"], voided.status_code, voided.json()["code"]) == ("paid", 409, "invoice_paid")
        assert outcomes.count("applied") == 1
        assert _refunded(stored) == every_charge - {stored["payment_reference"]}


@pytest.mark.postgres_only
async def test_a_void_decided_on_what_was_read_before_a_payment_does_not_undo_it(
    app: FastAPI, cast: Cast, gateway_settings: Settings,
) -> None:
    _needs_postgres(gateway_settings)
    invoice = await _card_invoice(cast)
    async with app.state.sessionmaker() as voiding:
        seen_open = await voiding.get(Invoice, invoice["id"])  # what the administrator's page showed
        assert seen_open is not None
        async with app.state.sessionmaker() as paying:
            paid = await paying.get(Invoice, invoice["id"])
            assert paid is not None
            assert await payments.settle(paying, paid, "BANK-FIRST") == payments.PAID
            await paying.commit()
        with pytest.raises(AppError) as refused:
            await invoices.void(voiding, seen_open)
    assert refused.value.code == "invoice_paid"
    stored = (await (await cast.admin()).client.get(f"/api/v1/billing/invoices/{invoice['id']}")).json()
    assert (stored["status"], stored["payment_reference"]) == ("paid", "BANK-FIRST")


async def _renewal_due(owner: httpx.AsyncClient) -> dict[str, Any]:
    invoices = (await owner.get("/api/v1/billing/invoices")).json()["items"]
    renewal: dict[str, Any]
    [renewal] = [invoice for invoice in invoices if invoice["status"] == "open"]
    return renewal


async def _past_due_card_subscriptions(app: FastAPI, make_actor: Any, client: httpx.AsyncClient, count: int,
                                       ) -> tuple[list[httpx.AsyncClient], date]:
    """`count` organisations whose card renewal is open and overdue (reminded once); the day it fell due."""
    owners, ends = [], set()
    for _ in range(count):
        owner = await make_actor("supplier")
        created = await subscribe(owner.client, "silver", provider="card_gateway")
        first = created["invoice"]["number"]
        paid = await deliver(client, _charge(f"evt_first_{first}", f"ch_first_{first}", first))
        assert paid.json()["outcome"] == "applied"
        owners.append(owner.client)
        ends.add(date.fromisoformat(created["subscription"]["current_period_end"]))
    [due] = ends
    await run_billing(app.state.sessionmaker, app.state.settings, noon(due))  # renewal invoices issued
    await run_billing(app.state.sessionmaker, app.state.settings, noon(due + timedelta(days=1)))  # past due
    return owners, due


@pytest.mark.postgres_only
async def test_the_billing_run_and_card_charges_at_once_neither_deadlock_nor_disagree(
    app: FastAPI, make_actor: Any, client: httpx.AsyncClient, gateway_settings: Settings, travel: Travel,
) -> None:
    _needs_postgres(gateway_settings)
    travel(datetime(2027, 3, 10, 9, tzinfo=UTC))
    owners, due = await _past_due_card_subscriptions(app, make_actor, client, 4)
    renewals = [await _renewal_due(owner) for owner in owners]

    expiry = noon(due + timedelta(days=gateway_settings.billing_grace_days))
    charges = [deliver(client, _charge(f"evt_{renewal['number']}_{n}", f"ch_{renewal['number']}_{n}",
                                       renewal["number"]))
               for renewal in renewals for n in range(3)]
    report, events = await asyncio.gather(run_billing(app.state.sessionmaker, gateway_settings, expiry),
                                          asyncio.gather(*charges))

    assert [event.status_code for event in events] == [200] * len(charges)
    outcomes = [event.json()["outcome"] for event in events]
    voided = 0
    for owner, renewal, mine in zip(owners, renewals, (outcomes[n:n + 3] for n in range(0, len(outcomes), 3)),
                                    strict=True):
        stored = (await owner.get(f"/api/v1/billing/invoices/{renewal['id']}")).json()
        status = (await owner.get("/api/v1/billing/membership")).json()["subscription"]["status"]
        charged = {f"ch_{renewal['number']}_{n}" for n in range(3)}
        if stored["status"] == "void":  # the run expired the plan first: every charge goes back
            assert (status, "applied" in mine, _refunded(stored)) == ("expired", False, charged)
            voided += 1
        else:  # a charge paid the renewal first: the plan is active again and the run left it alone
            assert (stored["status"], status, mine.count("applied")) == ("paid", "active", 1)
            assert _refunded(stored) == charged - {stored["payment_reference"]}
    assert len(report.expired) == voided


async def test_the_same_charge_reported_by_two_events_is_one_refund(cast: Cast, gateway_settings: Settings) -> None:
    invoice = await _card_invoice(cast)
    first = await deliver(cast.anonymous, _charge("evt_one", "ch_one", invoice["number"]))
    again = [await deliver(cast.anonymous, _charge(f"evt_two_{n}", "ch_two", invoice["number"])) for n in range(3)]

    assert [r.json()["outcome"] for r in (first, *again)] == ["applied", "refund_due", "duplicate", "duplicate"]
    admin = await cast.admin()
    due = (await admin.client.get("/api/v1/billing/admin/refunds-due")).json()
    assert [(refund["reference"], refund["event_id"]) for refund in due] == [("ch_two", "evt_two_0")]
