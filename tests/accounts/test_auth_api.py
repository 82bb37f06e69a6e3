"""Registration, login, logout, password change and sessions through the JSON API."""

import httpx
from sqlalchemy import func, select

from app.models import LoginFailure, Organization, OutboxEvent, User
from app.models.enums import EntityType

PASSWORD = "correct horse battery"


def registration(**overrides: object) -> dict[str, object]:
    return {
        "email": "Li.Wei@Example.COM",
        "password": PASSWORD,
        "name": "Li Wei",
        "organization_name": "Shenzhen Bright Electronics Co., Ltd.",
        "organization_role": "supplier",
        "country": "cn",
        **overrides,
    }


async def test_register_creates_owner_and_organization_and_logs_in(client: httpx.AsyncClient, db) -> None:
    response = await client.post("/api/v1/auth/register", json=registration(city="Shenzhen",
                                                                             business_type="manufacturer"))

    assert response.status_code == 201
    body = response.json()
    assert body["user"]["email"] == "li.wei@example.com"
    assert body["user"]["member_role"] == "owner"
    assert body["user"]["is_platform_admin"] is False
    assert body["organization"]["slug"] == "shenzhen-bright-electronics-co-ltd"
    assert body["organization"]["country"] == "CN"
    assert body["organization"]["city"] == "Shenzhen"
    assert "tl_session" in response.cookies
    me = await client.get("/api/v1/me")
    assert me.status_code == 200
    assert me.json()["user"]["id"] == body["user"]["id"]
    outbox = (await db.scalars(select(OutboxEvent))).all()
    assert [(row.entity_type, row.entity_id) for row in outbox] == [
        (EntityType.ORGANIZATION, body["organization"]["id"])
    ]


async def test_register_gives_unique_slugs_to_same_names(client: httpx.AsyncClient) -> None:
    first = await client.post("/api/v1/auth/register", json=registration(email="a@example.com"))
    second = await client.post("/api/v1/auth/register", json=registration(email="b@example.com"))
    assert first.json()["organization"]["slug"] == "shenzhen-bright-electronics-co-ltd"
    assert second.json()["organization"]["slug"] == "shenzhen-bright-electronics-co-ltd-2"


async def test_email_is_unique_case_insensitively(client: httpx.AsyncClient, db) -> None:
    assert (await client.post("/api/v1/auth/register", json=registration())).status_code == 201
    again = await client.post("/api/v1/auth/register", json=registration(email="LI.WEI@example.com"))

    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"
    assert again.json()["code"] == "email_taken"
    assert await db.scalar(select(func.count()).select_from(User)) == 1
    assert await db.scalar(select(func.count()).select_from(Organization)) == 1


async def test_register_rejects_invalid_fields_and_stores_nothing(client: httpx.AsyncClient, db) -> None:
    response = await client.post("/api/v1/auth/register", json=registration(
        email="not-an-email", password="short", country="XX", organization_role="pirate",
    ))

    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "validation_failed"
    assert problem["status"] == 422
    assert {error["field"] for error in problem["errors"]} == {"email", "password", "country", "organization_role"}
    assert await db.scalar(select(func.count()).select_from(User)) == 0


async def test_login_sets_session_and_records_last_login(client: httpx.AsyncClient, make_actor) -> None:
    actor = await make_actor("buyer")

    response = await client.post("/api/v1/auth/login", json={"email": actor.email.upper(), "password": PASSWORD})

    assert response.status_code == 200
    assert response.json()["user"]["last_login_at"] is not None
    assert (await client.get("/api/v1/me")).json()["user"]["email"] == actor.email


async def test_wrong_password_is_401_and_counted(client: httpx.AsyncClient, make_actor, db) -> None:
    actor = await make_actor("buyer")

    response = await client.post("/api/v1/auth/login", json={"email": actor.email, "password": "wrong password"})

    assert response.status_code == 401
    assert response.json()["code"] == "invalid_credentials"
    assert "tl_session" not in response.cookies
    assert await db.scalar(select(func.count()).select_from(LoginFailure)) == 1


