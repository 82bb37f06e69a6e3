"""Disaster recovery as an operator runs it: a seeded PostgreSQL is dumped with pg_dump, restored with pg_restore
into a fresh database, `tradeleads reindex all` rebuilds the search index from it, and the service answers the same
searches as before. The search index is never backed up: SQL is the one source of truth. On the PostgreSQL pass,
with whatever search engine that pass configures (OpenSearch in CI)."""

import asyncio
import os
import secrets
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import httpx
import pytest
from sqlalchemy.engine import make_url

from app.core.config import Settings
from app.core.db import is_sqlite
from app.main import create_app
from tests.conftest import BASE_URL

TRADELEADS = Path(sys.executable).with_name("tradeleads")
SEARCHES = ["/api/v1/search/listings?q=valve", "/api/v1/search/listings?q=cotton+t-shirt",
            "/api/v1/search/listings?q=coffee", "/api/v1/search/listings", "/api/v1/search/suppliers?q=steel",
            "/api/v1/search/rfqs?q=coffee", "/api/v1/search/rfqs"]


def _server_url(settings: Settings) -> str:
    """libpq's URL of the test database's server (pg_dump, pg_restore and asyncpg speak it)."""
    return make_url(settings.database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def _database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


async def _admin(url: str, statement: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


def _tradeleads(settings: Settings, *args: str) -> None:
    env = {**os.environ, "TRADELEADS_DATABASE_URL": settings.database_url,
           "TRADELEADS_SEARCH_INDEX_PREFIX": settings.search_index_prefix, "TRADELEADS_VAR_DIR": str(settings.var_dir)}
    done = subprocess.run([str(TRADELEADS), *args], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"tradeleads {' '.join(args)}: {done.stdout}\n{done.stderr}"


def _libpq(*args: str) -> None:
    done = subprocess.run(list(args), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args[0]}: {done.stderr}"


@pytest.fixture
async def two_databases(settings: Settings) -> AsyncIterator[tuple[str, str]]:
    if is_sqlite(settings.database_url):
        pytest.skip("pg_dump and pg_restore are PostgreSQL's; the SQLite file is copied as it is")
    suffix = secrets.token_hex(4)
    names = (f"tl_recovery_source_{suffix}", f"tl_recovery_restored_{suffix}")
    yield names
    for name in names:
        await _drop(_database(_server_url(settings), "postgres"), name)


async def _drop(url: str, name: str) -> None:
    """Drops a scratch database once its last connection has gone. Not WITH (FORCE): that must be allowed to
    terminate every backend there, and autovacuum's worker on the freshly restored database (no role of ours)
    refuses it; a plain DROP tells autovacuum to stop, and a closing pool's connection is waited for."""
    for _ in range(20):
        try:
            await _admin(url, f"DROP DATABASE IF EXISTS {name}")
            return
        except asyncpg.exceptions.ObjectInUseError:
            await asyncio.sleep(0.5)
    await _admin(url, f"DROP DATABASE IF EXISTS {name}")


def _settings_for(settings: Settings, name: str, folder: Path) -> Settings:
    url = make_url(settings.database_url).set(database=name).render_as_string(hide_password=False)
    return settings.model_copy(update={"database_url": url, "var_dir": folder, "search_index_path": None,
                                       "search_index_prefix": f"{settings.search_index_prefix}{name}-"})


async def _answers(settings: Settings) -> list[Any]:
    app = create_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as client:
        responses = [await client.get(url) for url in SEARCHES]
    await app.state.engine.dispose()
    assert [response.status_code for response in responses] == [200] * len(SEARCHES)
    return [_found(response.json()) for response in responses]


def _found(page: dict[str, Any]) -> tuple[int, list[int], dict[str, Any]]:
    """What a searcher sees: how many, which ones in which order (the listing, supplier or RFQ of each hit), and
    the facets."""
    ids = [hit[kind]["id"] for hit in page["items"] for kind in ("listing", "supplier", "rfq") if kind in hit]
    return page["total"], ids, page["facets"]


@pytest.mark.postgres_only
async def test_a_restored_dump_reindexed_answers_the_same_searches(settings: Settings, tmp_path: Path,
                                                                  two_databases: tuple[str, str]) -> None:
    source_name, restored_name = two_databases
    server = _server_url(settings)
    source = _settings_for(settings, source_name, tmp_path / "source")
    restored = _settings_for(settings, restored_name, tmp_path / "restored")
    await _admin(_database(server, "postgres"), f"CREATE DATABASE {source_name}")
    for step in (["migrate"], ["seed", "--demo"], ["reindex", "all"]):
        _tradeleads(source, *step)
    before = await _answers(source)

    dump = tmp_path / "tradeleads.dump"
    _libpq("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", _database(server, source_name))
    await _admin(_database(server, "postgres"), f"CREATE DATABASE {restored_name}")
    _libpq("pg_restore", "--no-owner", "--exit-on-error", f"--dbname={_database(server, restored_name)}", str(dump))
    _tradeleads(restored, "migrate")  # at head already: nothing to do, and says so by succeeding
    _tradeleads(restored, "reindex", "all")
    after = await _answers(restored)

    assert sum(len(ids) for _, ids, _ in before) > 20  # the demo catalogue answered, not a row of empty lists
    assert after == before
