"""Inquiry steps over the API."""

from typing import Any

import httpx

from tests.support.actors import Cast
from tests.support.listings import listing_in_status


async def published_listing_id(cast: Cast, **overrides: Any) -> int:
    return int((await listing_in_status(cast, "published", **overrides))["id"])


async def send(client: httpx.AsyncClient, listing_id: int, message: str = "Do you ship to Rotterdam?",
               **fields: Any) -> dict[str, Any]:
    response = await client.post(f"/api/v1/listings/{listing_id}/inquiries", json={"message": message, **fields})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def reply(client: httpx.AsyncClient, inquiry_id: int, message: str) -> dict[str, Any]:
    response = await client.post(f"/api/v1/inquiries/{inquiry_id}/messages", json={"message": message})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def inbox(client: httpx.AsyncClient, query: str = "") -> list[tuple[int, int]]:
    """(inquiry id, unread count) of each thread in the inbox, latest activity first."""
    response = await client.get(f"/api/v1/inquiries{query}")
    assert response.status_code == 200, response.text
    return [(item["id"], item["unread"]) for item in response.json()["items"]]
