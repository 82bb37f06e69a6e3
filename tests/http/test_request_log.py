"""Each request has an id (the caller's X-Request-ID when it is a plain token, else a new one), echoed in the
response and in problem+json, and one JSON access-log line with the route, status, duration and who asked."""

import json
import logging

import httpx
import pytest

from tests.conftest import ActorFactory


def _lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    return [json.loads(record.getMessage()) for record in caplog.records if record.name == "tradeleads.access"]


async def test_a_callers_request_id_is_kept_and_logged_with_who_asked(client: httpx.AsyncClient,
                                                                       make_actor: ActorFactory,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    buyer = await make_actor("buyer")
    caplog.set_level(logging.INFO, logger="tradeleads.access")
    response = await buyer.client.get("/api/v1/rfqs/424242", headers={"X-Request-ID": "lb-7f3a.19"})

    assert response.status_code == 404
    assert response.headers["x-request-id"] == "lb-7f3a.19"
    assert response.json()["request_id"] == "lb-7f3a.19"
    [line] = _lines(caplog)
    assert {key: line[key] for key in ("request_id", "method", "route", "status", "user_id", "organization_id")} == {
        "request_id": "lb-7f3a.19", "method": "GET", "route": "/api/v1/rfqs/{rfq_id}", "status": 404,
        "user_id": buyer.user_id, "organization_id": buyer.organization_id}
    assert isinstance(line["duration_ms"], float)


async def test_a_missing_or_odd_request_id_is_replaced(client: httpx.AsyncClient,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="tradeleads.access")
    plain = await client.get("/healthz")
    odd = await client.get("/healthz", headers={"X-Request-ID": "a b\"<script>"})
    generated = [plain.headers["x-request-id"], odd.headers["x-request-id"]]
    assert all(len(value) == 32 and value.isalnum() for value in generated) and generated[0] != generated[1]
    assert [line["request_id"] for line in _lines(caplog)] == generated
    assert all(line["user_id"] is None for line in _lines(caplog))
