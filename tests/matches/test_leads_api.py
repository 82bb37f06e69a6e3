"""GET /api/v1/leads: open RFQs ranked against a supplier's listings, listed without the buyer; opening a lead
(the RFQ's details) counts against the plan's leads a day and shows buyer contact details where the plan does."""

from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from search.backend import SearchBackend
from tests.conftest import Actor, ActorFactory
from tests.matching.conftest import index_now, open_rfq, published_listing
from tests.support.clock import MID_MONTH_NOON, Travel
from tests.support.membership import put_on_tier
from tests.support.pages import text_of

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


async def test_listing_leads_spends_none_of_the_days_leads(coffee: dict[str, Any]) -> None:
    """The feed lists every lead it ranks, names no buyer, and counts nothing: page and API, as often as wanted."""
    roaster = coffee["roaster"].client
    await roaster.get("/leads")
    await roaster.get("/api/v1/leads")

    response = await roaster.get("/api/v1/leads")

    assert response.status_code == 200, response.text
    body = response.json()
    assert len(body["items"]) == 7
    assert (body["total"], body["daily_limit"], body["remaining_today"], body["limit_reached"]) == (7, 5, 5, False)
    assert body["upgrade_url"] is None
    first = body["items"][0]
    assert first["listing"]["id"] == coffee["listing"]["id"]
    assert "buyer" not in first and first["buyer_country"] == "DE" and first["opened_today"] is False
    assert "Hamburg Imports" not in response.text
    lines = {factor["factor"]: factor["text"] for factor in first["factors"]}
    assert lines["hs"] == "Same HS code 0901.11"
    assert lines["moq"] == "Minimum order 1 t, within your 20 t"
    assert {item["rfq_id"] for item in body["items"]} == {rfq["id"] for rfq in coffee["rfqs"]}


async def remaining_today(supplier: Actor) -> int | None:
    value: int | None = (await supplier.client.get("/api/v1/leads")).json()["remaining_today"]
    return value


async def test_opening_a_lead_counts_it_once_a_day(coffee: dict[str, Any]) -> None:
    roaster, rfq = coffee["roaster"], coffee["rfqs"][0]

    opened = (await roaster.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()
    assert opened["full_text"] is True
    assert await remaining_today(roaster) == 4
    assert (await roaster.client.get(f"/rfqs/{rfq['id']}")).status_code == 200
    assert (await roaster.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()["full_text"] is True

    body = (await roaster.client.get("/api/v1/leads")).json()
    assert body["remaining_today"] == 4
    assert [item["rfq_id"] for item in body["items"] if item["opened_today"]] == [rfq["id"]]


async def test_once_the_days_leads_are_opened_the_others_stay_closed(coffee: dict[str, Any],
                                                                     travel: Travel) -> None:
    roaster, rfqs = coffee["roaster"], coffee["rfqs"]
    for rfq in rfqs[:FREE_LEADS_PER_DAY]:
        assert (await roaster.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()["full_text"] is True

    refused = (await roaster.client.get(f"/api/v1/rfqs/{rfqs[5]['id']}")).json()
    page = text_of(await roaster.client.get(f"/rfqs/{rfqs[5]['id']}"))
    feed = (await roaster.client.get("/api/v1/leads")).json()

    assert (refused["full_text"], refused["organization_id"]) == (False, None)
    assert "you have opened them all today" in page and "Upgrade" in page
    assert (feed["remaining_today"], feed["limit_reached"], feed["upgrade_url"]) == (0, True, "/plans")
    assert (await roaster.client.get(f"/api/v1/rfqs/{rfqs[0]['id']}")).json()["full_text"] is True
    travel(MID_MONTH_NOON + timedelta(days=1))
    assert (await roaster.client.get(f"/api/v1/rfqs/{rfqs[5]['id']}")).json()["full_text"] is True
    assert await remaining_today(roaster) == 4


async def test_gold_plan_opens_a_lead_with_the_buyers_contact(coffee: dict[str, Any], db: AsyncSession,
                                                              buyer: Actor) -> None:
    await put_on_tier(db, coffee["roaster"].organization_id, "gold")
    await db.commit()
    roaster = coffee["roaster"].client

    body = (await roaster.get("/api/v1/leads", params={"per_page": 3, "page": 3})).json()
    assert (len(body["items"]), body["total"], body["limit_reached"]) == (1, 7, False)
    assert (body["daily_limit"], body["remaining_today"]) == (100, 100)
    assert "Hamburg Imports" not in str(body)

    opened = (await roaster.get(f"/api/v1/rfqs/{body['items'][0]['rfq_id']}")).json()

    assert opened["buyer_contact"]["organization_name"] == "Hamburg Imports"
    assert (opened["buyer_contact"]["name"], opened["buyer_contact"]["email"]) == ("User 2", buyer.email)
    assert await remaining_today(coffee["roaster"]) == 99


async def test_buyers_have_no_leads_feed(buyer: Actor) -> None:
    response = await buyer.client.get("/api/v1/leads")
    assert response.status_code == 403
    assert response.json()["code"] == "not_a_supplier"
