"""`tradeleads billing run`: renewals, downgrades at period end, dunning, expiry; safe to run twice at once."""

import asyncio
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.db import create_engine, create_sessionmaker, is_sqlite
from app.models import AlertJob, Invoice, Subscription
from app.models.enums import AlertEvent, EntityType, InvoicePurpose
from membership import billing_job
from membership.billing_job import BillingReport, run_billing
from tests.billing.conftest import billing_run, paid_subscription, paid_upgrade, subscribe
from tests.support.actors import Cast
from tests.support.clock import Travel
from tests.support.membership import add_listings
from tests.support.outbox import outbox_operations
from tests.support.problems import assert_problem


def noon(day: str | date) -> datetime:
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


async def _renewals(db: AsyncSession) -> list[tuple[int | None, date | None, str]]:
    rows = await db.execute(select(Invoice.subscription_id, Invoice.period_start, Invoice.number)
                            .where(Invoice.purpose == InvoicePurpose.RENEWAL).order_by(Invoice.id))
    await db.rollback()
    return [tuple(row) for row in rows]  # type: ignore[misc]


async def test_a_renewal_invoices_the_next_period_once_however_often_the_job_runs(
    app: FastAPI, cast: Cast, db: AsyncSession,
) -> None:
    owner = await cast.owner()
    subscription = await paid_subscription(cast, "silver")
    end = subscription["current_period_end"]

    first = await billing_run(app, noon(end))
    second = await billing_run(app, noon(end))

    assert (len(first.renewed), len(second.renewed)) == (1, 0)
    [(_, period_start, _)] = await _renewals(db)
    assert period_start == date.fromisoformat(end)
    renewed = (await owner.client.get("/api/v1/billing/membership")).json()["subscription"]
    assert renewed["current_period_start"] == end


@pytest.mark.postgres_only
async def test_two_billing_runs_at_the_same_time_issue_one_invoice_per_period(
    app: FastAPI, make_actor: Any, settings: Settings, db: AsyncSession, travel: Travel,
) -> None:
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    travel(datetime(2027, 3, 10, 9, tzinfo=UTC))
    admin = await make_actor("supplier", admin=True)
    ends = set()
    for _ in range(6):
        owner = await make_actor("supplier")
        created = await subscribe(owner.client, "silver")
        paid = await admin.client.post(f"/api/v1/billing/invoices/{created['invoice']['id']}/mark-paid",
                                       json={"reference": "BANK-1"})
        assert paid.status_code == 200, paid.text
        ends.add(created["subscription"]["current_period_end"])
    engines = [create_engine(settings) for _ in range(2)]
    try:
        reports = await asyncio.gather(*(run_billing(create_sessionmaker(engine), settings, noon(max(ends)))
                                         for engine in engines))
    finally:
        for engine in engines:
            await engine.dispose()

    renewals = await _renewals(db)
    assert ends == {"2027-04-10"}
    assert len({subscription_id for subscription_id, _, _ in renewals}) == 6
    assert sum(len(report.renewed) for report in reports) == 6
    # Gapless within the year, no duplicates: the six first invoices of 2027 took 1-6.
    assert sorted(number for _, _, number in renewals) == [f"2027-{n:06d}" for n in range(7, 13)]


async def test_invoices_issued_either_side_of_new_year_are_numbered_by_their_own_year(
    app: FastAPI, make_actor: Any, db: AsyncSession, travel: Travel,
) -> None:
    admin = await make_actor("supplier", admin=True)
    travel(datetime(2027, 12, 31, 23, 50, tzinfo=UTC))
    december = [await subscribe((await make_actor("supplier")).client, "silver") for _ in range(2)]
    travel(datetime(2028, 1, 1, 0, 10, tzinfo=UTC))
    january = [await subscribe((await make_actor("supplier")).client, "silver") for _ in range(2)]
    for body in december:
        paid = await admin.client.post(f"/api/v1/billing/invoices/{body['invoice']['id']}/mark-paid",
                                       json={"reference": "BANK-1"})
        assert paid.status_code == 200, paid.text

    report = await billing_run(app, noon("2028-01-31"))

    assert [body["invoice"]["number"] for body in december] == ["2027-000001", "2027-000002"]
    assert [body["invoice"]["number"] for body in january] == ["2028-000001", "2028-000002"]
    assert [body["subscription"]["current_period_end"] for body in december] == ["2028-01-31"] * 2
    assert len(report.renewed) == 2
    assert sorted(number for _, _, number in await _renewals(db)) == ["2028-000003", "2028-000004"]


