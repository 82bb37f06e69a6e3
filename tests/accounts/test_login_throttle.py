"""Guessing passwords slows the guesser down and nobody else: growing waits per (account, address) instead of a
lock on the account, and X-Forwarded-For believed only from a configured proxy."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import httpx
from fastapi import FastAPI

from app.core import clock
from app.core.config import Settings
from app.main import create_app
from tests.conftest import BASE_URL, ActorFactory
from tests.support.clock import Travel
from tests.support.pages import PASSWORD


@asynccontextmanager
async def _from(app: FastAPI, address: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client whose TCP peer address is `address`."""
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
        yield client


async def _login(client: httpx.AsyncClient, email: str, password: str,
                 headers: dict[str, str] | None = None) -> httpx.Response:
    return await client.post("/api/v1/auth/login", json={"email": email, "password": password}, headers=headers)


async def test_a_guesser_does_not_lock_the_owner_out(app: FastAPI, make_actor: ActorFactory,
                                                     settings: Settings) -> None:
    owner = await make_actor("buyer")
    async with _from(app, "198.51.100.7") as guesser, _from(app, "203.0.113.20") as office:
        for _ in range(settings.login_max_failures * 4):
            await _login(guesser, owner.email, "guess")
        assert (await _login(guesser, owner.email, PASSWORD)).status_code == 429
        assert (await _login(office, owner.email, PASSWORD)).status_code == 200


async def test_each_attempt_past_the_free_ones_waits_twice_as_long(app: FastAPI, make_actor: ActorFactory,
                                                                    settings: Settings, travel: Travel) -> None:
    owner = await make_actor("supplier")
    start = clock.utcnow()
    travel(start)
    async with _from(app, "198.51.100.8") as guesser:
        for _ in range(settings.login_max_failures):
            assert (await _login(guesser, owner.email, "guess")).status_code == 401
        waits = []
        for _ in range(3):
            refused = await _login(guesser, owner.email, "guess")
            assert refused.status_code == 429
            waits.append(int(refused.headers["retry-after"]))
            travel(clock.utcnow() + timedelta(seconds=waits[-1]))
            assert (await _login(guesser, owner.email, "guess")).status_code == 401
        assert waits == [2, 4, 8]
        travel(clock.utcnow() + timedelta(seconds=settings.login_window_seconds + 1))
        assert (await _login(guesser, owner.email, PASSWORD)).status_code == 200


async def test_forwarded_for_from_an_untrusted_peer_is_ignored(app: FastAPI, make_actor: ActorFactory,
                                                               settings: Settings) -> None:
    owner = await make_actor("buyer")
    async with _from(app, "127.0.0.1") as local:
        for number in range(settings.login_max_failures):
            await _login(local, owner.email, "guess", {"X-Forwarded-For": f"192.0.2.{number}"})
        fresh_claim = await _login(local, owner.email, PASSWORD, {"X-Forwarded-For": "192.0.2.200"})
    assert fresh_claim.status_code == 429


async def test_forwarded_for_from_a_trusted_proxy_names_the_client(make_actor: ActorFactory,
                                                                   settings: Settings) -> None:
    behind_proxy = create_app(settings.model_copy(update={"trusted_proxies": "10.0.0.2, 10.0.0.3"}))
    owner = await make_actor("buyer")
    async with _from(behind_proxy, "10.0.0.2") as proxy:
        for _ in range(settings.login_max_failures):
            await _login(proxy, owner.email, "guess", {"X-Forwarded-For": "203.0.113.9, 10.0.0.3"})
        spoofed_left = {"X-Forwarded-For": "192.0.2.1, 203.0.113.9, 10.0.0.3"}
        assert (await _login(proxy, owner.email, PASSWORD, spoofed_left)).status_code == 429
        other_client = {"X-Forwarded-For": "203.0.113.10"}
        assert (await _login(proxy, owner.email, PASSWORD, other_client)).status_code == 200
    await behind_proxy.state.engine.dispose()


async def test_the_served_app_does_not_believe_a_local_clients_forwarded_for(
        live_server: str, make_actor: ActorFactory, settings: Settings) -> None:
    owner = await make_actor("buyer")
    async with httpx.AsyncClient(base_url=live_server) as local:
        for number in range(settings.login_max_failures):
            await _login(local, owner.email, "guess", {"X-Forwarded-For": f"192.0.2.{number}"})
        response = await _login(local, owner.email, PASSWORD, {"X-Forwarded-For": "192.0.2.250"})
    assert response.status_code == 429


async def test_a_burst_of_guesses_at_once_gets_no_more_tries_than_one_by_one(
    app: FastAPI, make_actor: ActorFactory, settings: Settings,
) -> None:
    owner = await make_actor("buyer")
    burst = settings.login_max_failures * 4
    async with _from(app, "198.51.100.9") as guesser:
        answers = await asyncio.gather(*(_login(guesser, owner.email, f"guess {n}") for n in range(burst)))
    statuses = [answer.status_code for answer in answers]
    assert statuses.count(401) <= settings.login_max_failures
    assert statuses.count(429) == burst - statuses.count(401)
