"""GET /api/v1/leads: open RFQs ranked against a supplier's listings, so many a day per tier, buyer contact
details only where the plan shows them."""

from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from search.backend import SearchBackend
from tests.conftest import Actor, ActorFactory
from tests.matching.conftest import index_now, open_rfq, published_listing
from tests.support.clock import MID_MONTH_NOON, Travel
from tests.support.membership import put_on_tier

FREE_LEADS_PER_DAY = 5


@pytest.fixture
async def coffee(app: FastAPI, engine: SearchBackend, make_actor: ActorFactory, admin: Actor,
                 buyer: Actor, travel: Travel) -> dict[str, Any]:
    travel(MID_MONTH_NOON)  # the daily allowance is counted twice in some tests: the day must not turn between
    roaster = await make_actor("supplier", organization_name="Minas Coffee", country="BR")
    listing = await published_listing(roaster, admin, title="Green coffee beans arabica", hs_code="090111",
                                      moq="1", moq_unit="metric_ton")
    rfqs = [await open_rfq(buyer, admin, title=f"Green coffee beans lot {n}", hs_code="090111")
            for n in range(1, 8)]
    await open_rfq(buyer, admin, title="Cotton t-shirts 180 gsm", quantity="500", unit="piece")
    await index_now(app)
    return {"roaster": roaster, "listing": listing, "rfqs": rfqs}


async def test_free_plan_shows_five_leads_a_day_without_buyer_contact(coffee: dict[str, Any]) -> None:
    response = await coffee["roaster"].client.get("/api/v1/leads")

    assert response.status_code == 200, response.text
    body = response.json()
    assert len(body["items"]) == FREE_LEADS_PER_DAY
    assert (body["total"], body["daily_limit"], body["remaining_today"], body["limit_reached"]) == (7, 5, 0, True)
    assert body["upgrade_url"] == "/plans"
    first = body["items"][0]
    assert first["listing"]["id"] == coffee["listing"]["id"]
    assert first["buyer"] is None and first["buyer_country"] == "DE"
    lines = {factor["factor"]: factor["text"] for factor in first["factors"]}
    assert lines["hs"] == "HS 0901.11 exact"
    assert lines["moq"] == "MOQ 1 ≤ 20 t"
    assert {item["rfq_id"] for item in body["items"]} <= {rfq["id"] for rfq in coffee["rfqs"]}


async def test_leads_already_shown_today_do_not_count_again(coffee: dict[str, Any]) -> None:
    first = (await coffee["roaster"].client.get("/api/v1/leads")).json()
    again = (await coffee["roaster"].client.get("/api/v1/leads")).json()

    assert [item["rfq_id"] for item in again["items"]] == [item["rfq_id"] for item in first["items"]]
    assert again["remaining_today"] == 0


async def test_gold_plan_shows_every_lead_with_buyer_contact(coffee: dict[str, Any], db: AsyncSession,
                                                             buyer: Actor) -> None:
    await put_on_tier(db, coffee["roaster"].organization_id, "gold")
    await db.commit()

    body = (await coffee["roaster"].client.get("/api/v1/leads", params={"per_page": 3, "page": 3})).json()

    assert (len(body["items"]), body["total"], body["limit_reached"]) == (1, 7, False)
    assert (body["daily_limit"], body["remaining_today"]) == (100, 99)
    assert body["items"][0]["buyer"] == {"organization_name": "Hamburg Imports", "name": "User 2",
                                         "email": buyer.email}


async def test_buyers_have_no_leads_feed(buyer: Actor) -> None:
    response = await buyer.client.get("/api/v1/leads")
    assert response.status_code == 403
    assert response.json()["code"] == "not_a_supplier"
