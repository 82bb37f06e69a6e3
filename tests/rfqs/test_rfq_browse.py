"""RFQs: who sees what in GET /api/v1/rfqs, the filters, and the pages."""

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.support.actors import Cast
from tests.support.membership import put_on_tier
from tests.support.problems import assert_invalid
from tests.support.rfqs import RFQS, as_outsider_sees, rfq_in_status

# Created in this order: (owner in the cast, status, title, HS code, destination)
CATALOG = [
    ("owner", "open", "Green coffee beans", "090111", "DE"),
    ("owner", "open", "Cotton T-shirts 100% cotton", "610910", "US"),
    ("owner", "draft", "Roasted coffee", "090121", "DE"),
    ("owner", "closed_after_open", "Old coffee request", "0901", "DE"),
    ("stranger", "open", "Decaf coffee", "090112", "FR"),
    ("stranger", "pending_review", "Secret coffee blend", "090111", "DE"),
]
OPEN_NEWEST_FIRST = ["Decaf coffee", "Cotton T-shirts 100% cotton", "Green coffee beans"]


@pytest.fixture
async def catalog(cast: Cast) -> dict[str, dict[str, Any]]:
    rfqs = {}
    for by, status, title, hs_code, destination in CATALOG:
        rfqs[title] = await rfq_in_status(cast, status, by=by, title=title, hs_code=hs_code,
                                          destination_country=destination)
    return rfqs


async def titles(cast: Cast, role: str, query: str = "") -> list[str]:
    return await RFQS.titles(await cast.client(role), query)


async def test_anonymous_sees_only_open_rfqs_newest_first(cast: Cast, catalog: dict[str, Any]) -> None:
    response = await cast.anonymous.get("/api/v1/rfqs")

    assert response.status_code == 200
    assert response.json() == {"items": [as_outsider_sees(catalog[title]) for title in OPEN_NEWEST_FIRST],
                               "total": 3, "page": 1,
                               "per_page": 20, "pages": 1}


async def test_member_sees_its_own_drafts_and_nobody_elses(cast: Cast, catalog: dict[str, Any]) -> None:
    owner = await cast.owner()

    assert await titles(cast, "member", f"?organization={owner.organization_slug}") == [
        "Old coffee request", "Roasted coffee", "Cotton T-shirts 100% cotton", "Green coffee beans"]
    assert await titles(cast, "owner") == [
        "Decaf coffee", "Old coffee request", "Roasted coffee", "Cotton T-shirts 100% cotton",
        "Green coffee beans"]


async def test_listing_another_buyers_rfqs_needs_a_plan_that_shows_buyers(cast: Cast, catalog: dict[str, Any],
                                                                         db: AsyncSession) -> None:
    """Which RFQs a company posted tells who the buyer is: only suppliers whose plan shows buyers may ask."""
    owner, supplier = await cast.owner(), await cast.other("supplier")
    query = f"?organization={owner.organization_slug}"
    assert await titles(cast, "stranger", query) == []
    assert await titles(cast, "anonymous", query) == []
    assert await RFQS.titles(supplier.client, query) == []

    await put_on_tier(db, supplier.organization_id, "gold")
    await db.commit()

    assert await RFQS.titles(supplier.client, query) == ["Cotton T-shirts 100% cotton", "Green coffee beans"]


async def test_admin_sees_every_rfq(cast: Cast, catalog: dict[str, Any]) -> None:
    assert await titles(cast, "admin") == [title for _, _, title, _, _ in reversed(CATALOG)]


@pytest.mark.parametrize(("role", "query", "expected"), [
    ("anonymous", "?organization=no-such-company", []),
    ("owner", "?status=draft", ["Roasted coffee"]),
    ("owner", "?status=closed", ["Old coffee request"]),
    ("anonymous", "?status=closed", []),
    ("admin", "?status=pending_review", ["Secret coffee blend"]),
    ("anonymous", "?hs_code=0901", ["Decaf coffee", "Green coffee beans"]),
    ("anonymous", "?hs_code=0901.11", ["Green coffee beans"]),
    ("admin", "?hs_code=090111", ["Secret coffee blend", "Green coffee beans"]),
    ("anonymous", "?destination_country=fr", ["Decaf coffee"]),
    ("owner", "?destination_country=DE", ["Old coffee request", "Roasted coffee", "Green coffee beans"]),
    ("anonymous", "?q=COFFEE", ["Decaf coffee", "Green coffee beans"]),
    ("anonymous", "?q=100%25", ["Cotton T-shirts 100% cotton"]),
    ("anonymous", "?q=c_ffee", []),
    ("owner", "?q=coffee&hs_code=0901&destination_country=DE&status=open", ["Green coffee beans"]),
], ids=lambda value: value if isinstance(value, str) else None)
async def test_filters(cast: Cast, catalog: dict[str, Any], role: str, query: str, expected: list[str]) -> None:
    assert await titles(cast, role, query) == expected


async def test_pages(cast: Cast, catalog: dict[str, Any]) -> None:
    pages = [(await cast.anonymous.get(f"/api/v1/rfqs?per_page=2&page={page}")).json() for page in (1, 2, 3)]

    assert [[item["title"] for item in page["items"]] for page in pages] == [
        ["Decaf coffee", "Cotton T-shirts 100% cotton"], ["Green coffee beans"], []]
    assert [(page["total"], page["page"], page["per_page"], page["pages"]) for page in pages] == [
        (3, 1, 2, 2), (3, 2, 2, 2), (3, 3, 2, 2)]


@pytest.mark.parametrize(("query", "errors"), [
    ("?per_page=101", {"per_page": "less_than_equal"}),
    ("?page=0", {"page": "greater_than_equal"}),
    ("?status=awarding", {"status": "enum"}),
    ("?hs_code=09", {"hs_code": "value_error"}),
    ("?destination_country=Germany", {"destination_country": "value_error"}),
    ("?organization=" + "x" * 121, {"organization": "string_too_long"}),
], ids=lambda value: value[:20] if isinstance(value, str) else None)
async def test_bad_query_is_422(cast: Cast, query: str, errors: dict[str, str]) -> None:
    assert_invalid(await cast.anonymous.get(f"/api/v1/rfqs{query}"), **errors)
