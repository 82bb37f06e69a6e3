"""Price tiers of listings: unit prices by order quantity, their rules (each refusal a 422 naming the field, nothing
stored), the price range they make, PATCH, and the unit price an order quantity pays."""

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.listings.pricing import TierRow, price_table, unit_price_for
from app.models import Listing
from app.models.enums import EntityType, Unit
from tests.support.actors import Cast
from tests.support.listings import create_listing, listing_payload
from tests.support.outbox import outbox_operations
from tests.support.problems import assert_invalid
from tests.support.rows import count_rows

THREE_TIERS = [{"min_quantity": "2000", "unit_price": "2.80"}, {"min_quantity": "500.0", "unit_price": 3.1},
               {"min_quantity": 1000, "unit_price": "3.10"}]
STORED_TIERS = [{"min_quantity": "500", "unit_price": "3.1"}, {"min_quantity": "1000", "unit_price": "3.1"},
                {"min_quantity": "2000", "unit_price": "2.8"}]


def tier(min_quantity: str, unit_price: str) -> dict[str, str]:
    return {"min_quantity": min_quantity, "unit_price": unit_price}


def priced(**changes: Any) -> dict[str, Any]:
    """A listing (MOQ 500 piece) in USD with `changes`."""
    return listing_payload(**{"currency": "USD", **changes})


async def test_tiers_are_returned_by_rising_quantity_as_strings_with_the_range_derived(cast: Cast) -> None:
    owner = await cast.owner()

    listing = await create_listing(owner.client, currency="usd", price_tiers=THREE_TIERS)

    assert listing["price_tiers"] == STORED_TIERS
    assert (listing["price_min"], listing["price_max"], listing["currency"]) == ("2.8", "3.1", "USD")
    assert (await owner.client.get(f"/api/v1/listings/{listing['id']}")).json() == listing


async def test_a_range_given_with_the_tiers_is_kept_when_it_is_theirs(cast: Cast) -> None:
    listing = await create_listing((await cast.owner()).client, currency="EUR", price_tiers=THREE_TIERS,
                                   price_min="2.8000", price_max="3.1")

    assert (listing["price_min"], listing["price_max"]) == ("2.8", "3.1")


async def test_a_listing_without_tiers_has_an_empty_list(cast: Cast) -> None:
    listing = await create_listing((await cast.owner()).client, price_min="2", price_max="3", currency="USD")

    assert (listing["price_tiers"], listing["price_min"], listing["price_max"]) == ([], "2", "3")


REFUSALS = [
    ("no currency", {"currency": None, "price_tiers": [tier("500", "3")]}, {"currency": "currency_required"}),
    ("first tier below the MOQ", {"price_tiers": [tier("499", "3"), tier("1000", "2")]},
     {"price_tiers": "price_tiers_moq"}),
    ("a bigger quantity costing more", {"price_tiers": [tier("500", "3"), tier("1000", "3.01")]},
     {"price_tiers": "price_tiers_price"}),
    ("the same quantity twice", {"price_tiers": [tier("500", "3"), tier("500.00", "2")]},
     {"price_tiers": "price_tiers_quantity"}),
    ("seven tiers", {"price_tiers": [tier(str(500 + n), "3") for n in range(7)]}, {"price_tiers": "too_long"}),
    ("a zero quantity", {"price_tiers": [tier("0", "3")]}, {"price_tiers.0.min_quantity": "greater_than"}),
    ("a negative price", {"price_tiers": [tier("500", "3"), tier("600", "-1")]},
     {"price_tiers.1.unit_price": "greater_than"}),
    ("a price not a number", {"price_tiers": [tier("500", "cheap")]}, {"price_tiers.0.unit_price": "decimal_parsing"}),
    ("a tier without price", {"price_tiers": [{"min_quantity": "500"}]}, {"price_tiers.0.unit_price": "missing"}),
    ("an unknown tier field", {"price_tiers": [{**tier("500", "3"), "discount": "5%"}]},
     {"price_tiers.0.discount": "extra_forbidden"}),
    ("tiers not a list", {"price_tiers": "500: 3"}, {"price_tiers": "list_type"}),
    ("price_min other than the tiers' lowest", {"price_tiers": [tier("500", "3"), tier("1000", "2")], "price_min": "1"},
     {"price_min": "price_tiers_range"}),
    ("price_max other than the tiers' highest", {"price_tiers": [tier("500", "3")], "price_max": "4"},
     {"price_max": "price_tiers_range"}),
]


@pytest.mark.parametrize(("changes", "errors"), [case[1:] for case in REFUSALS], ids=[case[0] for case in REFUSALS])
async def test_create_refuses(cast: Cast, db: AsyncSession, changes: dict[str, Any], errors: dict[str, str]) -> None:
    response = await (await cast.owner()).client.post("/api/v1/listings", json=priced(**changes))

    assert_invalid(response, **errors)
    assert await count_rows(db, Listing) == 0
    assert await outbox_operations(db, EntityType.LISTING) == []


