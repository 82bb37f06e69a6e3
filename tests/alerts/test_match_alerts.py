"""Alerts of matches: an RFQ that opens reaches its best-matched suppliers, a new listing reaches the buyers whose
open RFQs it answers strongly (it enters their top suppliers); each organisation is told of an event once, however
often the worker runs."""

import re
from typing import Any

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import AlertJob
from app.models.enums import AlertEvent
from search.backend import SearchBackend
from tests.alerts.conftest import alerted, emails_to, notifications_of, pending_jobs, work_off
from tests.conftest import Actor
from tests.search_api.conftest import open_rfq, published_listing

CAMERA = {"title": "Sony Cyber-shot DSC-W120P digital camera", "hs_code": "852589", "moq": "10", "moq_unit": "piece",
          "price_min": "90", "price_max": "95", "currency": "USD"}


async def test_an_opened_rfq_reaches_its_top_matched_suppliers_only(app: FastAPI, engine: SearchBackend,
                                                                     make_actor: Any, db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    exact, close, loose, unrelated = [await make_actor("supplier") for _ in range(4)]
    await published_listing(exact, admin, **CAMERA)
    await published_listing(close, admin, **{**CAMERA, "title": "Digital camera DSC-W120P, silver"})
    await published_listing(loose, admin, title="Compact digital camera 12 MP", hs_code="852589", moq="10",
                            moq_unit="piece")
    await published_listing(unrelated, admin, title="Cotton t-shirts 180 gsm", moq="500", moq_unit="piece")
    buyer = await make_actor("buyer", country="DE")

    rfq = await open_rfq(buyer, admin, title="Sony DSC-W120P digital camera", hs_code="852589", quantity="200",
                         unit="piece", target_unit_price="100", currency="USD")
    await work_off(app)

    key = f"rfq_match:rfq:{rfq['id']}"
    assert (await alerted(db))[key] == {exact.organization_id, close.organization_id}
    notes = await notifications_of(db, exact.organization_id)
    assert [(n["kind"], n["title"], n["link"]) for n in notes[-1:]] == [
        ("rfq_match", "New RFQ matching your products: Sony DSC-W120P digital camera", f"/rfqs/{rfq['id']}")]
    assert notes[-1]["body"].startswith("Why it matches your listing #")
    body = notes[-1]["body"].splitlines()
    assert any(re.fullmatch(r"- Same HS code 8525\.89 \(\d+% of the match\)", line) for line in body), body
    assert not any("+" in line or "No plan boost" in line or "You gave no" in line for line in body), body
    assert (await emails_to(db, exact.email))[-1] == "New RFQ matching your products: Sony DSC-W120P digital camera"
    for stranger in (loose, unrelated):
        assert [n for n in await notifications_of(db, stranger.organization_id) if n["kind"] == "rfq_match"] == []


async def test_a_new_listing_reaches_buyers_whose_open_rfq_it_enters_the_top_of(
        app: FastAPI, engine: SearchBackend, make_actor: Any, db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    for model in ("TR-160", "TR-200"):  # the tripod buyer's top suppliers already
        await published_listing(await make_actor("supplier"), admin, title=f"Aluminium camera tripod {model}",
                                moq="10", moq_unit="piece")
    await work_off(app)
    wants_camera, wants_tripod, wants_shirts = [await make_actor("buyer", country="DE") for _ in range(3)]
    camera_rfq = await open_rfq(wants_camera, admin, title="Sony DSC-W120P digital camera", hs_code="852589",
                                quantity="200", unit="piece", target_unit_price="100", currency="USD")
    await open_rfq(wants_tripod, admin, title="Aluminium camera tripod TR-160 or TR-200", quantity="50", unit="piece")
    await open_rfq(wants_shirts, admin, title="Cotton t-shirts", quantity="2000", unit="piece")
    supplier = await make_actor("supplier")
    await work_off(app)

    listing = await published_listing(supplier, admin, **CAMERA)
    await work_off(app)

    assert (await alerted(db))[f"listing_match:listing:{listing['id']}"] == {wants_camera.organization_id}
    notes = [n for n in await notifications_of(db, wants_camera.organization_id) if n["kind"] == "listing_match"]
    assert [(n["title"], n["link"]) for n in notes] == [
        (f"A new listing matches your RFQ: {camera_rfq['title']}", f"/listings/{listing['id']}")]
    for other in (wants_tripod, wants_shirts):
        assert [n for n in await notifications_of(db, other.organization_id) if n["kind"] == "listing_match"] == []


async def _camera_market(app: FastAPI, make_actor: Any) -> tuple[Actor, dict[str, Any]]:
    admin = await make_actor("both", admin=True)
    supplier = await make_actor("supplier")
    await published_listing(supplier, admin, **CAMERA)
    buyer = await make_actor("buyer", country="DE")
    rfq = await open_rfq(buyer, admin, title="Sony DSC-W120P digital camera", quantity="200", unit="piece")
    return supplier, rfq


async def test_running_the_worker_again_alerts_nobody_twice(app: FastAPI, engine: SearchBackend,
                                                             make_actor: Any, db: AsyncSession) -> None:
    supplier, _ = await _camera_market(app, make_actor)
    await work_off(app)
    before = await notifications_of(db, supplier.organization_id)

    again = await work_off(app)

    assert (again.processed, again.alerted) == ([], 0)
    assert await notifications_of(db, supplier.organization_id) == before
    assert [n["kind"] for n in before].count("rfq_match") == 1
    assert await pending_jobs(db) == 0


async def test_the_same_event_queued_twice_alerts_each_organisation_once(app: FastAPI, engine: SearchBackend,
                                                                          make_actor: Any, db: AsyncSession) -> None:
    supplier, rfq = await _camera_market(app, make_actor)
    db.add(AlertJob(event=AlertEvent.RFQ_OPENED, subject_id=rfq["id"]))
    await db.commit()

    await work_off(app)

    notes = await notifications_of(db, supplier.organization_id)
    assert [n["kind"] for n in notes].count("rfq_match") == 1
    assert await pending_jobs(db) == 0
