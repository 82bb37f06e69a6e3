"""The relevance floor: a listing that is not the product asked for is no match, on the buyer's matches, in a
supplier's leads feed and in the alerts, however well it does on MOQ, lead time or trust."""

from datetime import date

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from matching.floor import fit
from matching.views import ListingView, RfqView
from search.backend import SearchBackend
from tests.alerts.conftest import alerted, work_off
from tests.conftest import Actor, ActorFactory
from tests.matching.conftest import index_now, open_rfq, published_listing

COMMON = {"moq": "1", "moq_unit": "piece", "lead_time_days": 10, "currency": "USD"}


@pytest.fixture
async def market(app: FastAPI, engine: SearchBackend, make_actor: ActorFactory, admin: Actor) -> dict[str, Actor]:
    """One supplier per product, each with a listing that meets any RFQ's MOQ and date."""
    products = {
        "valves": ("Stainless steel ball valve DN50, PN40, flanged", "848180", ["ball valve", "industrial valve"]),
        "cookware": ("Tri-ply stainless steel cookware set, 10 pieces", "732393", ["cookware", "stainless steel"]),
        "honey": ("Raw multifloral honey, in 300 kg drums", "040900", ["honey", "bulk honey"]),
        "coffee": ("Robusta green coffee beans Grade 1, screen 18", "090111", ["green coffee", "robusta"]),
        "sheets": ("300 thread count cotton percale bed sheet set", "630231", ["bed sheets", "percale"]),
        "bearings": ("Deep groove ball bearings 6204-2RS, C3", "848210", ["ball bearing", "6204"]),
        "rice": ("1121 basmati rice, steam, extra long grain", "100630", ["basmati rice", "long grain rice"]),
    }
    suppliers = {}
    for name, (title, hs_code, keywords) in products.items():
        suppliers[name] = await make_actor("supplier", organization_name=f"{name.title()} Supplier")
        packing = {"packing": "in 25 kg cartons"}  # words any bulk request may use
        await published_listing(suppliers[name], admin, title=title, hs_code=hs_code, keywords=keywords,
                                specs=packing, **COMMON)
    await index_now(app)
    return suppliers


async def test_a_valve_rfq_lists_no_honey_coffee_or_bed_sheet_supplier(market: dict[str, Actor], buyer: Actor,
                                                                      admin: Actor) -> None:
    rfq = await open_rfq(buyer, admin, title="Stainless steel ball valves DN50", hs_code="848180", quantity="100",
                         unit="piece")

    items = (await buyer.client.get(f"/api/v1/rfqs/{rfq['id']}/matches")).json()["items"]

    assert [item["supplier"]["name"] for item in items] == ["Valves Supplier"]


async def test_without_hs_codes_the_words_decide(market: dict[str, Actor], buyer: Actor, admin: Actor) -> None:
    rfq = await open_rfq(buyer, admin, title="Ball valves, stainless", quantity="100", unit="piece")

    items = (await buyer.client.get(f"/api/v1/rfqs/{rfq['id']}/matches")).json()["items"]

    assert [item["supplier"]["name"] for item in items] == ["Valves Supplier"]


async def test_a_rice_rfq_is_a_lead_for_the_rice_supplier_not_the_bearing_maker(
        app: FastAPI, market: dict[str, Actor], buyer: Actor, admin: Actor) -> None:
    rfq = await open_rfq(buyer, admin, title="1121 sella basmati rice in 25 kg bags", hs_code="100630",
                         quantity="500", unit="piece")
    await index_now(app)  # leads are found in the RFQ index (with OpenSearch the worker indexes, not the request)

    rice = (await market["rice"].client.get("/api/v1/leads")).json()
    bearings = (await market["bearings"].client.get("/api/v1/leads")).json()

    assert [lead["rfq_id"] for lead in rice["items"]] == [rfq["id"]]
    assert (bearings["items"], bearings["total"]) == ([], 0)


async def test_an_opened_rfq_alerts_no_supplier_of_another_product(app: FastAPI, market: dict[str, Actor],
                                                                    buyer: Actor, admin: Actor,
                                                                    db: AsyncSession) -> None:
    await work_off(app)  # the listings' own alerts
    rfq = await open_rfq(buyer, admin, title="1121 sella basmati rice in 25 kg bags", hs_code="100630",
                         quantity="500", unit="piece")
    await work_off(app)

    assert (await alerted(db))[f"rfq_match:rfq:{rfq['id']}"] == {market["rice"].organization_id}


async def test_a_new_listing_of_another_product_alerts_no_buyer(app: FastAPI, engine: SearchBackend,
                                                                 make_actor: ActorFactory, buyer: Actor,
                                                                 admin: Actor, db: AsyncSession) -> None:
    await open_rfq(buyer, admin, title="Stainless steel ball valves DN50", hs_code="848180", quantity="100",
                   unit="piece")
    await work_off(app)  # nobody to tell yet: no listing
    pans = await make_actor("supplier", organization_name="Pan Maker")

    listing = await published_listing(pans, admin, title="Tri-ply stainless steel cookware set, 10 pieces",
                                      hs_code="732393", **COMMON)
    await work_off(app)

    assert f"listing_match:listing:{listing['id']}" not in await alerted(db)


def view(title: str, hs_code: str | None, words: frozenset[str], model: str | None = None) -> ListingView:
    return ListingView(id=1, organization_id=1, title=title, brand=None, model=model, hs_code=hs_code,
                       price_min_usd=None, price_max_usd=None, moq=1, moq_unit="piece", lead_time_days=None,
                       certifications=(), codes=frozenset(), product_words=words)


def request(title: str, hs_code: str | None = None) -> RfqView:
    return RfqView(id=1, organization_id=2, title=title, text=title, hs_code=hs_code, quantity=1, unit="piece",
                   target_price_usd=None, valid_until=date(2099, 1, 1), destination=None, certifications=(),
                   required=frozenset())


@pytest.mark.parametrize(("listing", "rfq", "matches"), [
    # Half of the request's product words (plural folded; units and bare numbers left out) is enough.
    (view("Ball valve", None, frozenset({"ball", "valve"})), request("Stainless ball valves 2 pcs"), True),
    (view("Ball bearing", None, frozenset({"ball", "bearing"})), request("Stainless ball valves 2 pcs"), False),
    (view("Cookware", None, frozenset({"stainless", "steel", "cookware"})),
     request("Stainless steel ball valves DN50"), False),
    # The same HS heading is the same kind of product, whatever the words.
    (view("Gate valve", "848180", frozenset({"gate", "valve"})), request("Absperrschieber", "848130"), True),
    (view("Bearings", "848210", frozenset({"ball", "bearing"})), request("Ball valves", "848180"), False),
    # Another heading needs three quarters of the words.
    (view("Ball valve", "848190", frozenset({"ball", "valve"})), request("Ball valves", "732393"), True),
    # A model named in the request is the product.
    (view("Camera", None, frozenset({"camera"}), model="DSC-W120P"), request("Sony DSC-W120P silver"), True),
])
def test_the_floor(listing: ListingView, rfq: RfqView, matches: bool) -> None:
    assert fit(rfq, listing).matches is matches
