"""Every submitted RFQ gets a lead-quality score with its reasons (trust.lead_quality, app.rfqs.quality), scored
again when it opens; suppliers and admins see it on the RFQ and in the leads feed, which they can filter by it;
the buyer does not."""

from typing import Any

import httpx
from fastapi import FastAPI

from search.indexer import drain_all
from tests.conftest import BASE_URL, ActorFactory
from tests.support.pages import COFFEE_RFQ

COFFEE_LISTING = {"title": "Green arabica coffee, washed, screen 16", "hs_code": "090111", "price_min": "5.00",
                  "price_max": "5.40", "currency": "USD", "moq": "500", "moq_unit": "kg",
                  "keywords": ["coffee", "arabica"], "description": "Washed arabica green coffee beans."}


async def _submitted(client: httpx.AsyncClient, **changes: Any) -> dict[str, Any]:
    created = await client.post("/api/v1/rfqs", json={**COFFEE_RFQ, **changes})
    assert created.status_code == 201, created.text
    submitted = await client.post(f"/api/v1/rfqs/{created.json()['id']}/submit")
    assert submitted.status_code == 200, submitted.text
    return dict(submitted.json())


async def _queue_row(admin: httpx.AsyncClient, rfq_id: int) -> str:
    page = (await admin.get("/admin/moderation")).text
    start = page.index(f'<tr data-type="rfq" data-id="{rfq_id}">')
    return page[start:page.index("</tr>", start)]


def _codes(quality: dict[str, Any]) -> dict[str, int]:
    return {reason["code"]: reason["points"] for reason in quality["reasons"]}


