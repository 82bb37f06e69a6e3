"""RFQs: the happy path of each endpoint, with every field a buyer sends and gets back."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.models.enums import EntityType
from tests.support.actors import Cast
from tests.support.outbox import outbox_operations
from tests.support.rfqs import create_rfq, days_from_today, rfq_in_status
from tests.support.timestamps import assert_recent, parse_utc

VALID_UNTIL = days_from_today(45).isoformat()
FULL_PAYLOAD = {
    "title": "  Green coffee beans, Arabica  ",
    "description": "Washed, screen 16+.",
    "hs_code": "0901.11",
    "quantity": "19.2000",
    "unit": "metric_ton",
    "target_unit_price": 3200,
    "currency": "eur",
    "incoterm": "CIF",
    "destination_country": "de",
    "destination_port": "Hamburg",
    "required_certifications": ["Fairtrade", "fairtrade ", "Organic"],
    "valid_until": VALID_UNTIL,
    "max_quotes": 5,
}


def expected_rfq(rfq_id: int, organization_id: int, user_id: int) -> dict[str, Any]:
    return {
        "id": rfq_id,
        "organization_id": organization_id,
        "user_id": user_id,
        "title": "Green coffee beans, Arabica",
        "description": "Washed, screen 16+.",
        "full_text": True,
        "hs_code": "090111",
        "quantity": "19.2",
        "unit": "metric_ton",
        "target_unit_price": "3200",
        "currency": "EUR",
        "incoterm": "CIF",
        "destination_country": "DE",
        "destination_port": "Hamburg",
        "required_certifications": ["Fairtrade", "Organic"],
        "required_constraints": [],
        "valid_until": VALID_UNTIL,
        "status": "draft",
        "rejection_reason": None,
        "max_quotes": 5,
        "opened_at": None,
        "buyer_contact": None,
        "quality": None,  # the buyer never sees its own lead quality
        "completeness": {"score": 85, "missing": [
            {"field": "description", "label": "Specifications in the description (at least 120 characters)",
             "points": 15}]},
    }


def without_timestamps(rfq: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in rfq.items() if key not in ("created_at", "updated_at")}


async def test_create_returns_the_stored_draft(cast: Cast) -> None:
    owner = await cast.owner()

    response = await owner.client.post("/api/v1/rfqs", json=FULL_PAYLOAD)

    assert response.status_code == 201
    body = response.json()
    assert without_timestamps(body) == expected_rfq(body["id"], owner.organization_id, owner.user_id)
    assert_recent(body["created_at"])
    assert_recent(body["updated_at"])


async def test_get_returns_exactly_what_create_returned(cast: Cast) -> None:
    owner = await cast.owner()
    created = (await owner.client.post("/api/v1/rfqs", json=FULL_PAYLOAD)).json()

    response = await owner.client.get(f"/api/v1/rfqs/{created['id']}")

    assert (response.status_code, response.json()) == (200, created)


async def test_minimal_rfq_gets_defaults(cast: Cast) -> None:
    owner = await cast.owner()

    rfq = await create_rfq(owner.client)

    assert without_timestamps(rfq) == {
        "id": rfq["id"], "organization_id": owner.organization_id, "user_id": owner.user_id,
        "title": "Green coffee beans", "description": "", "full_text": True, "hs_code": None, "quantity": "20",
        "unit": "metric_ton", "target_unit_price": None, "currency": None, "incoterm": None,
        "destination_country": None, "destination_port": None, "required_certifications": [],
        "required_constraints": [], "valid_until": days_from_today(30).isoformat(), "status": "draft",
        "rejection_reason": None,
        "max_quotes": 10, "opened_at": None, "buyer_contact": None, "quality": None,
        "completeness": {"score": 15, "missing": [
            {"field": "hs_code", "label": "HS code", "points": 20},
            {"field": "target_unit_price", "label": "Target price", "points": 15},
            {"field": "incoterm", "label": "Incoterm", "points": 10},
            {"field": "destination_country", "label": "Destination", "points": 15},
            {"field": "required_certifications", "label": "Certifications", "points": 10},
            {"field": "description", "label": "Specifications in the description (at least 120 characters)",
             "points": 15}]},
    }


async def test_valid_until_today_and_bounds_of_max_quotes_are_accepted(cast: Cast) -> None:
    client = (await cast.owner()).client

    today = await create_rfq(client, valid_until=days_from_today(0).isoformat(), max_quotes=1)
    most = await create_rfq(client, max_quotes=50)

    assert (today["valid_until"], today["max_quotes"], most["max_quotes"]) == (
        days_from_today(0).isoformat(), 1, 50)


async def test_hs_heading_is_kept_and_dotted_subheading_normalised(cast: Cast) -> None:
    client = (await cast.owner()).client

    assert (await create_rfq(client, hs_code="0901"))["hs_code"] == "0901"
    assert (await create_rfq(client, hs_code="0901.21"))["hs_code"] == "090121"


async def test_patch_changes_only_the_fields_sent(cast: Cast) -> None:
    owner = await cast.owner()
    created = (await owner.client.post("/api/v1/rfqs", json=FULL_PAYLOAD)).json()

    response = await owner.client.patch(f"/api/v1/rfqs/{created['id']}",
                                        json={"quantity": "25", "target_unit_price": "3100.50"})

    assert response.status_code == 200, response.text
    body = response.json()
    assert without_timestamps(body) == expected_rfq(created["id"], owner.organization_id, owner.user_id) | {
        "quantity": "25", "target_unit_price": "3100.5"}
    assert body["created_at"] == created["created_at"]
    assert parse_utc(body["updated_at"]) > parse_utc(created["updated_at"])
    assert (await owner.client.get(f"/api/v1/rfqs/{created['id']}")).json() == body


async def test_patch_by_a_member_keeps_the_author(cast: Cast) -> None:
    owner = await cast.owner()
    rfq = await create_rfq(owner.client)

    response = await (await cast.member()).client.patch(f"/api/v1/rfqs/{rfq['id']}", json={"max_quotes": 3})

    assert (response.status_code, response.json()["max_quotes"], response.json()["user_id"]) == (
        200, 3, owner.user_id)


async def test_submit_approve_flow(cast: Cast) -> None:
    owner, admin = await cast.owner(), await cast.admin()
    rfq = await create_rfq(owner.client)

    submitted = await owner.client.post(f"/api/v1/rfqs/{rfq['id']}/submit")
    assert (submitted.status_code, submitted.json()["status"], submitted.json()["opened_at"]) == (
        200, "pending_review", None)

    approved = await admin.client.post(f"/api/v1/rfqs/{rfq['id']}/approve")
    assert (approved.status_code, approved.json()["status"]) == (200, "open")
    assert_recent(approved.json()["opened_at"])


async def test_reject_stores_the_trimmed_reason(cast: Cast) -> None:
    rfq = await rfq_in_status(cast, "pending_review")

    response = await (await cast.admin()).client.post(f"/api/v1/rfqs/{rfq['id']}/reject",
                                                      json={"reason": " Too vague to quote "})

    assert (response.status_code, response.json()["status"], response.json()["rejection_reason"]) == (
        200, "rejected", "Too vague to quote")


async def test_close_an_open_rfq(cast: Cast) -> None:
    rfq = await rfq_in_status(cast, "open")

    response = await (await cast.owner()).client.post(f"/api/v1/rfqs/{rfq['id']}/close")

    assert response.status_code == 200
    assert response.json() == rfq | {"status": "closed", "updated_at": response.json()["updated_at"]}


async def test_unknown_rfq_is_404(cast: Cast, db: AsyncSession) -> None:
    owner = await cast.owner()
    for method, path in (("GET", "/api/v1/rfqs/999"), ("PATCH", "/api/v1/rfqs/999"),
                         ("POST", "/api/v1/rfqs/999/submit"), ("POST", "/api/v1/rfqs/999/close")):
        response = await owner.client.request(method, path, json={} if method == "PATCH" else None)
        assert (response.status_code, response.json()["code"]) == (404, "not_found"), path
    assert await outbox_operations(db, EntityType.RFQ) == []
