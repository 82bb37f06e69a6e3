"""Listings: the happy path of each endpoint, with every field a supplier sends and gets back."""

from typing import Any

from app.models.enums import EntityType
from tests.support.actors import Cast
from tests.support.listings import create_listing, listing_in_status
from tests.support.outbox import outbox_operations
from tests.support.timestamps import assert_recent, parse_utc

FULL_PAYLOAD = {
    "title": "  Cotton T-shirts, 180 gsm  ",
    "description": "Combed cotton, reactive dyed.",
    "hs_code": "6109.10",
    "keywords": ["t-shirt", " T-Shirt ", "cotton", ""],
    "specs": {"weight": " 180 gsm ", "sizes": "S-XXL"},
    "moq": "500",
    "moq_unit": "piece",
    "price_min": "2.50",
    "price_max": 3.75,
    "currency": "usd",
    "incoterm": "FOB",
    "port_of_loading": "Ningbo",
    "lead_time_days": 30,
    "supply_capacity_per_month": "100000.0000",
    "country_of_origin": "cn",
    "certifications": ["OEKO-TEX Standard 100"],
}


def expected_listing(listing_id: int, organization_id: int) -> dict[str, Any]:
    """FULL_PAYLOAD as stored: trimmed, normalised codes, de-duplicated tags, decimals without trailing zeros."""
    return {
        "id": listing_id,
        "organization_id": organization_id,
        "title": "Cotton T-shirts, 180 gsm",
        "description": "Combed cotton, reactive dyed.",
        "language": "en",
        "translations": {},
        "hs_code": "610910",
        "keywords": ["t-shirt", "cotton"],
        "specs": {"weight": "180 gsm", "sizes": "S-XXL"},
        "moq": "500",
        "moq_unit": "piece",
        "price_min": "2.5",
        "price_max": "3.75",
        "currency": "USD",
        "price_tiers": [],
        "incoterm": "FOB",
        "port_of_loading": "Ningbo",
        "lead_time_days": 30,
        "supply_capacity_per_month": "100000",
        "country_of_origin": "CN",
        "certifications": ["OEKO-TEX Standard 100"],
        "status": "draft",
        "rejection_reason": None,
        "published_at": None,
    }


def without_timestamps(listing: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in listing.items() if key not in ("created_at", "updated_at")}


async def test_create_returns_the_stored_draft(cast: Cast) -> None:
    owner = await cast.owner()

    response = await owner.client.post("/api/v1/listings", json=FULL_PAYLOAD)

    assert response.status_code == 201
    body = response.json()
    assert without_timestamps(body) == expected_listing(body["id"], owner.organization_id)
    assert_recent(body["created_at"])
    assert_recent(body["updated_at"])


async def test_get_returns_exactly_what_create_returned(cast: Cast) -> None:
    owner = await cast.owner()
    created = (await owner.client.post("/api/v1/listings", json=FULL_PAYLOAD)).json()

    response = await owner.client.get(f"/api/v1/listings/{created['id']}")

    assert response.status_code == 200
    assert response.json() == created


async def test_minimal_listing_gets_defaults(cast: Cast) -> None:
    owner = await cast.owner()

    listing = await create_listing(owner.client, title="Steel pipes", moq="12.5", moq_unit="metric_ton")

    assert without_timestamps(listing) == {
        "id": listing["id"], "organization_id": owner.organization_id, "title": "Steel pipes", "description": "",
        "language": "en", "translations": {}, "hs_code": None, "keywords": [], "specs": {}, "moq": "12.5",
        "moq_unit": "metric_ton",
        "price_min": None, "price_max": None, "currency": None, "price_tiers": [], "incoterm": None,
        "port_of_loading": None,
        "lead_time_days": None, "supply_capacity_per_month": None, "country_of_origin": None,
        "certifications": [], "status": "draft", "rejection_reason": None, "published_at": None,
    }


async def test_four_digit_heading_is_stored_as_four_digits(cast: Cast) -> None:
    listing = await create_listing((await cast.owner()).client, hs_code="8517")

    assert listing["hs_code"] == "8517"
    assert (await (await cast.owner()).client.get(f"/api/v1/listings/{listing['id']}")).json()["hs_code"] == "8517"


async def test_dotted_subheading_is_normalised(cast: Cast) -> None:
    listing = await create_listing((await cast.owner()).client, hs_code=" 8517.62 ")

    assert listing["hs_code"] == "851762"


async def test_patch_changes_only_the_fields_sent(cast: Cast, db: Any) -> None:
    owner = await cast.owner()
    created = (await owner.client.post("/api/v1/listings", json=FULL_PAYLOAD)).json()

    response = await owner.client.patch(f"/api/v1/listings/{created['id']}",
                                        json={"title": "Organic cotton T-shirts", "price_max": "4"})

    assert response.status_code == 200, response.text
    body = response.json()
    expected = expected_listing(created["id"], owner.organization_id) | {
        "title": "Organic cotton T-shirts", "price_max": "4"}
    assert without_timestamps(body) == expected
    assert body["created_at"] == created["created_at"]
    assert parse_utc(body["updated_at"]) > parse_utc(created["updated_at"])
    assert (await owner.client.get(f"/api/v1/listings/{created['id']}")).json() == body


async def test_patch_may_clear_optional_fields(cast: Cast) -> None:
    owner = await cast.owner()
    created = await create_listing(owner.client, hs_code="8517", price_min="1", currency="EUR",
                                   keywords=["phones"])

    response = await owner.client.patch(f"/api/v1/listings/{created['id']}",
                                        json={"hs_code": None, "price_min": None, "currency": None,
                                              "keywords": []})

    assert response.status_code == 200
    assert {key: response.json()[key] for key in ("hs_code", "price_min", "currency", "keywords")} == {
        "hs_code": None, "price_min": None, "currency": None, "keywords": []}


async def test_submit_publish_flow(cast: Cast) -> None:
    owner, admin = await cast.owner(), await cast.admin()
    listing = await create_listing(owner.client)

    submitted = await owner.client.post(f"/api/v1/listings/{listing['id']}/submit")
    assert submitted.status_code == 200
    assert (submitted.json()["status"], submitted.json()["published_at"]) == ("pending_review", None)

    published = await admin.client.post(f"/api/v1/listings/{listing['id']}/publish")
    assert published.status_code == 200
    assert published.json()["status"] == "published"
    assert_recent(published.json()["published_at"])


async def test_reject_stores_the_trimmed_reason(cast: Cast) -> None:
    listing = await listing_in_status(cast, "pending_review")

    response = await (await cast.admin()).client.post(f"/api/v1/listings/{listing['id']}/reject",
                                                      json={"reason": "  Photos are missing  "})

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["rejection_reason"]) == ("rejected", "Photos are missing")


async def test_archive_a_published_listing(cast: Cast) -> None:
    listing = await listing_in_status(cast, "published")

    response = await (await cast.owner()).client.post(f"/api/v1/listings/{listing['id']}/archive")

    assert response.status_code == 200
    assert response.json() == listing | {"status": "archived", "updated_at": response.json()["updated_at"]}


async def test_unknown_listing_is_404(cast: Cast, db: Any) -> None:
    owner = await cast.owner()
    for method, path in (("GET", "/api/v1/listings/999"), ("PATCH", "/api/v1/listings/999"),
                         ("POST", "/api/v1/listings/999/submit"), ("POST", "/api/v1/listings/999/archive")):
        response = await owner.client.request(method, path, json={} if method == "PATCH" else None)
        assert (response.status_code, response.json()["code"]) == (404, "not_found"), path
    assert await outbox_operations(db, EntityType.LISTING) == []
