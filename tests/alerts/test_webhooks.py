"""Signed outgoing webhooks: registered through the API, sent by the worker to a real receiver that verifies the
signature, retried with doubling waits, disabled after repeated failure, each attempt in the delivery log."""

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi import FastAPI

from app.alerts.webhook_sender import SendReport, WebhookPolicy, send_due, webhook_client
from app.core.clock import utcnow
from search.backend import SearchBackend
from tests.alerts.conftest import work_off
from tests.alerts.receiver import Receiver, running_receiver
from tests.alerts.test_match_alerts import CAMERA
from tests.conftest import Actor
from tests.search_api.conftest import open_rfq, published_listing
from tests.support.problems import assert_invalid

URL = "/api/v1/webhooks"


@pytest.fixture
async def sender(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with webhook_client(WebhookPolicy.from_settings(app.state.settings)) as client:
        yield client


async def register(actor: Actor, url: str, events: list[str] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"url": url, **({"events": events} if events is not None else {})}
    response = await actor.client.post(URL, json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def rfq_alert_for(app: FastAPI, make_actor: Any, supplier: Actor) -> dict[str, Any]:
    """An RFQ that matches the supplier's listing opens, and the worker works off its alerts."""
    admin = await make_actor("both", admin=True)
    listing = await published_listing(supplier, admin, **CAMERA)
    buyer = await make_actor("buyer", country="DE")
    rfq = await open_rfq(buyer, admin, title="Sony DSC-W120P digital camera", quantity="200", unit="piece",
                         hs_code="852589")
    await work_off(app)
    return {"rfq": rfq, "listing": listing}


async def send(app: FastAPI, client: httpx.AsyncClient, now: datetime) -> SendReport:
    return await send_due(app.state.sessionmaker, client, WebhookPolicy.from_settings(app.state.settings), now=now)


async def deliveries(actor: Actor, endpoint_id: int) -> list[dict[str, Any]]:
    response = await actor.client.get(f"{URL}/{endpoint_id}/deliveries")
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def test_a_receiver_verifies_the_signed_alert(app: FastAPI, engine: SearchBackend, make_actor: Any,
                                                    sender: httpx.AsyncClient) -> None:
    supplier = await make_actor("supplier")
    async with running_receiver() as receiver:
        endpoint = await register(supplier, receiver.url)
        receiver.secret = endpoint["secret"]
        made = await rfq_alert_for(app, make_actor, supplier)

        report = await send(app, sender, utcnow())

    assert report.delivered and not report.failed
    [request] = receiver.received
    assert request.verified
    assert request.headers["X-Tradeleads-Event"] == "rfq_match"
    event = request.event
    assert event["type"] == "rfq_match" and event["id"] == request.headers["X-Tradeleads-Delivery"]
    assert {k: event["data"][k] for k in ("rfq_id", "rfq_title", "listing_id")} == {
        "rfq_id": made["rfq"]["id"], "rfq_title": "Sony DSC-W120P digital camera",
        "listing_id": made["listing"]["id"]}
    assert ("hs", "Same HS code 8525.89") in [(factor["factor"], factor["text"]) for factor in event["data"]["factors"]]
    assert not Receiver(secret="another secret").verify(request.headers["X-Tradeleads-Signature"], request.body)
    [logged] = await deliveries(supplier, endpoint["id"])
    assert (logged["event_id"], logged["attempts"], logged["last_status"], logged["last_error"]) == (
        event["id"], 1, 200, None)
    assert logged["payload"] == request.body.decode() and logged["delivered_at"] is not None


async def test_failures_are_retried_after_doubling_waits_until_delivered(
        app: FastAPI, engine: SearchBackend, make_actor: Any, sender: httpx.AsyncClient) -> None:
    supplier = await make_actor("supplier")
    async with running_receiver(statuses=[500, 503]) as receiver:
        endpoint = await register(supplier, receiver.url)
        receiver.secret = endpoint["secret"]
        await rfq_alert_for(app, make_actor, supplier)
        start = utcnow()

        first = await send(app, sender, start)
        too_early = await send(app, sender, start + timedelta(seconds=59))
        second = await send(app, sender, start + timedelta(seconds=60))
        log_after_two = await deliveries(supplier, endpoint["id"])
        too_early_again = await send(app, sender, start + timedelta(seconds=179))
        third = await send(app, sender, start + timedelta(seconds=180))

    assert [len(r.failed) for r in (first, too_early, second, too_early_again, third)] == [1, 0, 1, 0, 0]
    assert len(third.delivered) == 1
    [after_two] = log_after_two
    assert (after_two["attempts"], after_two["last_status"], after_two["last_error"]) == (2, 503, "HTTP 503")
    assert datetime.fromisoformat(after_two["next_attempt_at"]) == start + timedelta(seconds=60 + 120)
    [done] = await deliveries(supplier, endpoint["id"])
    assert (done["attempts"], done["last_status"], done["last_error"]) == (3, 200, None)
    assert [r.verified for r in receiver.received] == [True, True, True]
    assert len({(r.body, r.headers["X-Tradeleads-Delivery"]) for r in receiver.received}) == 1
    [listed] = (await supplier.client.get(URL)).json()
    assert (listed["active"], listed["consecutive_failures"]) == (True, 0)


async def test_an_endpoint_that_keeps_failing_is_disabled(app: FastAPI, engine: SearchBackend, make_actor: Any,
                                                          sender: httpx.AsyncClient) -> None:
    supplier = await make_actor("supplier")
    async with running_receiver(statuses=[500] * 10) as receiver:
        endpoint = await register(supplier, receiver.url)
        receiver.secret = endpoint["secret"]
        await rfq_alert_for(app, make_actor, supplier)
        start = utcnow()
        reports = [await send(app, sender, start + timedelta(hours=hours)) for hours in range(5)]

    assert [len(r.failed) for r in reports] == [1, 1, 1, 0, 0]
    assert reports[2].disabled_endpoints == [endpoint["id"]]
    assert len(receiver.received) == 3
    [listed] = (await supplier.client.get(URL)).json()
    assert (listed["active"], listed["consecutive_failures"]) == (False, 3)
    assert datetime.fromisoformat(listed["disabled_at"]) == start + timedelta(hours=2)
    [logged] = await deliveries(supplier, endpoint["id"])
    assert (logged["attempts"], logged["last_status"], logged["delivered_at"]) == (3, 500, None)


async def test_an_unreachable_endpoint_logs_the_error(app: FastAPI, engine: SearchBackend, make_actor: Any,
                                                      sender: httpx.AsyncClient) -> None:
    supplier = await make_actor("supplier")
    async with running_receiver() as receiver:
        closed_url = receiver.url
    endpoint = await register(supplier, closed_url)
    await rfq_alert_for(app, make_actor, supplier)

    report = await send(app, sender, utcnow())

    assert len(report.failed) == 1
    [logged] = await deliveries(supplier, endpoint["id"])
    assert (logged["attempts"], logged["last_status"]) == (1, None)
    assert logged["last_error"].startswith("ConnectError")


async def test_only_subscribed_events_are_sent(app: FastAPI, engine: SearchBackend, make_actor: Any) -> None:
    supplier = await make_actor("supplier")
    endpoint = await register(supplier, "https://hooks.example.com/tradeleads", ["saved_search_match"])
    await rfq_alert_for(app, make_actor, supplier)

    assert await deliveries(supplier, endpoint["id"]) == []


async def test_endpoints_are_listed_without_secret_and_deleted(app: FastAPI, make_actor: Any) -> None:
    member = await make_actor("buyer")
    created = await register(member, "https://hooks.example.com/a")

    assert created["secret"].startswith("whsec_") and len(created["secret"]) > 40
    assert created["events"] == ["rfq_match", "listing_match", "saved_search_match"]
    [listed] = (await member.client.get(URL)).json()
    assert "secret" not in listed and listed["url"] == "https://hooks.example.com/a"
    assert (await member.client.delete(f"{URL}/{created['id']}")).status_code == 204
    assert (await member.client.get(URL)).json() == []


async def test_bad_endpoints_are_refused(app: FastAPI, make_actor: Any) -> None:
    member = await make_actor("supplier")
    cases = [
        ({"url": "ftp://hooks.example.com/a"}, {"url": "url_scheme"}),
        ({"url": "not a url"}, {"url": "url_parsing"}),
        ({"url": "https://example.com/" + "a" * 500}, {"url": "value_error"}),
        ({"url": "https://example.com/", "events": []}, {"events": "too_short"}),
        ({"url": "https://example.com/", "events": ["quote_received"]}, {"events": "value_error"}),
        ({"url": "https://example.com/", "events": ["nonsense"]}, {"events.0": "enum"}),
    ]
    for body, codes in cases:
        assert_invalid(await member.client.post(URL, json=body), **codes)
    assert (await member.client.get(URL)).json() == []


def public_only(app: FastAPI) -> WebhookPolicy:
    """What production runs with: webhooks to public addresses only."""
    app.state.settings = app.state.settings.model_copy(update={"webhook_private_destinations": False})
    return WebhookPolicy.from_settings(app.state.settings)


@pytest.mark.parametrize("url", ["http://localhost:9200/", "http://search.internal/x", "https://127.0.0.1/hook",
                                 "http://10.1.2.3/hook", "http://192.168.0.10/", "http://169.254.169.254/latest",
                                 "http://[::1]:8000/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/"])
async def test_a_url_on_a_private_network_is_refused_when_registered(app: FastAPI, make_actor: Any,
                                                                      url: str) -> None:
    supplier = await make_actor("supplier")
    public_only(app)
    assert_invalid(await supplier.client.post(URL, json={"url": url}), url="private_address")
    assert (await supplier.client.get(URL)).json() == []


async def test_a_delivery_to_a_private_address_is_not_sent(app: FastAPI, engine: SearchBackend, make_actor: Any,
                                                           sender: httpx.AsyncClient) -> None:
    supplier = await make_actor("supplier")
    async with running_receiver() as receiver:
        endpoint = await register(supplier, receiver.url)  # registered while private destinations were allowed
        await rfq_alert_for(app, make_actor, supplier)
        report = await send_due(app.state.sessionmaker, sender, public_only(app), now=utcnow())

    assert (len(report.delivered), len(report.failed), receiver.received) == (0, 1, [])
    [logged] = await deliveries(supplier, endpoint["id"])
    assert (logged["attempts"], logged["last_status"], logged["delivered_at"]) == (1, None, None)
    assert "127.0.0.1, a private address" in logged["last_error"]


async def test_a_delivery_connects_to_the_address_checked_and_names_the_host(
        app: FastAPI, engine: SearchBackend, make_actor: Any, sender: httpx.AsyncClient) -> None:
    """DNS rebinding: the name is resolved once, for the check; the request goes to that address (a rebinding
    server's next answer is never asked for) and still says which host it is for."""
    supplier = await make_actor("supplier")
    answers = iter([["127.0.0.1"], ["10.9.9.9"]])  # what the check saw, then what a rebinding DNS would say

    async def rebinding_dns(host: str, port: int) -> list[str]:
        assert host == "hooks.partner.test"
        return next(answers)

    async with running_receiver() as receiver:
        port = urlsplit(receiver.url).port
        endpoint = await register(supplier, f"http://hooks.partner.test:{port}/hooks/tradeleads")
        receiver.secret = endpoint["secret"]
        await rfq_alert_for(app, make_actor, supplier)
        policy = replace(WebhookPolicy.from_settings(app.state.settings), resolve=rebinding_dns)
        report = await send_due(app.state.sessionmaker, sender, policy, now=utcnow())

    assert (len(report.delivered), report.failed) == (1, [])
    [request] = receiver.received
    assert request.verified and request.headers["Host"] == f"hooks.partner.test:{port}"
    assert next(answers) == ["10.9.9.9"]  # asked once



def _resolving(app: FastAPI, dns: dict[str, list[str]]) -> WebhookPolicy:
    """The settings' policy with DNS (the edge these tests cannot reach) answering from `dns`."""
    async def resolve(host: str, port: int) -> list[str]:
        return dns[host]

    return replace(WebhookPolicy.from_settings(app.state.settings), resolve=resolve)


async def test_two_names_at_one_address_never_share_a_connection(
        app: FastAPI, engine: SearchBackend, make_actor: Any, sender: httpx.AsyncClient) -> None:
    """A pinned connection is addressed by its IP: reused, the second name's request would travel on the first
    name's connection (over TLS, under the first name's certificate)."""
    supplier = await make_actor("supplier")
    policy = _resolving(app, {"a.partner.test": ["127.0.0.1"], "b.partner.test": ["127.0.0.1"]})
    async with running_receiver() as receiver:
        port = urlsplit(receiver.url).port
        for name in ("a", "b"):
            await register(supplier, f"http://{name}.partner.test:{port}/hooks/tradeleads")
        await rfq_alert_for(app, make_actor, supplier)
        for _ in range(2):  # one after the other, on the same client: a kept-alive connection would be reused
            await send_due(app.state.sessionmaker, sender, policy, now=utcnow(), batch_size=1)

    assert sorted(request.headers["Host"] for request in receiver.received) == [
        f"a.partner.test:{port}", f"b.partner.test:{port}"]
    first, second = (request.peer for request in receiver.received)
    assert first is not None and second is not None and first != second


async def test_an_address_that_does_not_connect_falls_back_to_the_next_one_checked(
        app: FastAPI, engine: SearchBackend, make_actor: Any, sender: httpx.AsyncClient) -> None:
    supplier = await make_actor("supplier")
    policy = _resolving(app, {"hooks.partner.test": ["127.0.0.2", "127.0.0.1"]})  # nothing listens on the first
    async with running_receiver() as receiver:
        port = urlsplit(receiver.url).port
        endpoint = await register(supplier, f"http://hooks.partner.test:{port}/hooks/tradeleads")
        receiver.secret = endpoint["secret"]
        await rfq_alert_for(app, make_actor, supplier)
        report = await send_due(app.state.sessionmaker, sender, policy, now=utcnow())

    assert (len(report.delivered), report.failed) == (1, [])
    [request] = receiver.received
    assert request.verified and request.headers["Host"] == f"hooks.partner.test:{port}"