async def test_a_downgrade_unpublishes_the_newest_listings_and_an_upgrade_allows_republishing(
    app: FastAPI, cast: Cast, db: AsyncSession,
) -> None:
    owner = await cast.owner()
    subscription = await paid_subscription(cast, "gold")
    ids = await add_listings(db, owner.organization_id, 103)  # oldest first
    await db.commit()
    await owner.client.post("/api/v1/billing/subscription/change", json={"tier": "silver"})

    report = await billing_run(app, noon(subscription["current_period_end"]))

    assert sorted(report.unpublished_listings) == ids[-3:]
    statuses = [(await owner.client.get(f"/api/v1/listings/{i}")).json()["status"] for i in ids[-5:]]
    assert statuses == ["published"] * 2 + ["unpublished"] * 3
    assert await outbox_operations(db, EntityType.LISTING, ids[-1]) == ["upsert"]
    assert (await cast.anonymous.get(f"/api/v1/listings/{ids[-1]}")).status_code == 404
    membership = (await owner.client.get("/api/v1/billing/membership")).json()
    assert (membership["tier"]["code"], membership["unpublished_listings"]) == ("silver", 3)

    refused = await owner.client.post(f"/api/v1/listings/{ids[-1]}/republish")
    body = assert_problem_402(refused)
    assert {k: body[k] for k in ("reason", "limit", "usage", "tier", "upgrade_to")} == {
        "reason": "listing_limit_reached", "limit": 100, "usage": 100, "tier": "silver", "upgrade_to": "gold"}

    await paid_upgrade(cast, "gold")
    republished = await owner.client.post(f"/api/v1/listings/{ids[-1]}/republish")

    assert (republished.status_code, republished.json()["status"]) == (200, "published")
    assert await outbox_operations(db, EntityType.LISTING, ids[-1]) == ["upsert", "upsert"]
    # Back on the market: matched against open RFQs and saved searches like a newly published listing.
    alert_jobs = (await db.scalars(select(AlertJob.event).where(AlertJob.subject_id == ids[-1]))).all()
    assert alert_jobs == [AlertEvent.LISTING_PUBLISHED]
    draft = (await owner.client.post("/api/v1/listings", json={"title": "Socks", "moq": "5", "moq_unit": "pair"}))
    assert_problem(await owner.client.post(f"/api/v1/listings/{draft.json()['id']}/republish"), 409,
                   "invalid_status_transition")


async def test_a_cancelled_plan_ends_at_the_period_end_on_the_free_tier(
    app: FastAPI, cast: Cast, db: AsyncSession,
) -> None:
    owner = await cast.owner()
    subscription = await paid_subscription(cast, "silver")
    ids = await add_listings(db, owner.organization_id, 22)
    await db.commit()
    await owner.client.post("/api/v1/billing/subscription/change", json={"tier": "free"})

    before = await billing_run(app, noon(subscription["current_period_end"]) - timedelta(days=1))
    report = await billing_run(app, noon(subscription["current_period_end"]))

    assert (before.ended, report.ended, sorted(report.unpublished_listings)) == \
        ([], [report.ended[0]], ids[-2:])
    membership = (await owner.client.get("/api/v1/billing/membership")).json()
    assert (membership["tier"]["code"], membership["subscription"]["status"]) == ("free", "canceled")
    assert await _renewals(db) == []


def assert_problem_402(response: Any) -> dict[str, Any]:
    assert response.status_code == 402, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert (body["code"], body["title"], body["upgrade_url"]) == ("entitlement_denied", "Payment required", "/plans")
    return body


