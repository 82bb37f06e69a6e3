"""RFQ rules of the trading floor: completeness score, anti-spam caps, duplicates, and the expiry job."""

import asyncio

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.db import create_engine, create_sessionmaker
from app.models import RfqLimit
from app.models.enums import EntityType
from app.quotes.rfq_endings import run_expiry
from app.rfqs.limits import normalised_title
from tests.cli.conftest import RunCli, run_cli
from tests.support.actors import Cast
from tests.support.clock import MID_MONTH_NOON, Travel
from tests.support.outbox import outbox_operations
from tests.support.problems import assert_problem
from tests.support.quotes import notifications_of, open_rfq, set_valid_until, submit, suppliers
from tests.support.rfqs import create_rfq, days_from_today, rfq_in_status, rfq_payload

__all__ = ["run_cli"]
DETAILED = ("Washed arabica, screen 16+, moisture below 12 %, cupping score 84+, packed in 60 kg jute bags with "
            "GrainPro liners, shipped in 20 ft containers.")


async def test_a_complete_rfq_scores_100(cast: Cast) -> None:
    rfq = await create_rfq((await cast.owner()).client, description=DETAILED, hs_code="0901.11",
                           target_unit_price="3200", currency="EUR", incoterm="CIF", destination_country="DE",
                           required_certifications=["Organic"])

    assert rfq["completeness"] == {"score": 100, "missing": []}


async def test_each_missing_fact_costs_its_points(cast: Cast) -> None:
    rfq = await create_rfq((await cast.owner()).client, description=DETAILED, hs_code="0901.11",
                           incoterm="CIF", destination_country="DE")

    assert rfq["completeness"] == {"score": 75, "missing": [
        {"field": "target_unit_price", "label": "Target price", "points": 15},
        {"field": "required_certifications", "label": "Certifications", "points": 10}]}


def test_titles_are_compared_normalised() -> None:
    assert normalised_title("  Green  COFFEE-beans! ") == normalised_title("green coffee beans") == "green coffee beans"


async def test_a_duplicate_of_an_open_rfq_is_refused_on_create_and_on_submit(cast: Cast) -> None:
    owner = await cast.owner()
    first = await rfq_in_status(cast, "open", hs_code="090111")
    draft = await create_rfq(owner.client, title="Green coffee beans (2)", hs_code="090111")
    await owner.client.patch(f"/api/v1/rfqs/{draft['id']}", json={"title": "green coffee-beans"})

    on_create = assert_problem(await owner.client.post("/api/v1/rfqs", json=rfq_payload(
        title="GREEN COFFEE BEANS", hs_code="0901.11")), 409, "duplicate_rfq")
    on_submit = assert_problem(await owner.client.post(f"/api/v1/rfqs/{draft['id']}/submit"), 409, "duplicate_rfq")

    assert on_create["duplicate_of"] == on_submit["duplicate_of"] == first["id"]
    assert on_create["detail"] == f"You already have an open or pending RFQ like this one (RFQ {first['id']})"
    other_code = await owner.client.post("/api/v1/rfqs", json=rfq_payload(hs_code="090121"))
    assert other_code.status_code == 201
    await owner.client.post(f"/api/v1/rfqs/{first['id']}/close")
    assert (await owner.client.post(f"/api/v1/rfqs/{draft['id']}/submit")).status_code == 200


async def test_another_buyer_may_ask_for_the_same(cast: Cast) -> None:
    await rfq_in_status(cast, "open")
    stranger = await cast.stranger()

    assert (await stranger.client.post("/api/v1/rfqs", json=rfq_payload())).status_code == 201


async def limit(db: AsyncSession, organization_id: int, **caps: int) -> None:
    db.add(RfqLimit(organization_id=organization_id, **caps))
    await db.commit()


async def test_the_daily_cap_counts_rfqs_created_today(cast: Cast, db: AsyncSession, travel: Travel) -> None:
    travel(MID_MONTH_NOON)
    owner = await cast.owner()
    await limit(db, owner.organization_id, rfqs_per_day=2, open_rfqs=25)
    for n in range(2):
        await create_rfq(owner.client, title=f"Request {n}")

    problem = assert_problem(await owner.client.post("/api/v1/rfqs", json=rfq_payload(title="Request 3")),
                             429, "rfq_daily_limit")

    assert (problem["detail"], problem["limit"]) == (
        "Your organization may create 2 RFQs a day; try again tomorrow", 2)
    stranger = await cast.stranger()  # the platform default (10 a day) still holds for others
    assert (await stranger.client.post("/api/v1/rfqs", json=rfq_payload())).status_code == 201


