"""Personal access tokens: shown once, stored hashed, revocable."""

import httpx
from sqlalchemy import select

from app.core.security import hash_api_token
from app.models import ApiToken


async def test_token_is_shown_once_and_stored_hashed(make_actor, db) -> None:
    actor = await make_actor("supplier")

    created = await actor.client.post("/api/v1/me/tokens", json={"name": "ERP sync"})

    assert created.status_code == 201
    token = created.json()["token"]
    assert token.startswith("tl_")
    stored = await db.scalar(select(ApiToken).where(ApiToken.id == created.json()["id"]))
    assert stored.token_hash == hash_api_token(token)
    assert token not in stored.token_hash
    listed = (await actor.client.get("/api/v1/me/tokens")).json()
    assert [item["name"] for item in listed] == ["tests", "ERP sync"]
    assert all("token" not in item for item in listed)


async def test_token_authenticates_and_records_use(app, make_actor, db) -> None:
    actor = await make_actor("supplier")
    token = (await actor.client.post("/api/v1/me/tokens", json={"name": "script"})).json()

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver",
                                 headers={"Authorization": f"Bearer {token['token']}"}) as script:
        me = await script.get("/api/v1/me")

    assert me.status_code == 200
    assert me.json()["user"]["id"] == actor.user_id
    stored = await db.get(ApiToken, token["id"])
    assert stored.last_used_at is not None


async def test_revoked_token_no_longer_works(app, make_actor) -> None:
    actor = await make_actor("supplier")
    token = (await actor.client.post("/api/v1/me/tokens", json={"name": "temporary"})).json()

    revoked = await actor.client.delete(f"/api/v1/me/tokens/{token['id']}")

    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver",
                                 headers={"Authorization": f"Bearer {token['token']}"}) as script:
        assert (await script.get("/api/v1/me")).status_code == 401


async def test_nobody_can_revoke_another_users_token(make_actor) -> None:
    owner = await make_actor("supplier")
    other = await make_actor("supplier")
    token = (await owner.client.post("/api/v1/me/tokens", json={"name": "mine"})).json()

    response = await other.client.delete(f"/api/v1/me/tokens/{token['id']}")

    assert response.status_code == 404
    assert all(item["revoked_at"] is None for item in (await owner.client.get("/api/v1/me/tokens")).json())


async def test_token_endpoints_need_authentication(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v1/me/tokens")).status_code == 401
    assert (await client.post("/api/v1/me/tokens", json={"name": "x"})).status_code == 401
    assert (await client.delete("/api/v1/me/tokens/1")).status_code == 401


async def test_unknown_bearer_token_is_401(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/me", headers={"Authorization": "Bearer tl_not-a-real-token"})
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
