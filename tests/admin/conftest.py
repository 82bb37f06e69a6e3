import pytest
from fastapi import FastAPI

from search.backend import SearchBackend
from tests.browser.conftest import browser, page  # noqa: F401  (Chromium for test_suspend_journey)
from tests.support.actors import cast_fixture

cast = cast_fixture("supplier")


@pytest.fixture
async def engine(app: FastAPI) -> SearchBackend:
    """The configured search engine (embedded, or OpenSearch when TRADELEADS_OPENSEARCH_URL is set), emptied."""
    backend: SearchBackend = app.state.search
    await backend.drop()
    return backend
