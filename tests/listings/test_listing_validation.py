"""Listings: every kind of bad input is a 422 problem naming the field, and stores nothing."""

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Listing
from app.models.enums import EntityType
from tests.support.actors import Cast
from tests.support.listings import LISTINGS, create_listing, listing_in_status, listing_payload
from tests.support.outbox import outbox_operations
from tests.support.problems import assert_invalid, error_codes
from tests.support.rows import count_rows

MISSING = object()

CREATE_CASES = [
    ("missing title", {"title": MISSING}, {"title": "missing"}),
    ("missing moq", {"moq": MISSING}, {"moq": "missing"}),
    ("missing unit", {"moq_unit": MISSING}, {"moq_unit": "missing"}),
    ("moq not a number", {"moq": "lots"}, {"moq": "decimal_parsing"}),
    ("lead time not an integer", {"lead_time_days": "soon"}, {"lead_time_days": "int_parsing"}),
    ("keywords not a list", {"keywords": "cotton"}, {"keywords": "list_type"}),
    ("unknown field", {"colour": "red"}, {"colour": "extra_forbidden"}),
    ("title too short", {"title": " ab "}, {"title": "string_too_short"}),
    ("moq zero", {"moq": 0}, {"moq": "greater_than"}),
    ("moq negative", {"moq": "-5"}, {"moq": "greater_than"}),
    ("moq too precise", {"moq": "1.00001"}, {"moq": "decimal_max_places"}),
    ("unknown unit", {"moq_unit": "bushel"}, {"moq_unit": "enum"}),
    ("unknown incoterm", {"incoterm": "FOO"}, {"incoterm": "enum"}),
    ("bad currency", {"price_min": "1", "currency": "QQQ"}, {"currency": "value_error"}),
    ("currency too long", {"price_min": "1", "currency": "EURO"}, {"currency": "value_error"}),
    ("bad country", {"country_of_origin": "XX"}, {"country_of_origin": "value_error"}),
    ("three-letter country", {"country_of_origin": "CHN"}, {"country_of_origin": "value_error"}),
    ("malformed HS code", {"hs_code": "85A7"}, {"hs_code": "value_error"}),
    ("HS chapter", {"hs_code": "85"}, {"hs_code": "value_error"}),
    ("HS code that does not exist", {"hs_code": "999999"}, {"hs_code": "unknown_hs_code"}),
    ("HS subheading that does not exist", {"hs_code": "851700"}, {"hs_code": "unknown_hs_code"}),
    ("HS 'not specified' heading", {"hs_code": "9999"}, {"hs_code": "unknown_hs_code"}),
    ("price_min above price_max", {"price_min": "5", "price_max": "4", "currency": "USD"},
     {"price_min": "price_range"}),
    ("price without currency", {"price_max": "4"}, {"currency": "currency_required"}),
    ("lead time too long", {"lead_time_days": 731}, {"lead_time_days": "less_than_equal"}),
    ("several at once", {"title": "ab", "moq": 0, "moq_unit": "bushel"},
     {"title": "string_too_short", "moq": "greater_than", "moq_unit": "enum"}),
]


def payload_with(changes: dict[str, Any]) -> dict[str, Any]:
    payload = listing_payload(**{key: value for key, value in changes.items() if value is not MISSING})
    return {key: value for key, value in payload.items() if changes.get(key) is not MISSING}


@pytest.mark.parametrize(("changes", "errors"), [case[1:] for case in CREATE_CASES],
                         ids=[case[0] for case in CREATE_CASES])
async def test_create_refuses(cast: Cast, db: AsyncSession, changes: dict[str, Any], errors: dict[str, str]) -> None:
    owner = await cast.owner()

    response = await owner.client.post("/api/v1/listings", json=payload_with(changes))

    assert_invalid(response, **errors)
    assert await count_rows(db, Listing) == 0
    assert await outbox_operations(db, EntityType.LISTING) == []


async def test_create_refuses_a_body_that_is_not_an_object(cast: Cast, db: AsyncSession) -> None:
    response = await (await cast.owner()).client.post("/api/v1/listings", json=[listing_payload()])

    assert_invalid(response, body="model_attributes_type")
    assert await count_rows(db, Listing) == 0


async def test_error_entries_carry_a_readable_message(cast: Cast) -> None:
    response = await (await cast.owner()).client.post("/api/v1/listings", json=listing_payload(price_max="4"))

    assert assert_invalid(response, currency="currency_required")["errors"] == [
        {"field": "currency", "message": "a currency is required with a price", "code": "currency_required"}]


STORED = {"hs_code": "8517", "price_min": "2", "price_max": "3", "currency": "USD"}
PATCH_CASES = [
    ("title null", {"title": None}, {"title": "null_not_allowed"}),
    ("moq null", {"moq": None}, {"moq": "null_not_allowed"}),
    ("unit null", {"moq_unit": None}, {"moq_unit": "null_not_allowed"}),
    ("title too short", {"title": "ab"}, {"title": "string_too_short"}),
    ("moq zero", {"moq": "0"}, {"moq": "greater_than"}),
    ("unknown field", {"status": "published"}, {"status": "extra_forbidden"}),
    ("unknown unit", {"moq_unit": "bushel"}, {"moq_unit": "enum"}),
    ("price_min above the stored price_max", {"price_min": "5"}, {"price_min": "price_range"}),
    ("price_max below the stored price_min", {"price_max": "1"}, {"price_min": "price_range"}),
    ("currency removed while prices stay", {"currency": None}, {"currency": "currency_required"}),
    ("HS code that does not exist", {"hs_code": "999999"}, {"hs_code": "unknown_hs_code"}),
    ("HS chapter", {"hs_code": "85"}, {"hs_code": "value_error"}),
    ("bad country", {"country_of_origin": "XX"}, {"country_of_origin": "value_error"}),
]


@pytest.mark.parametrize(("changes", "errors"), [case[1:] for case in PATCH_CASES],
                         ids=[case[0] for case in PATCH_CASES])
async def test_patch_refuses(cast: Cast, db: AsyncSession, changes: dict[str, Any], errors: dict[str, str]) -> None:
    owner = await cast.owner()
    listing = await create_listing(owner.client, **STORED)

    problem = await LISTINGS.check_refused(cast, db, listing, owner.client, ("PATCH", "", changes), 422,
                                         "validation_failed")

    assert error_codes(problem) == errors


async def test_patch_of_price_alone_is_checked_against_the_stored_currency(cast: Cast) -> None:
    owner = await cast.owner()
    listing = await create_listing(owner.client, **STORED)

    response = await owner.client.patch(f"/api/v1/listings/{listing['id']}", json={"price_max": "3.5"})

    assert response.status_code == 200, response.text
    assert (response.json()["price_min"], response.json()["price_max"], response.json()["currency"]) == (
        "2", "3.5", "USD")


@pytest.mark.parametrize("reason", [None, {}, {"reason": "no"}, {"reason": "     "}, {"reason": "ok", "x": 1}],
                         ids=["no body", "no reason", "too short", "only spaces", "unknown field"])
async def test_reject_needs_a_reason(cast: Cast, db: AsyncSession, reason: dict[str, Any] | None) -> None:
    listing = await listing_in_status(cast, "pending_review")

    await LISTINGS.check_refused(cast, db, listing, (await cast.admin()).client, ("POST", "/reject", reason), 422,
                               "validation_failed")
