"""Test harness: a real, migrated database (SQLite by default, PostgreSQL when TRADELEADS_DATABASE_URL says so),
the real app in-process over httpx, and helpers that act as registered users of each role."""

import asyncio
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

_SCRATCH = Path(tempfile.mkdtemp(prefix="tradeleads-tests-"))
os.environ.setdefault("TRADELEADS_DATABASE_URL", f"sqlite+aiosqlite:///{_SCRATCH / 'test.db'}")
os.environ.setdefault("TRADELEADS_SECRET_KEY", "test-secret-key")
os.environ.setdefault("TRADELEADS_VAR_DIR", str(_SCRATCH))
# Thousands of sign-ups and log-ins: argon2 at 1 MiB and one pass (~1 ms) instead of its 64 MiB, three passes
# (~125 ms each); the hashes are argon2id all the same.
os.environ.setdefault("TRADELEADS_PASSWORD_HASH_MEMORY_KIB", "1024")
os.environ.setdefault("TRADELEADS_PASSWORD_HASH_ITERATIONS", "1")
# Tests sign many users up from one address; the sign-up limit has tests of its own with a small limit.
os.environ.setdefault("TRADELEADS_REGISTRATIONS_PER_HOUR", "100000")
# Parallel test runs against one OpenSearch never share an index.
os.environ.setdefault("TRADELEADS_SEARCH_INDEX_PREFIX", f"tradeleads-test-{_SCRATCH.name.lower()}-")

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy import text, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.ads.impressions import PENDING
from app.ads.priors import PRIORS
from app.cli.serve import server_config
from app.core import clock
from app.core.config import Settings, get_settings
from app.core.db import is_sqlite
from app.main import create_app
from app.models import Base, User
from search.factory import opensearch_hosts
from tests.support.clock import Travel
from tests.support.database import prepare_database

REFERENCE_TABLES = {"hs_codes", "alembic_version", "tiers"}  # seeded by migrations
BASE_URL = "http://testserver"
STARTUP_SECONDS = 15


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--clock", metavar="ISO", help="run with the services' clock moved to this UTC moment "
                     "(e.g. 2027-12-31T23:59); it keeps running from there. The machine's clock is not touched.")


def pytest_configure(config: pytest.Config) -> None:
    moment = config.getoption("--clock")
    if moment:
        parsed = datetime.fromisoformat(moment)
        clock.shift_to(parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC))


def pytest_report_header(config: pytest.Config) -> str:
    return f"services' clock: {clock.utcnow().isoformat(timespec='seconds')}"


@pytest.fixture
def travel() -> Iterator[Travel]:
    """Moves the services' clock to a moment for the rest of one test (it keeps running from there)."""
    before = clock.offset()
    yield clock.shift_to
    clock.set_offset(before)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return get_settings()


@pytest.fixture(scope="session", autouse=True)
def migrated_database(settings: Settings) -> Iterator[None]:
    """Fails (never skips) when the configured database cannot be reached."""
    prepare_database(settings)
    yield


@pytest.fixture(scope="session", autouse=True)
def indices_dropped_at_the_end(settings: Settings) -> Iterator[None]:
    """The run's OpenSearch indices (all under its own prefix) go when it ends, so a long-lived server does not
    collect them."""
    yield
    if settings.opensearch_url:
        auth = (settings.opensearch_user, settings.opensearch_password or "") if settings.opensearch_user else None
        verify: str | bool = str(settings.opensearch_ca_file) if settings.opensearch_ca_file else \
            settings.opensearch_verify_certs
        node = opensearch_hosts(settings.opensearch_url)[0].rstrip("/")  # any node of a cluster
        httpx.delete(f"{node}/{settings.search_index_prefix}*",
                     params={"expand_wildcards": "all"}, auth=auth, verify=verify, timeout=30)


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings)
    yield application
    await _empty_tables(application)
    PENDING.counts.clear()  # impressions counted in this process for rows just emptied (their ids come again)
    PRIORS.read.clear()
    shutil.rmtree(settings.files_path, ignore_errors=True)  # the uploads of the rows just emptied
    await application.state.engine.dispose()
    await application.state.search.close()


async def _empty_tables(application: FastAPI) -> None:
    tables = [table for table in reversed(Base.metadata.sorted_tables) if table.name not in REFERENCE_TABLES]
    async with application.state.engine.begin() as connection:
        if is_sqlite(str(application.state.engine.url)):
            for table in tables:
                await connection.execute(table.delete())
        else:
            names = ", ".join(table.name for table in tables)
            await connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture
async def db(app: FastAPI) -> AsyncIterator[AsyncSession]:
    """A session of its own, for checking what is stored; commit explicitly when a test writes."""
    async with app.state.sessionmaker() as session:
        yield session


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as anonymous:
        yield anonymous


@dataclass
class Actor:
    """A registered user of an organization, with an API client authenticated by a personal token."""

    client: httpx.AsyncClient
    user_id: int
    email: str
    password: str
    organization_id: int
    organization_slug: str


ActorFactory = Callable[..., Awaitable[Actor]]


@pytest.fixture
async def make_actor(app: FastAPI) -> AsyncIterator[ActorFactory]:
    clients: list[httpx.AsyncClient] = []
    counter = iter(range(1, 10_000))

    async def factory(role: str = "supplier", *, admin: bool = False, country: str = "CN",
                      organization_name: str | None = None, **extra: Any) -> Actor:
        number = next(counter)
        email = f"user{number}-{role}@example.com"
        password = "correct horse battery"
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as registrar:
            response = await registrar.post("/api/v1/auth/register", json={
                "email": email, "password": password, "name": f"User {number}",
                "organization_name": organization_name or f"{role.title()} Company {number}",
                "organization_role": role, "country": country, **extra,
            })
            assert response.status_code == 201, response.text
            body = response.json()
            token = (await registrar.post("/api/v1/me/tokens", json={"name": "tests"})).json()["token"]
        if admin:
            async with app.state.sessionmaker() as session:
                promote = update(User).where(User.id == body["user"]["id"]).values(is_platform_admin=True)
                await session.execute(promote)
                await session.commit()
        authenticated = httpx.AsyncClient(transport=transport, base_url=BASE_URL,
                                          headers={"Authorization": f"Bearer {token}"})
        clients.append(authenticated)
        return Actor(authenticated, body["user"]["id"], email, password, body["organization"]["id"],
                     body["organization"]["slug"])

    yield factory
    for authenticated in clients:
        await authenticated.aclose()


@asynccontextmanager
async def serving(application: FastAPI) -> AsyncIterator[str]:
    """`application` over real HTTP in uvicorn configured as `make run` does (`tradeleads serve`), on a free
    loopback port, in a thread and event loop of its own; yields its base URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(server_config(application, "127.0.0.1", port, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    for _ in range(STARTUP_SECONDS * 100):
        if server.started or not thread.is_alive():
            break
        await asyncio.sleep(0.01)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await asyncio.to_thread(thread.join, STARTUP_SECONDS)
        listener.close()


@pytest.fixture
async def live_server(app: FastAPI, settings: Settings) -> AsyncIterator[str]:
    """The app served over real HTTP (`serving`). It has an engine of its own (it runs in another thread and event
    loop); depending on `app` makes that fixture's table cleanup run after the server stopped."""
    async with serving(create_app(settings)) as base_url:
        yield base_url


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Leaves each phase's report on the test (`report_setup`, `report_call`), so a fixture's teardown knows
    whether the test failed (the browser page saves what it loaded then)."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report