async def test_the_default_daily_cap_is_ten(cast: Cast, travel: Travel) -> None:
    travel(MID_MONTH_NOON)
    owner = await cast.owner()
    for n in range(10):
        await create_rfq(owner.client, title=f"Request {n}")

    assert_problem(await owner.client.post("/api/v1/rfqs", json=rfq_payload(title="One more")), 429,
                   "rfq_daily_limit")


async def test_the_open_cap_counts_open_and_pending_rfqs(cast: Cast, db: AsyncSession) -> None:
    owner = await cast.owner()
    await limit(db, owner.organization_id, rfqs_per_day=10, open_rfqs=2)
    await rfq_in_status(cast, "open", title="Request 1")
    await rfq_in_status(cast, "pending_review", title="Request 2")
    third = await create_rfq(owner.client, title="Request 3")

    problem = assert_problem(await owner.client.post(f"/api/v1/rfqs/{third['id']}/submit"), 429, "rfq_open_limit")

    assert problem["detail"] == "Your organization may have 2 RFQs open or in review at once; close one first"
    assert (await owner.client.get(f"/api/v1/rfqs/{third['id']}")).json()["status"] == "draft"


async def test_expiry_expires_open_rfqs_past_their_date_once(cast: Cast, app: FastAPI, db: AsyncSession) -> None:
    past = await open_rfq(cast, title="Past")
    current = await open_rfq(cast, title="Current")
    draft = await create_rfq((await cast.owner()).client, title="Draft")
    [supplier] = await suppliers(app, 1)
    quote = await submit(supplier.client, past)
    for rfq in (past, draft):
        await set_valid_until(db, rfq["id"], days_from_today(-1))
    events_before = await outbox_operations(db, EntityType.RFQ, past["id"])

    first = await run_expiry(app.state.sessionmaker, days_from_today(0))
    second = await run_expiry(app.state.sessionmaker, days_from_today(0))

    assert (first.expired, second.expired) == ([past["id"]], [])
    owner = await cast.owner()
    statuses = [(await owner.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()["status"]
                for rfq in (past, current, draft)]
    assert statuses == ["expired", "open", "draft"]
    assert (await supplier.client.get(f"/api/v1/quotes/{quote['id']}")).json()["status"] == "expired"
    assert await outbox_operations(db, EntityType.RFQ, past["id"]) == [*events_before, "upsert"]
    assert (await notifications_of(db, owner.organization_id))[-1] == ("rfq_expired", "Your RFQ “Past” expired")
    await supplier.client.aclose()


async def test_concurrent_expiry_runs_expire_each_rfq_exactly_once(cast: Cast, settings: Settings,
                                                                   db: AsyncSession) -> None:
    rfqs = [await open_rfq(cast, title=f"Request {n}") for n in range(5)]
    for rfq in rfqs:
        await set_valid_until(db, rfq["id"], days_from_today(-1))
    engines = [create_engine(settings) for _ in range(3)]
    try:
        reports = await asyncio.gather(*(run_expiry(create_sessionmaker(engine), days_from_today(0))
                                         for engine in engines))
    finally:
        for engine in engines:
            await engine.dispose()

    expired = sorted(rfq_id for report in reports for rfq_id in report.expired)
    assert expired == sorted(rfq["id"] for rfq in rfqs)
    notified = await notifications_of(db, (await cast.owner()).organization_id)
    assert sorted(title for kind, title in notified if kind == "rfq_expired") == [
        f"Your RFQ “Request {n}” expired" for n in range(5)]


async def test_the_cli_expires_as_of_a_day(cast: Cast, run_cli: RunCli) -> None:
    rfq = await open_rfq(cast)
    valid_until = days_from_today(30)

    early = await run_cli("rfqs", "expire", "--on", valid_until.isoformat())
    late = await run_cli("rfqs", "expire", "--on", days_from_today(31).isoformat())
    bad = await run_cli("rfqs", "expire", "--on", "soon")

    assert early.exit_code == late.exit_code == 0, early.output + late.output
    assert f"Expired 0 RFQs as of {valid_until.isoformat()}" in early.output
    assert f"Expired 1 RFQs as of {days_from_today(31).isoformat()}: {rfq['id']}" in late.output
    assert bad.exit_code == 2 and "--on must be a date" in bad.output
