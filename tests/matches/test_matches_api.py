"""GET /api/v1/rfqs/{id}/matches: the buyer's shortlist, explained; hard constraints; who may see it."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from search.backend import SearchBackend
from tests.conftest import Actor, ActorFactory
from tests.matching.conftest import index_now, open_rfq, published_listing
from tests.support.verifications import verified

CAMERA = {"title": "Sony Cyber-shot DSC-W120P digital camera", "specs": {"brand": "Sony", "model": "DSC-W120P"},
          "hs_code": "852589", "moq_unit": "piece", "currency": "USD", "lead_time_days": 20}


@pytest.fixture
async def catalogue(app: FastAPI, engine: SearchBackend, make_actor: ActorFactory, admin: Actor,
                    buyer: Actor) -> dict[str, Any]:
    osaka = await make_actor("supplier", organization_name="Osaka Optics", country="JP", export_markets=["DE"])
    bulk = await make_actor("supplier", organization_name="Bulk Cameras", country="CN")
    textiles = await make_actor("supplier", organization_name="Dhaka Knitwear", country="BD")
    cheap = await published_listing(osaka, admin, **CAMERA, moq="500", price_min="96", price_max="96")
    big = await published_listing(bulk, admin, **CAMERA, moq="5000", price_min="99", price_max="99")
    await published_listing(textiles, admin, title="Cotton t-shirts 180 gsm", hs_code="610910", moq="500")
    await index_now(app)
    return {"osaka": osaka, "bulk": bulk, "textiles": textiles, "cheap": cheap, "big": big}


async def camera_rfq(buyer: Actor, admin: Actor, **fields: Any) -> dict[str, Any]:
    return await open_rfq(buyer, admin, title="Sony digital camera DSC-W120P", quantity="2000", unit="piece",
                          target_unit_price="100", currency="USD", hs_code="852589", destination_country="DE",
                          **fields)


async def test_the_buyer_sees_suppliers_ranked_and_explained(app: FastAPI, catalogue: dict[str, Any], buyer: Actor,
                                                             admin: Actor) -> None:
    rfq = await camera_rfq(buyer, admin)

    response = await buyer.client.get(f"/api/v1/rfqs/{rfq['id']}/matches")

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert [(item["supplier"]["name"], item["listing"]["id"]) for item in items][:2] == [
        ("Osaka Optics", catalogue["cheap"]["id"]), ("Bulk Cameras", catalogue["big"]["id"])]
    lines = {factor["factor"]: factor["text"] for factor in items[0]["factors"]}
    assert lines == {
        "text": "Its listing uses your words: camera, digital, dsc, sony, w120p",
        "model": "Same model as you asked: DSC-W120P", "brand": "Brand Sony, as in your request",
        "hs": "Same HS code 8525.89", "price": "Price 4% under your target",
        "moq": "Minimum order 500 pcs, within your 2,000 pcs", "lead_time": lines["lead_time"],
        "certifications": "You required no certifications", "destination": "Exports to DE", "trust": "Not verified",
        "tier": "No plan boost"}
    assert items[0]["score"] > items[1]["score"]
    second = {factor["factor"]: factor["text"] for factor in items[1]["factors"]}
    assert (second["moq"], second["destination"]) == ("Minimum order 5,000 pcs, more than your 2,000 pcs",
                                                          "Lists no export markets")


async def test_constraints_marked_required_filter_the_rest_score(app: FastAPI, catalogue: dict[str, Any],
                                                                buyer: Actor, admin: Actor) -> None:
    rfq = await camera_rfq(buyer, admin, required_constraints=["moq", "destination"])
    assert rfq["required_constraints"] == ["moq", "destination"]

    items = (await buyer.client.get(f"/api/v1/rfqs/{rfq['id']}/matches")).json()["items"]

    assert [item["supplier"]["name"] for item in items] == ["Osaka Optics"]


async def test_an_unknown_constraint_is_refused(buyer: Actor) -> None:
    response = await buyer.client.post("/api/v1/rfqs", json={
        "title": "Cameras", "quantity": "1", "unit": "piece", "valid_until": "2099-01-01",
        "required_constraints": ["colour"]})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"].startswith("required_constraints")


async def test_only_the_buyers_members_and_admins_see_matches(app: FastAPI, catalogue: dict[str, Any], buyer: Actor,
                                                              admin: Actor, make_actor: ActorFactory,
                                                              client: httpx.AsyncClient) -> None:
    rfq = await camera_rfq(buyer, admin)
    path = f"/api/v1/rfqs/{rfq['id']}/matches"
    other_buyer = await make_actor("buyer", organization_name="Other Buyer")

    assert (await client.get(path)).status_code == 401
    assert (await other_buyer.client.get(path)).status_code == 403
    assert (await catalogue["osaka"].client.get(path)).status_code == 403
    assert (await admin.client.get(path)).status_code == 200
    assert (await buyer.client.get("/api/v1/rfqs/999999/matches")).status_code == 404


async def test_trust_explains_verification(app: FastAPI, catalogue: dict[str, Any], buyer: Actor, admin: Actor,
                                           db: AsyncSession) -> None:
    await verified(catalogue["bulk"].client, admin.client)
    rfq = await camera_rfq(buyer, admin)

    items = (await buyer.client.get(f"/api/v1/rfqs/{rfq['id']}/matches")).json()["items"]

    trust = {item["supplier"]["name"]: next(f for f in item["factors"] if f["factor"] == "trust") for item in items}
    assert trust["Bulk Cameras"]["text"] == "Verified supplier"
    assert trust["Osaka Optics"]["text"] == "Not verified"
    assert trust["Bulk Cameras"]["contribution"] > trust["Osaka Optics"]["contribution"] == 0.0
    buyer.client.cookies.set("tl_language", "zh_Hans")
    page = (await buyer.client.get(f"/rfqs/{rfq['id']}/matches")).text
    buyer.client.cookies.delete("tl_language")
    assert "<h1>匹配的供应商</h1>" in page and "✓ 营业执照<span" in page  # the badge says what was checked


async def test_each_supplier_is_listed_once_with_its_best_listing(app: FastAPI, catalogue: dict[str, Any],
                                                                   buyer: Actor, admin: Actor) -> None:
    # Osaka Optics gets a second, weaker camera listing (pricier, bigger MOQ): it must not take a second place.
    weaker = await published_listing(catalogue["osaka"], admin, **CAMERA, moq="3000", price_min="140",
                                     price_max="140")
    await index_now(app)
    rfq = await camera_rfq(buyer, admin)

    items = (await buyer.client.get(f"/api/v1/rfqs/{rfq['id']}/matches")).json()["items"]

    listings = {item["supplier"]["name"]: item["listing"]["id"] for item in items}
    assert len(listings) == len(items)  # no supplier twice
    assert (listings["Osaka Optics"], listings["Bulk Cameras"]) == (catalogue["cheap"]["id"], catalogue["big"]["id"])
    assert weaker["id"] not in [item["listing"]["id"] for item in items]