async def test_repeated_failures_throttle_the_account_even_with_the_right_password(
    client: httpx.AsyncClient, make_actor, settings
) -> None:
    actor = await make_actor("buyer")
    for _ in range(settings.login_max_failures):
        failed = await client.post("/api/v1/auth/login", json={"email": actor.email, "password": "guess"})
        assert failed.status_code == 401

    throttled = await client.post("/api/v1/auth/login", json={"email": actor.email, "password": PASSWORD})

    assert throttled.status_code == 429
    assert throttled.json()["code"] == "too_many_requests"
    assert 1 <= int(throttled.headers["retry-after"]) <= settings.login_window_seconds


async def test_one_address_guessing_many_accounts_is_throttled(client: httpx.AsyncClient, settings) -> None:
    attempts = settings.login_max_failures * 4
    for number in range(attempts):
        response = await client.post("/api/v1/auth/login",
                                     json={"email": f"nobody{number}@example.com", "password": "guess"})
        assert response.status_code == 401

    throttled = await client.post("/api/v1/auth/login", json={"email": "another@example.com", "password": "x"})
    assert throttled.status_code == 429


async def test_successful_login_clears_the_accounts_failures(client: httpx.AsyncClient, make_actor, settings) -> None:
    actor = await make_actor("buyer")
    right = {"email": actor.email, "password": PASSWORD}
    for _round in range(2):
        for _ in range(settings.login_max_failures - 1):
            await client.post("/api/v1/auth/login", json={"email": actor.email, "password": "guess"})
        assert (await client.post("/api/v1/auth/login", json=right)).status_code == 200


async def test_logout_ends_the_cookie_session(client: httpx.AsyncClient, make_actor) -> None:
    actor = await make_actor("buyer")
    await client.post("/api/v1/auth/login", json={"email": actor.email, "password": PASSWORD})

    assert (await client.post("/api/v1/auth/logout")).status_code == 204

    assert (await client.get("/api/v1/me")).status_code == 401


async def test_tampered_session_cookie_is_ignored(client: httpx.AsyncClient, make_actor) -> None:
    actor = await make_actor("buyer")
    await client.post("/api/v1/auth/login", json={"email": actor.email, "password": PASSWORD})
    value = client.cookies["tl_session"]
    client.cookies.clear()
    client.cookies.set("tl_session", value[:-2] + ("AA" if not value.endswith("AA") else "BB"))

    assert (await client.get("/api/v1/me")).status_code == 401


async def test_session_cookie_is_httponly_and_samesite_lax(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/auth/register", json=registration())
    header = response.headers["set-cookie"].lower()
    assert "httponly" in header
    assert "samesite=lax" in header


async def test_change_password_needs_the_current_one(make_actor) -> None:
    actor = await make_actor("supplier")

    wrong = await actor.client.post("/api/v1/me/password",
                                    json={"current_password": "nope", "new_password": "a new long password"})
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "current_password"

    short = await actor.client.post("/api/v1/me/password",
                                    json={"current_password": PASSWORD, "new_password": "short"})
    assert short.status_code == 422


async def test_change_password_ends_other_sessions_and_new_password_works(
    app, client: httpx.AsyncClient, make_actor
) -> None:
    actor = await make_actor("supplier")
    await client.post("/api/v1/auth/login", json={"email": actor.email, "password": PASSWORD})
    assert (await client.get("/api/v1/me")).status_code == 200

    changed = await actor.client.post("/api/v1/me/password",
                                      json={"current_password": PASSWORD, "new_password": "a new long password"})
    assert changed.status_code == 204

    assert (await client.get("/api/v1/me")).status_code == 401
    client.cookies.clear()
    old = await client.post("/api/v1/auth/login", json={"email": actor.email, "password": PASSWORD})
    assert old.status_code == 401
    new = await client.post("/api/v1/auth/login", json={"email": actor.email, "password": "a new long password"})
    assert new.status_code == 200