async def test_a_scheduled_downgrade_applies_at_renewal(app: FastAPI, cast: Cast, db: AsyncSession) -> None:
    owner = await cast.owner()
    subscription = await paid_subscription(cast, "gold")
    await owner.client.post("/api/v1/billing/subscription/change", json={"tier": "silver"})

    await billing_run(app, noon(subscription["current_period_end"]))

    membership = (await owner.client.get("/api/v1/billing/membership")).json()
    assert (membership["subscription"]["tier"], membership["subscription"]["pending_tier"]) == ("silver", None)
    invoices = (await owner.client.get("/api/v1/billing/invoices")).json()["items"]
    assert [(i["purpose"], i["total"]) for i in invoices] == [("renewal", "49"), ("subscription", "149")]


async def test_unpaid_invoices_are_dunned_daily_then_the_plan_expires_after_the_grace_period(
    app: FastAPI, cast: Cast, db: AsyncSession,
) -> None:
    owner = await cast.owner()
    subscription = await paid_subscription(cast, "silver")
    await billing_run(app, noon(subscription["current_period_end"]))
    created = {"invoice": (await owner.client.get("/api/v1/billing/invoices")).json()["items"][0]}
    assert created["invoice"]["purpose"] == "renewal"
    due = date.fromisoformat(created["invoice"]["due_on"])
    await add_listings(db, owner.organization_id, 21)
    await db.commit()

    day_after = await billing_run(app, noon(due + timedelta(days=1)))
    same_day = await billing_run(app, noon(due + timedelta(days=1)))
    membership = (await owner.client.get("/api/v1/billing/membership")).json()
    assert (day_after.reminded, same_day.reminded) == ([created["invoice"]["number"]], [])
    assert (membership["tier"]["code"], membership["subscription"]["status"]) == ("silver", "past_due")

    last_day = await billing_run(app, noon(due + timedelta(days=6)))
    expired = await billing_run(app, noon(due + timedelta(days=7)))

    assert (last_day.expired, len(expired.expired), len(expired.unpublished_listings)) == ([], 1, 1)
    invoice = (await owner.client.get(f"/api/v1/billing/invoices/{created['invoice']['id']}")).json()
    assert (invoice["status"], invoice["reminders_sent"]) == ("void", 2)  # one per day the job ran
    membership = (await owner.client.get("/api/v1/billing/membership")).json()
    assert (membership["tier"]["code"], membership["subscription"]["status"]) == ("free", "expired")


async def test_paying_a_past_due_invoice_makes_the_plan_active_again(app: FastAPI, cast: Cast) -> None:
    owner = await cast.owner()
    subscription = await paid_subscription(cast, "silver")
    await billing_run(app, noon(subscription["current_period_end"]))
    created = {"invoice": (await owner.client.get("/api/v1/billing/invoices")).json()["items"][0]}
    await billing_run(app, noon(date.fromisoformat(created["invoice"]["due_on"]) + timedelta(days=2)))
    assert (await owner.client.get("/api/v1/billing/membership")).json()["subscription"]["status"] == "past_due"
    admin = await cast.admin()

    await admin.client.post(f"/api/v1/billing/invoices/{created['invoice']['id']}/mark-paid",
                            json={"reference": "LATE-1"})

    membership = (await owner.client.get("/api/v1/billing/membership")).json()
    assert membership["subscription"]["status"] == "active"


async def test_dunning_a_plan_whose_renewal_was_paid_meanwhile_leaves_it_active(app: FastAPI, cast: Cast) -> None:
    """PostgreSQL re-checks a row locked after a concurrent commit against the row only, not the subquery on its
    invoices, so the run may pick a plan whose renewal a card charge has just paid: dunning it changes nothing."""
    owner = await cast.owner()
    subscription = await paid_subscription(cast, "silver")
    report = BillingReport()
    async with app.state.sessionmaker() as session:
        picked = await session.scalar(select(Subscription).where(Subscription.organization_id == owner.organization_id))
        assert picked is not None
        await billing_job._dun(session, app.state.settings, picked, noon(subscription["current_period_end"]), report)
        await session.commit()

    membership = (await owner.client.get("/api/v1/billing/membership")).json()
    assert (membership["subscription"]["status"], report.reminded, report.expired) == ("active", [], [])
