import pytest
from fastapi import FastAPI

from app.main import after_commit_chain
from search.backend import SearchBackend
from tests.billing.conftest import gateway_settings
from tests.cli.conftest import run_cli
from tests.search_api.conftest import engine
from tests.support.actors import cast_fixture

cast = cast_fixture("supplier")


@pytest.fixture(autouse=True)
def indexed_after_each_commit(app: FastAPI, engine: SearchBackend) -> None:
    """Sponsored results read the index (each ad's relevance): every test starts with an empty one, and a commit's
    changes are indexed right after it, as the web process does when it runs the background work itself (the
    default on the embedded engine, `TRADELEADS_BACKGROUND_IN_PROCESS=true` with OpenSearch)."""
    if app.state.after_commit is None:
        app.state.after_commit = after_commit_chain(app, app.state.settings)


__all__ = ["cast", "engine", "gateway_settings", "run_cli"]
