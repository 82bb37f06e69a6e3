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

    assert not (await unwaited.bulk_index(L, [listing(2, "Bamboo steamer basket")])).failed
    # On a cluster each copy of the index (primary, replica) refreshes on its own clock and searches alternate
    # between them: the write has shown when ten searches in a row find it. Bounded at 30 s.
    in_a_row = 0
    for _ in range(300):
        in_a_row = in_a_row + 1 if await found(unwaited, "steamer") == [2] else 0
        if in_a_row == 10:
            break
        await asyncio.sleep(0.1)
    assert in_a_row == 10
