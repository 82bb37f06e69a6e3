"""A version filled in bulk goes live refreshing like any index: later writes show up without being waited for."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.core.config import Settings
from search.backend import SearchBackend
from search.embedded import EmbeddedBackend
from search.factory import opensearch_client
from search.opensearch import OpenSearchBackend
from search.types import DocType, SearchQuery
from tests.search.conftest import ENGINES
from tests.search.docs import listing

L = DocType.LISTINGS


@pytest.fixture(params=ENGINES)
async def unwaited(request: pytest.FixtureRequest, tmp_path: Path, settings: Settings) -> AsyncIterator[SearchBackend]:
    """An engine whose writes do not wait for a refresh, as the worker's bulk writes of a busy site would not."""
    engine: SearchBackend
    if request.param == "opensearch":
        prefix = f"{settings.search_index_prefix}v{uuid.uuid4().hex[:8]}-"
        engine = OpenSearchBackend(opensearch_client(settings), prefix, refresh=False)
    else:
        engine = EmbeddedBackend(tmp_path / "search.sqlite3")
    yield engine
    await engine.drop()
    await engine.close()


async def found(backend: SearchBackend, text: str) -> list[int]:
    return [hit.id for hit in (await backend.search(SearchQuery(L, text))).hits]


async def test_writes_after_a_swap_become_searchable_on_their_own(unwaited: SearchBackend) -> None:
    version = await unwaited.create_version(L)
    await unwaited.bulk_index(L, [listing(1, "Bamboo cutting board")], version)
    await unwaited.swap_alias(L, version)
    assert await found(unwaited, "bamboo") == [1]

    await unwaited.bulk_index(L, [listing(2, "Bamboo steamer basket")])
    for _ in range(300):  # OpenSearch refreshes every second once the version is live (a replica on a busy
        # three-node cluster can take several seconds more: bounded at 30 s)
        if await found(unwaited, "steamer") == [2]:
            break
        await asyncio.sleep(0.1)
    assert await found(unwaited, "steamer") == [2]
