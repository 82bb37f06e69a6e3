"""Puts the configured search backend on the app and, on the embedded default, indexes right after each commit
that wrote outbox rows (the outbox row stays the durable marker; this is only the fast path)."""

from typing import Annotated

from fastapi import Depends, FastAPI, Request

from app.core.config import Settings
from app.http.deps import add_after_commit
from search.backend import SearchBackend
from search.factory import create_backend, is_embedded
from search.indexer import drain_all

AFTER_COMMIT_BATCHES = 10


def install_search(app: FastAPI, settings: Settings) -> None:
    backend = create_backend(settings)
    app.state.search = backend
    if not is_embedded(settings):
        return

    async def index_after_commit() -> None:
        await drain_all(app.state.sessionmaker, backend, worker="in-process",
                        max_attempts=settings.outbox_max_attempts, max_batches=AFTER_COMMIT_BATCHES)

    add_after_commit(app, index_after_commit, "indexing after commit failed; the outbox keeps the change")


def get_search(request: Request) -> SearchBackend:
    backend: SearchBackend = request.app.state.search
    return backend


SearchEngine = Annotated[SearchBackend, Depends(get_search)]
