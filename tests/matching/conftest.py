"""Matching through the app: the configured search engine emptied before each test, a buyer and suppliers who
publish through the API, and the engine called with the app's own backend."""

from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Rfq
from search.backend import SearchBackend
from tests.conftest import Actor, ActorFactory
from tests.search_api.conftest import index_now, open_rfq, published_listing

__all__ = ["index_now", "open_rfq", "published_listing"]


@pytest.fixture
async def engine(app: FastAPI) -> SearchBackend:
    backend: SearchBackend = app.state.search
    await backend.drop()
    return backend


@pytest.fixture
async def admin(make_actor: ActorFactory) -> Actor:
    return await make_actor("both", admin=True, organization_name="Platform Admins")


@pytest.fixture
async def buyer(make_actor: ActorFactory) -> Actor:
    return await make_actor("buyer", organization_name="Hamburg Imports", country="DE")


async def stored_rfq(db: AsyncSession, rfq: dict[str, Any]) -> Rfq:
    return await db.get_one(Rfq, rfq["id"], populate_existing=True)
