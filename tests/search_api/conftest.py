"""Search through the app: the configured engine (embedded, or OpenSearch when TRADELEADS_OPENSEARCH_URL is set),
emptied before each test; listings and RFQs made public through the API."""

from typing import Any

import pytest
from fastapi import FastAPI

from search.backend import SearchBackend
from search.indexer import drain_all
from tests.conftest import Actor
from tests.support.listings import listing_payload
from tests.support.rfqs import rfq_payload


@pytest.fixture
async def engine(app: FastAPI) -> SearchBackend:
    backend: SearchBackend = app.state.search
    await backend.drop()
    return backend


async def index_now(app: FastAPI) -> None:
    """One worker cycle (on the embedded default the app already indexed right after each commit)."""
    await drain_all(app.state.sessionmaker, app.state.search)


async def made_public(owner: Actor, admin: Actor, kind: str, payload: dict[str, Any], action: str) -> dict[str, Any]:
    """Created and submitted by the owner, then published (listings) or approved (RFQs) by an admin."""
    created = await owner.client.post(f"/api/v1/{kind}", json=payload)
    assert created.status_code == 201, created.text
    path = f"/api/v1/{kind}/{created.json()['id']}"
    assert (await owner.client.post(f"{path}/submit")).status_code == 200
    public = await admin.client.post(f"{path}/{action}")
    assert public.status_code == 200, public.text
    return dict(public.json())


async def published_listing(owner: Actor, admin: Actor, **fields: Any) -> dict[str, Any]:
    return await made_public(owner, admin, "listings", listing_payload(**fields), "publish")


async def open_rfq(owner: Actor, admin: Actor, **fields: Any) -> dict[str, Any]:
    return await made_public(owner, admin, "rfqs", rfq_payload(**fields), "approve")
