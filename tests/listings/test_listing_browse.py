"""Listings: who sees what in GET /api/v1/listings, the filters, and the pages."""

from typing import Any

import pytest

from tests.support.actors import Cast
from tests.support.listings import LISTINGS, listing_in_status
from tests.support.problems import assert_invalid

# Created in this order (so listed newest first in reverse): (owner in the cast, status, title, HS code, origin)
CATALOG = [
    ("owner", "published", "Cotton T-shirts", "610910", "CN"),
    ("owner", "published", "Smartphones 5G", "851713", "VN"),
    ("owner", "draft", "Base stations", "851761", "CN"),
    ("owner", "rejected", "Routers 50% off", "851762", "CN"),
    ("stranger", "published", "Feature phones", "8517", "IN"),
    ("stranger", "draft", "Secret prototype phones", "851713", "CN"),
]
PUBLISHED_NEWEST_FIRST = ["Feature phones", "Smartphones 5G", "Cotton T-shirts"]


@pytest.fixture
async def catalog(cast: Cast) -> dict[str, dict[str, Any]]:
    listings = {}
    for by, status, title, hs_code, origin in CATALOG:
        listings[title] = await listing_in_status(cast, status, by=by, title=title, hs_code=hs_code,
                                                  country_of_origin=origin)
    return listings


async def titles(cast: Cast, role: str, query: str = "") -> list[str]:
    return await LISTINGS.titles(await cast.client(role), query)


async def test_anonymous_sees_only_published_listings_newest_first(cast: Cast, catalog: dict[str, Any]) -> None:
    response = await cast.anonymous.get("/api/v1/listings")

    assert response.status_code == 200
    body = response.json()
    assert body == {"items": [catalog[title] for title in PUBLISHED_NEWEST_FIRST], "total": 3, "page": 1,
                    "per_page": 20, "pages": 1}


async def test_member_sees_its_own_drafts_and_nobody_elses(cast: Cast, catalog: dict[str, Any]) -> None:
    owner = await cast.owner()

    assert await titles(cast, "member", f"?organization={owner.organization_slug}") == [
        "Routers 50% off", "Base stations", "Smartphones 5G", "Cotton T-shirts"]
    assert await titles(cast, "owner") == [
        "Feature phones", "Routers 50% off", "Base stations", "Smartphones 5G", "Cotton T-shirts"]


async def test_stranger_sees_only_the_published_listings_of_another_organization(
        cast: Cast, catalog: dict[str, Any]) -> None:
    owner = await cast.owner()

    assert await titles(cast, "stranger", f"?organization={owner.organization_slug}") == [
        "Smartphones 5G", "Cotton T-shirts"]
    assert await titles(cast, "stranger", f"?organization={owner.organization_slug}&status=draft") == []


async def test_admin_sees_every_listing(cast: Cast, catalog: dict[str, Any]) -> None:
    assert await titles(cast, "admin") == [title for *_, title, _, _ in reversed(CATALOG)]


@pytest.mark.parametrize(("role", "query", "expected"), [
    ("anonymous", "?organization=no-such-company", []),
    ("owner", "?status=draft", ["Base stations"]),
    ("owner", "?status=rejected", ["Routers 50% off"]),
    ("admin", "?status=draft", ["Secret prototype phones", "Base stations"]),
    ("anonymous", "?status=draft", []),
    ("anonymous", "?hs_code=8517", ["Feature phones", "Smartphones 5G"]),
    ("anonymous", "?hs_code=8517.13", ["Smartphones 5G"]),
    ("owner", "?hs_code=851762", ["Routers 50% off"]),
    ("anonymous", "?country_of_origin=vn", ["Smartphones 5G"]),
    ("admin", "?country_of_origin=CN", ["Secret prototype phones", "Routers 50% off", "Base stations",
                                        "Cotton T-shirts"]),
    ("anonymous", "?q=PHONE", ["Feature phones", "Smartphones 5G"]),
    ("owner", "?q=50%25", ["Routers 50% off"]),
    ("owner", "?q=5_", []),
    ("admin", "?q=phones&hs_code=851713&country_of_origin=CN", ["Secret prototype phones"]),
], ids=lambda value: value if isinstance(value, str) else None)
async def test_filters(cast: Cast, catalog: dict[str, Any], role: str, query: str, expected: list[str]) -> None:
    assert await titles(cast, role, query) == expected


async def test_pages(cast: Cast, catalog: dict[str, Any]) -> None:
    pages = [(await cast.anonymous.get(f"/api/v1/listings?per_page=2&page={page}")).json() for page in (1, 2, 3)]

    assert [[item["title"] for item in page["items"]] for page in pages] == [
        ["Feature phones", "Smartphones 5G"], ["Cotton T-shirts"], []]
    assert [(page["total"], page["page"], page["per_page"], page["pages"]) for page in pages] == [
        (3, 1, 2, 2), (3, 2, 2, 2), (3, 3, 2, 2)]


async def test_empty_list_has_one_page(cast: Cast) -> None:
    response = await cast.anonymous.get("/api/v1/listings")

    assert response.json() == {"items": [], "total": 0, "page": 1, "per_page": 20, "pages": 1}


async def test_largest_page_is_100(cast: Cast) -> None:
    assert (await cast.anonymous.get("/api/v1/listings?per_page=100")).json()["per_page"] == 100


@pytest.mark.parametrize(("query", "errors"), [
    ("?per_page=101", {"per_page": "less_than_equal"}),
    ("?per_page=0", {"per_page": "greater_than_equal"}),
    ("?page=0", {"page": "greater_than_equal"}),
    ("?page=two", {"page": "int_parsing"}),
    ("?status=live", {"status": "enum"}),
    ("?hs_code=85", {"hs_code": "value_error"}),
    ("?country_of_origin=XX", {"country_of_origin": "value_error"}),
    ("?q=" + "x" * 201, {"q": "string_too_long"}),
], ids=lambda value: value[:20] if isinstance(value, str) else None)
async def test_bad_query_is_422(cast: Cast, query: str, errors: dict[str, str]) -> None:
    assert_invalid(await cast.anonymous.get(f"/api/v1/listings{query}"), **errors)
