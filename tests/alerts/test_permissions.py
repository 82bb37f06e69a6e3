"""Who may do what with webhooks and saved searches: the organisation's own members only; strangers and platform
admins of other organisations do not see them, anonymous callers must log in, supplier-only organisations save no
searches. A refused request changes nothing."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from tests.support.actors import Cast
from tests.support.permissions import ALLOWED, Outcome
from tests.support.problems import assert_problem

MEMBERS_ONLY: dict[str, Outcome] = {"anonymous": (401, "not_authenticated"), "stranger": (404, "not_found"),
                                    "owner": ALLOWED, "member": ALLOWED, "admin": (404, "not_found")}
ANY_MEMBER: dict[str, Outcome] = {"anonymous": (401, "not_authenticated"), "stranger": ALLOWED, "owner": ALLOWED,
                                  "member": ALLOWED, "admin": ALLOWED}
HOOK = {"url": "https://hooks.example.com/tradeleads"}
SEARCH = {"name": "Coffee", "query": "green coffee beans"}
OWNED = {"webhooks": HOOK, "saved-searches": SEARCH}


@pytest.fixture
async def cast(app: FastAPI, client: httpx.AsyncClient) -> AsyncIterator[Cast]:
    people = Cast(app, client, "buyer")
    yield people
    await people.close()


def cases(outcomes: dict[str, Outcome]) -> list[Any]:
    return [pytest.param(role, outcome, id=role) for role, outcome in outcomes.items()]


async def _owned(cast: Cast, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await (await cast.owner()).client.post(path, json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _count(cast: Cast, path: str) -> int:
    body = (await (await cast.owner()).client.get(path)).json()
    return len(body) if isinstance(body, list) else int(body["total"])


@pytest.mark.parametrize("collection", OWNED)
@pytest.mark.parametrize(("role", "outcome"), cases(MEMBERS_ONLY))
async def test_deleting(cast: Cast, collection: str, role: str, outcome: Outcome) -> None:
    path = f"/api/v1/{collection}"
    owned = await _owned(cast, path, OWNED[collection])
    response = await (await cast.client(role)).delete(f"{path}/{owned['id']}")
    if outcome is ALLOWED:
        assert response.status_code == 204
        assert await _count(cast, path) == 0
    else:
        assert_problem(response, *outcome)
        assert await _count(cast, path) == 1


@pytest.mark.parametrize(("role", "outcome"), cases(MEMBERS_ONLY))
async def test_reading_a_webhooks_delivery_log(cast: Cast, role: str, outcome: Outcome) -> None:
    hook = await _owned(cast, "/api/v1/webhooks", HOOK)
    response = await (await cast.client(role)).get(f"/api/v1/webhooks/{hook['id']}/deliveries")
    if outcome is ALLOWED:
        assert (response.status_code, response.json()["items"]) == (200, [])
    else:
        assert_problem(response, *outcome)


@pytest.mark.parametrize("collection", OWNED)
@pytest.mark.parametrize(("role", "outcome"), cases(ANY_MEMBER))
async def test_listing_shows_only_ones_own(cast: Cast, collection: str, role: str, outcome: Outcome) -> None:
    path = f"/api/v1/{collection}"
    owned = await _owned(cast, path, OWNED[collection])
    response = await (await cast.client(role)).get(path)
    if outcome is not ALLOWED:
        assert_problem(response, *outcome)
        return
    body = response.json()
    items = body if isinstance(body, list) else body["items"]
    assert [item["id"] for item in items] == ([owned["id"]] if role in ("owner", "member") else [])


async def test_anonymous_callers_register_no_webhook(cast: Cast) -> None:
    assert_problem(await cast.anonymous.post("/api/v1/webhooks", json=HOOK), 401, "not_authenticated")
    assert await _count(cast, "/api/v1/webhooks") == 0


async def test_only_buying_organisations_save_searches(cast: Cast) -> None:
    supplier = await cast.other("supplier")
    assert_problem(await supplier.client.post("/api/v1/saved-searches", json=SEARCH), 403, "not_a_buyer")
    assert_problem(await cast.anonymous.post("/api/v1/saved-searches", json=SEARCH), 401, "not_authenticated")
    assert (await supplier.client.get("/api/v1/saved-searches")).json()["total"] == 0
    both = await cast.other("both")
    assert (await both.client.post("/api/v1/saved-searches", json=SEARCH)).status_code == 201