async def test_refusal_messages_say_what_is_wrong(cast: Cast) -> None:
    response = await (await cast.owner()).client.post(
        "/api/v1/listings", json=priced(price_tiers=[tier("500", "3")], price_max="4"))

    assert assert_invalid(response, price_max="price_tiers_range")["errors"] == [{
        "field": "price_max", "message": "price_max must be the highest unit price of the price tiers",
        "code": "price_tiers_range"}]


async def test_patch_replaces_the_tiers_and_their_range(cast: Cast) -> None:
    owner = await cast.owner()
    created = await create_listing(owner.client, currency="USD", price_tiers=THREE_TIERS)

    response = await owner.client.patch(f"/api/v1/listings/{created['id']}",
                                        json={"price_tiers": [tier("800", "5"), tier("600", "6")]})

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["price_tiers"], body["price_min"], body["price_max"]) == (
        [tier("600", "6"), tier("800", "5")], "5", "6")
    assert (await owner.client.get(f"/api/v1/listings/{created['id']}")).json() == body


async def test_patch_without_tiers_keeps_them(cast: Cast) -> None:
    owner = await cast.owner()
    created = await create_listing(owner.client, currency="USD", price_tiers=THREE_TIERS)

    response = await owner.client.patch(f"/api/v1/listings/{created['id']}", json={"title": "Plain T-shirts"})

    assert response.status_code == 200, response.text
    assert (response.json()["price_tiers"], response.json()["price_min"]) == (STORED_TIERS, "2.8")


async def test_patch_with_no_tiers_removes_them_and_their_range(cast: Cast) -> None:
    owner = await cast.owner()
    created = await create_listing(owner.client, currency="USD", price_tiers=THREE_TIERS)

    response = await owner.client.patch(f"/api/v1/listings/{created['id']}", json={"price_tiers": []})

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["price_tiers"], body["price_min"], body["price_max"]) == ([], None, None)


@pytest.mark.parametrize(("changes", "errors"), [
    ({"moq": "600"}, {"price_tiers": "price_tiers_moq"}),
    ({"price_max": "9"}, {"price_max": "price_tiers_range"}),
    ({"currency": None}, {"currency": "currency_required"}),
    ({"price_tiers": None}, {"price_tiers": "list_type"}),
    ({"price_tiers": [tier("700", "3"), tier("900", "4")]}, {"price_tiers": "price_tiers_price"}),
], ids=["moq above the first tier", "price_max not the tiers'", "currency cleared", "tiers null",
        "bigger costing more"])
async def test_patch_refuses(cast: Cast, db: AsyncSession, changes: dict[str, Any], errors: dict[str, str]) -> None:
    owner = await cast.owner()
    created = await create_listing(owner.client, currency="USD", price_tiers=THREE_TIERS)

    response = await owner.client.patch(f"/api/v1/listings/{created['id']}", json=changes)

    assert_invalid(response, **errors)
    assert (await owner.client.get(f"/api/v1/listings/{created['id']}")).json() == created


def listing_with(*tiers: tuple[str, str]) -> Listing:
    return Listing(moq=Decimal(tiers[0][0]) if tiers else Decimal(1), moq_unit=Unit.PIECE,
                   price_tiers=[tier(low, price) for low, price in tiers])


TIERED = listing_with(("100", "3.4"), ("500", "3.1"), ("2000", "2.8"))


@pytest.mark.parametrize(("quantity", "price"), [
    ("99.9999", None), ("100", "3.4"), ("499", "3.4"), ("499.99", "3.4"), ("500", "3.1"), ("1999", "3.1"),
    ("2000", "2.8"), ("1000000", "2.8"),
])
def test_unit_price_for_a_quantity_is_that_of_the_last_tier_it_reaches(quantity: str, price: str | None) -> None:
    assert unit_price_for(TIERED, Decimal(quantity)) == (Decimal(price) if price else None)


def test_unit_price_without_tiers_is_none() -> None:
    assert unit_price_for(listing_with(), Decimal(1000)) is None


def test_price_table_rows() -> None:
    assert price_table(TIERED) == [TierRow(Decimal(100), Decimal("3.4"), max_quantity=Decimal(499)),
                                   TierRow(Decimal(500), Decimal("3.1"), max_quantity=Decimal(1999)),
                                   TierRow(Decimal(2000), Decimal("2.8"))]
    assert price_table(listing_with(("12.5", "980"), ("25", "950"))) == [
        TierRow(Decimal("12.5"), Decimal(980), below=Decimal(25)), TierRow(Decimal(25), Decimal(950))]
    assert price_table(listing_with()) == []
