"""The in-process background work (on whichever search engine the run uses) with a short timer and short retry
waits, and webhooks allowed to the local test receiver."""

from collections.abc import Iterator

import pytest
from fastapi import FastAPI

from app.core.config import Settings, get_settings
from search.backend import SearchBackend

TIMER_SECONDS = 0.2


@pytest.fixture(scope="session")
def settings() -> Iterator[Settings]:
    yield get_settings().model_copy(update={
        "background_in_process": True, "background_interval_seconds": TIMER_SECONDS, "webhook_retry_seconds": 1,
        "mail_retry_seconds": 0, "webhook_timeout_seconds": 5.0,
        "webhook_private_destinations": True})  # the receiver is on 127.0.0.1


@pytest.fixture
async def engine(app: FastAPI) -> SearchBackend:
    backend: SearchBackend = app.state.search
    await backend.drop()
    return backend
