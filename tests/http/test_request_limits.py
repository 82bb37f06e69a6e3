"""Bodies the server refuses before they cost anything or reach the data: too large (413, before reading), holding
NUL characters (422, nothing stored); and a 405 says which methods the path allows."""

import asyncio
from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.models import Listing, SavedSearch
from tests.conftest import BASE_URL, ActorFactory
from tests.support.pages import T_SHIRT, csrf_token, sign_up, submit_form


async def _count(db: AsyncSession, model: type) -> int:
    return int(await db.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_body_over_the_limit_is_refused_by_its_declared_length(client: httpx.AsyncClient,
                                                                       settings: Settings) -> None:
    huge = b'{"email": "' + b"a" * settings.request_body_max_bytes + b'"}'
    response = await client.post("/api/v1/auth/register", content=huge,
                                 headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "body_too_large"
    assert response.json()["limit"] == settings.request_body_max_bytes


async def test_a_chunked_body_is_cut_off_once_it_passes_the_limit(client: httpx.AsyncClient,
                                                                  settings: Settings) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        for _ in range(4 * settings.request_body_max_bytes // 65536):
            sent += 65536
            yield b" " * 65536
            await asyncio.sleep(0)

    response = await client.post("/api/v1/auth/login", content=chunks(),
                                  headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["code"] == "body_too_large"


async def test_a_body_within_the_limit_is_served(make_actor: ActorFactory) -> None:
    supplier = await make_actor("supplier")
    created = await supplier.client.post("/api/v1/listings", json={**T_SHIRT, "description": "x" * 19_000})
    assert created.status_code == 201


async def test_nul_characters_are_refused_and_nothing_is_stored(make_actor: ActorFactory, db: AsyncSession) -> None:
    supplier = await make_actor("supplier")
    response = await supplier.client.post("/api/v1/listings", json={**T_SHIRT, "title": "Cotton\u0000shirts",
                                                                    "specs": {"Weight": "180\u0000gsm"}})
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "validation_failed"
    assert {(error["field"], error["code"]) for error in problem["errors"]} == {
        ("title", "nul_character"), ("specs.Weight", "nul_character")}
    assert await _count(db, Listing) == 0


async def test_a_form_with_a_nul_character_stores_nothing(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "buyer")
    response = await submit_form(client, "/saved-searches", "/saved-searches", {"name": "Tea\x00", "query": "tea"})
    assert response.status_code == 422
    assert await _count(db, SavedSearch) == 0


async def test_a_multipart_form_with_a_nul_character_stores_nothing(client: httpx.AsyncClient,
                                                                    db: AsyncSession) -> None:
    """Browsers send a form as multipart when it has a file field; its text fields are checked the same way."""
    await sign_up(client, "buyer")
    page = await client.get("/saved-searches")
    fields = {"name": "Tea\x00", "query": "tea", "csrf_token": csrf_token(page.text)}
    response = await client.post("/saved-searches", files={name: (None, value) for name, value in fields.items()})
    assert response.status_code == 422
    assert await _count(db, SavedSearch) == 0


async def test_a_wrong_method_says_which_are_allowed(client: httpx.AsyncClient) -> None:
    response = await client.put("/api/v1/auth/login", json={})
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["code"] == "method_not_allowed"


async def test_a_deeply_nested_body_is_refused_not_a_crash(app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)  # a crash would show as a 500
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as raw:
        response = await raw.post("/api/v1/auth/logout", content=b"[" * 100_000,
                                  headers={"content-type": "application/json"})
    assert response.status_code < 500