async def test_a_submitted_rfq_is_scored_for_admins_and_suppliers_not_for_its_buyer(make_actor: ActorFactory) -> None:
    buyer, admin = await make_actor("buyer"), await make_actor("both", admin=True)
    supplier = await make_actor("supplier")
    rfq = await _submitted(buyer.client)
    assert rfq["quality"] is None  # the buyer never sees it

    quality = (await admin.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()["quality"]
    assert quality["version"] == 1
    assert _codes(quality) == {"email_not_confirmed": 0, "account_age": 0, "organization_not_verified": 0,
                               "completeness": 30, "price_not_compared": 5, "first_rfq": 5}
    assert quality["score"] == 40
    row = await _queue_row(admin.client, rfq["id"])
    assert "Lead quality 40/100" in row and "low: check it first" not in row  # 40 is the default threshold
    assert (await admin.client.post(f"/api/v1/rfqs/{rfq['id']}/approve")).status_code == 200
    seen = (await supplier.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()
    assert seen["quality"]["score"] == 40
    assert "The RFQ is 75% complete" in [reason["text"] for reason in seen["quality"]["reasons"]]
    assert (await buyer.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()["quality"] is None
    async with httpx.AsyncClient(transport=buyer.client._transport, base_url=BASE_URL) as visitor:
        assert (await visitor.get(f"/api/v1/rfqs/{rfq['id']}")).json()["quality"] is None


async def test_penalties_contact_details_near_duplicates_and_an_implausible_price(make_actor: ActorFactory) -> None:
    admin, supplier = await make_actor("both", admin=True), await make_actor("supplier")
    listing = await supplier.client.post("/api/v1/listings", json={**COFFEE_LISTING, "country_of_origin": "CO"})
    assert listing.status_code == 201, listing.text
    for step, actor in (("submit", supplier), ("publish", admin)):
        assert (await actor.client.post(f"/api/v1/listings/{listing.json()['id']}/{step}")).status_code == 200

    first, second, third = await make_actor("buyer"), await make_actor("buyer"), await make_actor("buyer")
    plausible = await _submitted(first.client, target_unit_price="4.75", currency="EUR")
    copied = await _submitted(second.client, target_unit_price="0.02", currency="USD")  # the same words, 1/250 price
    talkative = await _submitted(third.client, title="Arabica green coffee for our roastery",
                                 description="Write to sales@example.org or call +49 40 1234 5678.")
    qualities = [(await admin.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()["quality"]
                 for rfq in (plausible, copied, talkative)]
    assert [quality["score"] for quality in qualities] == [30 + 10 + 5, 30 + 0 + 5 - 25, 30 + 10 + 5 - 15]
    assert "price_plausible" in _codes(qualities[0]) and "near_duplicate" not in _codes(qualities[0])
    assert {"price_implausible": 0, "near_duplicate": -25}.items() <= _codes(qualities[1]).items()
    assert "Its text holds contact details: e-mail address, phone number" in [
        reason["text"] for reason in qualities[2]["reasons"]]


async def test_a_disposable_address_counts_against_the_lead(app: FastAPI, make_actor: ActorFactory) -> None:
    admin = await make_actor("both", admin=True)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as buyer:
        registered = await buyer.post("/api/v1/auth/register", json={
            "email": "purchasing@mailinator.com", "password": "correct horse battery", "name": "Throwaway",
            "organization_name": "Quick Buy Ltd", "organization_role": "buyer", "country": "GB"})
        assert registered.status_code == 201, registered.text
        rfq = await _submitted(buyer)
    quality = (await admin.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()["quality"]
    assert _codes(quality)["disposable_email"] == -30 and quality["score"] == 40 - 30
    row = await _queue_row(admin.client, rfq["id"])
    assert "Lead quality 10/100" in row and "low: check it first" in row


async def test_the_leads_feed_shows_quality_filters_by_it_and_marks_quoted_leads(
        app: FastAPI, make_actor: ActorFactory) -> None:
    admin, supplier = await make_actor("both", admin=True), await make_actor("supplier")
    listing = await supplier.client.post("/api/v1/listings", json={**COFFEE_LISTING, "country_of_origin": "CO"})
    for step, actor in (("submit", supplier), ("publish", admin)):
        assert (await actor.client.post(f"/api/v1/listings/{listing.json()['id']}/{step}")).status_code == 200
    careful, careless = await make_actor("buyer"), await make_actor("buyer")
    good = await _submitted(careful.client, description="Washed arabica, screen 16+, moisture below 12%, "
                            "new crop, packed in 60 kg jute bags with GrainPro liners, SCA cupping score 84+.",
                            required_certifications=["Organic"])
    poor = await _submitted(careless.client, title="Coffee arabica beans wanted", description="",
                            hs_code=None, target_unit_price=None, currency=None, incoterm=None)
    for rfq in (good, poor):
        assert (await admin.client.post(f"/api/v1/rfqs/{rfq['id']}/approve")).status_code == 200
    await drain_all(app.state.sessionmaker, app.state.search)

    feed = (await supplier.client.get("/api/v1/leads")).json()
    scores = {lead["rfq_id"]: lead["quality"]["score"] for lead in feed["items"]}
    assert set(scores) == {good["id"], poor["id"]} and scores[good["id"]] > 40 > scores[poor["id"]]
    assert [lead["rfq_id"] for lead in (await supplier.client.get("/api/v1/leads?min_quality=40")).json()["items"]] \
        == [good["id"]]
    assert (await supplier.client.get("/api/v1/leads?min_quality=101")).status_code == 422

    quote = {"unit_price": "4.9", "currency": "EUR", "quantity": "1000", "unit": "kg"}
    assert (await supplier.client.post(f"/api/v1/rfqs/{good['id']}/quotes", json=quote)).status_code == 201
    quoted = {lead["rfq_id"]: lead["quoted"] for lead in (await supplier.client.get("/api/v1/leads")).json()["items"]}
    assert quoted == {good["id"]: True, poor["id"]: False}

    page = (await supplier.client.get("/leads?min_quality=40")).text
    assert f'href="/rfqs/{good["id"]}"' in page and f'href="/rfqs/{poor["id"]}"' not in page
    assert '<option value="40" selected>' in page and "you quoted" in page and "Lead quality" in page
    assert "Lead quality" in (await supplier.client.get(f"/rfqs/{good['id']}")).text
    assert "Lead quality" not in (await careful.client.get(f"/rfqs/{good['id']}")).text
