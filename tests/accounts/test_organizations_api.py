"""Organization profiles: public to read, editable by their members (and platform admins) only."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.enums import EntityType
from tests.conftest import ActorFactory
from tests.support.actors import new_actor
from tests.support.outbox import outbox_operations
from tests.support.problems import assert_invalid, assert_problem
from tests.support.timestamps import assert_recent

PROFILE = {"organization_name": "Ningbo Sunrise Textiles", "city": "Ningbo", "business_type": "manufacturer",
           "year_established": 2004, "employee_range": "51-200", "export_markets": ["de", "US"],
           "certifications": ["ISO 9001"], "website": "https://sunrise.example.com",
           "description": "Knitted garments."}


@pytest.fixture
async def supplier(make_actor: ActorFactory) -> Any:
    return await make_actor("supplier", **PROFILE)


async def test_anyone_reads_a_profile(client: httpx.AsyncClient, supplier: Any) -> None:
    response = await client.get(f"/api/v1/organizations/{supplier.organization_slug}")

    assert response.status_code == 200
    body = response.json()
    assert_recent(body.pop("created_at"))
    assert body == {
        "id": supplier.organization_id, "slug": "ningbo-sunrise-textiles", "name": "Ningbo Sunrise Textiles",
        "role": "supplier", "country": "CN", "city": "Ningbo", "business_type": "manufacturer",
        "year_established": 2004, "employee_range": "51-200", "export_markets": ["DE", "US"],
        "certifications": ["ISO 9001"], "website": "https://sunrise.example.com/",
        "description": "Knitted garments.", "verified_until": None,
    }


async def test_unknown_slug_is_404(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/api/v1/organizations/no-such-company"), 404, "not_found")


async def test_member_edits_the_profile(app: FastAPI, db: AsyncSession, supplier: Any) -> None:
    member = await new_actor(app, member_of=supplier)
    path = f"/api/v1/organizations/{supplier.organization_slug}"
    before = (await supplier.client.get(path)).json()

    response = await member.client.patch(path, json={"name": "Sunrise Textiles Group", "city": None,
                                                     "export_markets": ["fr"]})
    await member.client.aclose()

    assert response.status_code == 200, response.text
    assert response.json() == before | {"name": "Sunrise Textiles Group", "city": None, "export_markets": ["FR"]}
    assert (await supplier.client.get(path)).json() == response.json()
    assert await outbox_operations(db, EntityType.ORGANIZATION, supplier.organization_id) == ["upsert", "upsert"]


async def test_admin_edits_another_profile(app: FastAPI, supplier: Any) -> None:
    admin = await new_actor(app, "buyer", admin=True)

    response = await admin.client.patch(f"/api/v1/organizations/{supplier.organization_slug}",
                                        json={"description": "Verified knitwear maker."})
    await admin.client.aclose()

    assert (response.status_code, response.json()["description"]) == (200, "Verified knitwear maker.")


@pytest.mark.parametrize(("who", "status", "code"), [
    ("anonymous", 401, "not_authenticated"),
    ("other organization", 403, "not_a_member"),
])
async def test_outsiders_cannot_edit(app: FastAPI, client: httpx.AsyncClient, db: AsyncSession, supplier: Any,
                                     who: str, status: int, code: str) -> None:
    path = f"/api/v1/organizations/{supplier.organization_slug}"
    before = (await client.get(path)).json()
    outsider = await new_actor(app, "supplier") if who == "other organization" else None

    response = await (outsider.client if outsider else client).patch(path, json={"name": "Taken over"})
    if outsider:
        await outsider.client.aclose()

    assert_problem(response, status, code)
    assert (await client.get(path)).json() == before
    assert await outbox_operations(db, EntityType.ORGANIZATION, supplier.organization_id) == ["upsert"]


@pytest.mark.parametrize(("changes", "errors"), [
    ({"name": None}, {"name": "null_not_allowed"}),
    ({"country": None}, {"country": "null_not_allowed"}),
    ({"name": "A"}, {"name": "string_too_short"}),
    ({"country": "XX"}, {"country": "value_error"}),
    ({"year_established": 1700}, {"year_established": "greater_than_equal"}),
    ({"website": "not a url"}, {"website": "url_parsing"}),
    ({"export_markets": ["DE", "Narnia"]}, {"export_markets.1": "value_error"}),
], ids=lambda value: ",".join(value) if isinstance(value, dict) else None)
async def test_invalid_edit_is_422_and_changes_nothing(client: httpx.AsyncClient, db: AsyncSession, supplier: Any,
                                                      changes: dict[str, Any], errors: dict[str, str]) -> None:
    path = f"/api/v1/organizations/{supplier.organization_slug}"
    before = (await client.get(path)).json()

    assert_invalid(await supplier.client.patch(path, json=changes), **errors)
    assert (await client.get(path)).json() == before
    assert await outbox_operations(db, EntityType.ORGANIZATION, supplier.organization_id) == ["upsert"]
