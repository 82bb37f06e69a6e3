"""What listings and RFQs share: created by an organization, walked through review over the API, and checked
for being left exactly as they were after a refused request."""

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.enums import EntityType
from tests.support.actors import Cast
from tests.support.outbox import outbox_operations
from tests.support.problems import assert_problem

Steps = Sequence[tuple[str, str]]  # (who: "owner" or "admin", action path segment)
Request = tuple[str, str, dict[str, Any] | None]  # HTTP method, path suffix after the item's path, JSON body


async def create(client: httpx.AsyncClient, collection: str, payload: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(f"/api/v1/{collection}", json=payload)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def bring_to(cast: Cast, collection: str, payload: dict[str, Any], steps: Steps, *, by: str,
                   reject_reason: str) -> dict[str, Any]:
    """Created by the cast member `by`, then each action posted on /api/v1/{collection}/{id}: "owner" steps by
    `by`, "admin" steps by the admin."""
    item = await create(await cast.client(by), collection, payload)
    for who, action in steps:
        client = await cast.client(by if who == "owner" else who)
        body = {"reason": reject_reason} if action == "reject" else None
        response = await client.post(f"/api/v1/{collection}/{item['id']}/{action}", json=body)
        assert response.status_code == 200, response.text
        item = response.json()
    return item


@dataclass(frozen=True)
class OwnedKind:
    collection: str  # the URL segment: listings, rfqs
    entity_type: EntityType
    in_status: Callable[..., Awaitable[dict[str, Any]]]  # (cast, status, by=..., **fields) -> item

    def path(self, item: dict[str, Any], suffix: str = "") -> str:
        return f"/api/v1/{self.collection}/{item['id']}{suffix}"

    async def titles(self, client: httpx.AsyncClient, query: str = "") -> list[str]:
        """The titles on one page of GET /api/v1/{collection}{query}."""
        response = await client.get(f"/api/v1/{self.collection}{query}")
        assert response.status_code == 200, response.text
        return [item["title"] for item in response.json()["items"]]

    async def snapshot(self, cast: Cast, db: AsyncSession, item: dict[str, Any]) -> tuple[Any, list[str]]:
        """The item as its owner reads it, and the outbox operations recorded for it."""
        stored = (await (await cast.owner()).client.get(self.path(item))).json()
        return stored, await outbox_operations(db, self.entity_type, item["id"])

    async def check_refused(self, cast: Cast, db: AsyncSession, item: dict[str, Any], client: httpx.AsyncClient,
                            request: Request, status: int, code: str) -> dict[str, Any]:
        """The request gets this problem, and the item and its outbox rows stay exactly as they were."""
        _, events_before = await self.snapshot(cast, db, item)
        method, suffix, body = request

        problem = assert_problem(await client.request(method, self.path(item, suffix), json=body), status, code)

        assert await self.snapshot(cast, db, item) == (item, events_before)
        return problem
