"""The engines under test: always the embedded one; OpenSearch too when TRADELEADS_OPENSEARCH_URL is set, and
then an unreachable server fails the tests (never skips them)."""

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.core.config import Settings
from search.backend import SearchBackend
from search.embedded import EmbeddedBackend
from search.factory import opensearch_client
from search.opensearch import OpenSearchBackend

OPENSEARCH_URL = os.environ.get("TRADELEADS_OPENSEARCH_URL")
ENGINES = ["embedded", "opensearch"] if OPENSEARCH_URL else ["embedded"]


def pytest_report_header() -> str:
    if OPENSEARCH_URL:
        return f"search engines: embedded, opensearch at {OPENSEARCH_URL}"
    return "search engines: embedded only (set TRADELEADS_OPENSEARCH_URL to run the OpenSearch cases too)"


@pytest.fixture(params=ENGINES)
async def backend(request: pytest.FixtureRequest, tmp_path: Path, settings: Settings) -> AsyncIterator[SearchBackend]:
    engine: SearchBackend
    if request.param == "opensearch":
        prefix = f"{settings.search_index_prefix}c{uuid.uuid4().hex[:8]}-"
        engine = OpenSearchBackend(opensearch_client(settings), prefix)
    else:
        engine = EmbeddedBackend(tmp_path / "search.sqlite3")
    await engine.ensure_ready()
    yield engine
    await engine.drop()
    await engine.close()
