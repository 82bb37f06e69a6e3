from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI

from tests.conftest import Actor
from tests.support.actors import cast_fixture
from tests.support.quotes import close_all, suppliers

cast = cast_fixture("buyer")


@pytest.fixture
async def supplier(app: FastAPI) -> AsyncIterator[Actor]:
    [actor] = await suppliers(app, 1)
    yield actor
    await actor.client.aclose()


@pytest.fixture
async def rival(app: FastAPI) -> AsyncIterator[Actor]:
    """A second supplier."""
    [actor] = await suppliers(app, 1)
    yield actor
    await close_all([actor])
