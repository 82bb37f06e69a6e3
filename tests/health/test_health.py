"""/healthz says the process answers; /readyz says whether it can serve (database, newest migration, search
engine) and which part is missing when it cannot."""

import httpx
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.health.service import head_revision
from app.main import create_app
from tests.conftest import BASE_URL


async def test_alive_and_ready_on_a_migrated_database(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["ready"] is True
    assert body["migrations"] == {"ok": True, "detail": f"at {head_revision()}"}
    assert body["database"]["ok"] and body["search"]["ok"]


async def test_a_database_behind_the_code_is_not_ready(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await db.execute(text("UPDATE alembic_version SET version_num = '0012'"))
    await db.commit()
    try:
        response = await client.get("/readyz")
    finally:
        await db.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head_revision()})
        await db.commit()
    assert response.status_code == 503
    assert response.json()["migrations"] == {"ok": False, "detail": f"at 0012, the code needs {head_revision()}: "
                                                                    "run migrate"}
    assert response.json()["ready"] is False


async def test_an_unreachable_search_engine_is_not_ready(settings: Settings, app: FastAPI) -> None:
    offline = create_app(settings.model_copy(update={"opensearch_url": "http://127.0.0.1:9"}))  # nothing listens
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=offline), base_url=BASE_URL) as client:
        response = await client.get("/readyz")
        alive = await client.get("/healthz")
    await offline.state.search.close()
    await offline.state.engine.dispose()
    assert (response.status_code, response.json()["search"]["ok"], response.json()["database"]["ok"]) == (
        503, False, True)
    assert alive.status_code == 200
