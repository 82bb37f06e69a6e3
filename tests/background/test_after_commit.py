"""The after-commit chain: the work a request queued runs after its commit, step by step in order; a step that
fails is logged and neither stops the next steps nor fails the request (its durable rows wait for the worker)."""

import logging

import pytest
from fastapi import FastAPI

from app.background.after_commit import AfterCommitChain
from tests.conftest import ActorFactory

LISTING = {"title": "Bamboo cutting boards", "moq": "200", "moq_unit": "piece"}


def recording_chain(app: FastAPI, ran: list[str], failing: str | None = None) -> None:
    chain = AfterCommitChain()
    for name in ("index", "alerts", "mail"):
        async def step(name: str = name) -> None:
            ran.append(name)
            if name == failing:
                raise RuntimeError(f"{name} is down")

        chain.add(step, f"{name} after commit failed")
    app.state.after_commit = chain


async def test_a_write_runs_every_step_in_order_after_its_commit(app: FastAPI, make_actor: ActorFactory) -> None:
    supplier = await make_actor("supplier")
    ran: list[str] = []
    recording_chain(app, ran)

    created = await supplier.client.post("/api/v1/listings", json=LISTING)

    assert created.status_code == 201, created.text
    assert ran == ["index", "alerts", "mail"]


async def test_a_request_that_queued_nothing_runs_nothing(app: FastAPI, make_actor: ActorFactory) -> None:
    supplier = await make_actor("supplier")
    ran: list[str] = []
    recording_chain(app, ran)

    assert (await supplier.client.get("/api/v1/me")).status_code == 200
    assert ran == []


async def test_a_failing_step_is_logged_and_the_request_still_succeeds(
    app: FastAPI, make_actor: ActorFactory, caplog: pytest.LogCaptureFixture,
) -> None:
    supplier = await make_actor("supplier")
    ran: list[str] = []
    recording_chain(app, ran, failing="alerts")

    with caplog.at_level(logging.ERROR, logger="app.background.after_commit"):
        created = await supplier.client.post("/api/v1/listings", json=LISTING)

    assert created.status_code == 201, created.text
    assert ran == ["index", "alerts", "mail"]
    assert [record.getMessage() for record in caplog.records] == ["alerts after commit failed"]
    stored = await supplier.client.get(f"/api/v1/listings/{created.json()['id']}")
    assert stored.status_code == 200
