"""Sign-ups are limited per client address and hour (API and form): a script cannot mint accounts by the thousand,
while another address signs up as usual."""

from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.config import Settings
from app.main import create_app
from app.models import User
from tests.conftest import BASE_URL
from tests.support.clock import Travel
from tests.support.pages import PASSWORD, sign_up

LIMIT = 3


@pytest.fixture
async def limited(settings: Settings, app: FastAPI) -> AsyncIterator[FastAPI]:
    strict = create_app(settings.model_copy(update={"registrations_per_hour": LIMIT}))
    yield strict
    await strict.state.engine.dispose()


def _from(app: FastAPI, address: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(address, 50000)), base_url=BASE_URL)


def _account(number: int) -> dict[str, str]:
    return {"email": f"mint{number}@example.com", "password": PASSWORD, "name": "Mint", "country": "CN",
            "organization_name": f"Mint {number}", "organization_role": "buyer"}


async def test_one_address_signs_up_at_most_the_limit_per_hour(limited: FastAPI, db: AsyncSession,
                                                               travel: Travel) -> None:
    async with _from(limited, "198.51.100.50") as script, _from(limited, "203.0.113.51") as person:
        answers = [(await script.post("/api/v1/auth/register", json=_account(n))).status_code
                   for n in range(LIMIT + 1)]
        refused = await script.post("/api/v1/auth/register", json=_account(99))
        assert (await person.post("/api/v1/auth/register", json=_account(100))).status_code == 201

        assert answers == [201] * LIMIT + [429]
        assert refused.json()["code"] == "too_many_requests"
        assert f"{LIMIT} accounts were signed up from your address" in refused.json()["detail"]
        assert 1 <= int(refused.headers["retry-after"]) <= 3600
        assert await db.scalar(select(func.count()).select_from(User)) == LIMIT + 1

        travel(clock.utcnow() + timedelta(hours=1, seconds=1))
        assert (await script.post("/api/v1/auth/register", json=_account(101))).status_code == 201


async def test_the_sign_up_form_says_why_it_refused(limited: FastAPI) -> None:
    async with _from(limited, "198.51.100.60") as browser:
        for number in range(LIMIT):
            assert (await browser.post("/api/v1/auth/register", json=_account(number))).status_code == 201
        response = await sign_up(browser, "supplier")
    assert response.status_code == 429
    assert "accounts were signed up from your address in the last hour" in response.text
