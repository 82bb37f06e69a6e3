"""RFQs: every kind of bad input is a 422 problem naming the field, and stores nothing."""

from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Rfq
from app.models.enums import EntityType
from tests.support.actors import Cast
from tests.support.outbox import outbox_operations
from tests.support.problems import assert_invalid, error_codes
from tests.support.rfqs import RFQS, create_rfq, days_from_today, rfq_in_status, rfq_payload
from tests.support.rows import count_rows

MISSING = object()
YESTERDAY = days_from_today(-1).isoformat()

CREATE_CASES = [
    ("missing title", {"title": MISSING}, {"title": "missing"}),
    ("missing quantity", {"quantity": MISSING}, {"quantity": "missing"}),
    ("missing unit", {"unit": MISSING}, {"unit": "missing"}),
    ("missing valid_until", {"valid_until": MISSING}, {"valid_until": "missing"}),
    ("quantity not a number", {"quantity": "a lot"}, {"quantity": "decimal_parsing"}),
    ("valid_until not a date", {"valid_until": "next week"}, {"valid_until": "date_from_datetime_parsing"}),
    ("max_quotes not an integer", {"max_quotes": "many"}, {"max_quotes": "int_parsing"}),
    ("unknown field", {"budget": 1000}, {"budget": "extra_forbidden"}),
    ("title too short", {"title": "ab"}, {"title": "string_too_short"}),
    ("quantity zero", {"quantity": 0}, {"quantity": "greater_than"}),
    ("unknown unit", {"unit": "bushel"}, {"unit": "enum"}),
    ("unknown incoterm", {"incoterm": "FOB Shanghai"}, {"incoterm": "enum"}),
    ("bad currency", {"target_unit_price": "2", "currency": "QQQ"}, {"currency": "value_error"}),
    ("bad country", {"destination_country": "ZZ"}, {"destination_country": "value_error"}),
    ("malformed HS code", {"hs_code": "09.01.11.00"}, {"hs_code": "value_error"}),
    ("HS chapter", {"hs_code": "09"}, {"hs_code": "value_error"}),
    ("HS code that does not exist", {"hs_code": "999999"}, {"hs_code": "unknown_hs_code"}),
    ("price without currency", {"target_unit_price": "2"}, {"currency": "currency_required"}),
    ("valid_until in the past", {"valid_until": YESTERDAY}, {"valid_until": "date_in_past"}),
    ("max_quotes zero", {"max_quotes": 0}, {"max_quotes": "greater_than_equal"}),
    ("max_quotes above 50", {"max_quotes": 51}, {"max_quotes": "less_than_equal"}),
]


def payload_with(changes: dict[str, Any]) -> dict[str, Any]:
    payload = rfq_payload(**{key: value for key, value in changes.items() if value is not MISSING})
    return {key: value for key, value in payload.items() if changes.get(key) is not MISSING}


@pytest.mark.parametrize(("changes", "errors"), [case[1:] for case in CREATE_CASES],
                         ids=[case[0] for case in CREATE_CASES])
async def test_create_refuses(cast: Cast, db: AsyncSession, changes: dict[str, Any], errors: dict[str, str]) -> None:
    response = await (await cast.owner()).client.post("/api/v1/rfqs", json=payload_with(changes))

    assert_invalid(response, **errors)
    assert await count_rows(db, Rfq) == 0
    assert await outbox_operations(db, EntityType.RFQ) == []


STORED = {"hs_code": "0901", "target_unit_price": "2.5", "currency": "USD", "destination_country": "DE"}
PATCH_CASES = [
    ("title null", {"title": None}, {"title": "null_not_allowed"}),
    ("quantity null", {"quantity": None}, {"quantity": "null_not_allowed"}),
    ("unit null", {"unit": None}, {"unit": "null_not_allowed"}),
    ("valid_until null", {"valid_until": None}, {"valid_until": "null_not_allowed"}),
    ("max_quotes null", {"max_quotes": None}, {"max_quotes": "null_not_allowed"}),
    ("valid_until in the past", {"valid_until": YESTERDAY}, {"valid_until": "date_in_past"}),
    ("max_quotes above 50", {"max_quotes": 51}, {"max_quotes": "less_than_equal"}),
    ("currency removed while a price stays", {"currency": None}, {"currency": "currency_required"}),
    ("unknown field", {"status": "open"}, {"status": "extra_forbidden"}),
    ("HS code that does not exist", {"hs_code": "999999"}, {"hs_code": "unknown_hs_code"}),
    ("bad country", {"destination_country": "DEU"}, {"destination_country": "value_error"}),
]


@pytest.mark.parametrize(("changes", "errors"), [case[1:] for case in PATCH_CASES],
                         ids=[case[0] for case in PATCH_CASES])
async def test_patch_refuses(cast: Cast, db: AsyncSession, changes: dict[str, Any], errors: dict[str, str]) -> None:
    owner = await cast.owner()
    rfq = await create_rfq(owner.client, **STORED)

    problem = await RFQS.check_refused(cast, db, rfq, owner.client, ("PATCH", "", changes), 422,
                                     "validation_failed")

    assert error_codes(problem) == errors


async def test_patch_of_the_price_alone_keeps_the_stored_currency(cast: Cast) -> None:
    owner = await cast.owner()
    rfq = await create_rfq(owner.client, **STORED)

    response = await owner.client.patch(f"/api/v1/rfqs/{rfq['id']}", json={"target_unit_price": "2.75"})

    assert response.status_code == 200, response.text
    assert (response.json()["target_unit_price"], response.json()["currency"]) == ("2.75", "USD")


async def test_patch_of_other_fields_does_not_recheck_an_old_valid_until(cast: Cast, db: AsyncSession) -> None:
    """The date is checked when it is sent, and again on submit: not on every edit."""
    owner = await cast.owner()
    rfq = await create_rfq(owner.client)
    await db.execute(update(Rfq).where(Rfq.id == rfq["id"]).values(valid_until=days_from_today(-3)))
    await db.commit()

    response = await owner.client.patch(f"/api/v1/rfqs/{rfq['id']}", json={"title": "Robusta coffee beans"})

    assert (response.status_code, response.json()["title"]) == (200, "Robusta coffee beans")


async def test_submit_after_valid_until_passed_is_422(cast: Cast, db: AsyncSession) -> None:
    owner = await cast.owner()
    rfq = await create_rfq(owner.client)
    expired = days_from_today(-1)
    await db.execute(update(Rfq).where(Rfq.id == rfq["id"]).values(valid_until=expired))
    await db.commit()

    response = await owner.client.post(f"/api/v1/rfqs/{rfq['id']}/submit")

    assert_invalid(response, valid_until="date_in_past")
    stored = (await owner.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()
    assert (stored["status"], stored["valid_until"]) == ("draft", expired.isoformat())
    assert await outbox_operations(db, EntityType.RFQ, rfq["id"]) == ["upsert"]


@pytest.mark.parametrize("reason", [None, {"reason": "no"}, {"reason": "    "}],
                         ids=["no body", "too short", "only spaces"])
async def test_reject_needs_a_reason(cast: Cast, db: AsyncSession, reason: dict[str, Any] | None) -> None:
    rfq = await rfq_in_status(cast, "pending_review")

    await RFQS.check_refused(cast, db, rfq, (await cast.admin()).client, ("POST", "/reject", reason), 422,
                             "validation_failed")
