"""The in-process background work (no `tradeleads worker`, no `mail send`): an action in the app reaches a real
webhook receiver, which verifies the signature, and the mailbox; what failed is retried by the timer the app
starts in its lifespan and stops on shutdown; a worker running beside it never makes anything go out twice."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi import FastAPI
from sqlalchemy import select

from app.alerts import repository as alerts_repository
from app.alerts.webhook_sender import WebhookPolicy, webhook_client
from app.alerts.webhooks import queue_event
from app.alerts.worker import send_webhooks
from app.background.after_commit import AfterCommitChain
from app.core.clock import utcnow
from app.core.config import Settings
from app.main import create_app, in_process_background
from app.models import OutgoingEmail, WebhookDelivery
from app.models.enums import NotificationKind
from app.notifications import repository as notifications_repository
from app.notifications.mailer import drain_outgoing_emails
from app.notifications.service import Message, notify_organization
from search.backend import SearchBackend
from tests.alerts.receiver import running_receiver
from tests.alerts.test_match_alerts import CAMERA
from tests.conftest import Actor, ActorFactory
from tests.notifications.conftest import SmtpSink, free_port
from tests.search_api.conftest import open_rfq, published_listing


@pytest.fixture
async def running(app: FastAPI) -> AsyncIterator[FastAPI]:
    """The app between its startup and its shutdown, as uvicorn runs it."""
    async with app.router.lifespan_context(app):
        yield app


async def eventually(check: Callable[[], Awaitable[bool]], seconds: float = 10.0) -> bool:
    """Whether `check` holds within `seconds` (the background work runs on its own)."""
    for _ in range(int(seconds / 0.05)):
        if await check():
            return True
        await asyncio.sleep(0.05)
    return await check()


async def register_webhook(supplier: Actor, url: str) -> dict[str, Any]:
    response = await supplier.client.post("/api/v1/webhooks", json={"url": url})
    assert response.status_code == 201, response.text
    return dict(response.json())


async def camera_rfq_opens(make_actor: ActorFactory, supplier: Actor) -> dict[str, Any]:
    """The supplier sells a camera; a buyer's camera RFQ is approved and opens (the supplier's match alert)."""
    admin = await make_actor("both", admin=True)
    await published_listing(supplier, admin, **CAMERA)
    buyer = await make_actor("buyer", country="DE")
    return await open_rfq(buyer, admin, title="Sony DSC-W120P digital camera", quantity="200", unit="piece",
                          hs_code="852589")


async def deliveries(app: FastAPI) -> list[WebhookDelivery]:
    async with app.state.sessionmaker() as session:
        return list(await session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)))


async def test_an_action_reaches_the_webhook_receiver_without_a_worker(
        running: FastAPI, engine: SearchBackend, make_actor: ActorFactory) -> None:
    supplier = await make_actor("supplier")
    async with running_receiver() as receiver:
        receiver.secret = (await register_webhook(supplier, receiver.url))["secret"]
        rfq = await camera_rfq_opens(make_actor, supplier)

        async def delivered() -> bool:
            return any(d.delivered_at for d in await deliveries(running))

        assert await eventually(delivered)

    [request] = receiver.received
    assert request.verified
    assert (request.event["type"], request.event["data"]["rfq_id"]) == ("rfq_match", rfq["id"])
    [delivery] = await deliveries(running)
    assert (delivery.attempts, delivery.last_status, delivery.delivered_at is not None) == (1, 200, True)


async def test_a_failing_endpoint_is_retried_by_the_timer(
        running: FastAPI, engine: SearchBackend, make_actor: ActorFactory) -> None:
    supplier = await make_actor("supplier")
    async with running_receiver(statuses=[503]) as receiver:
        receiver.secret = (await register_webhook(supplier, receiver.url))["secret"]
        await camera_rfq_opens(make_actor, supplier)

        async def delivered() -> bool:
            return any(d.delivered_at for d in await deliveries(running))

        assert await eventually(delivered)

    assert [r.verified for r in receiver.received] == [True, True]
    assert len({r.headers["X-Tradeleads-Delivery"] for r in receiver.received}) == 1
    [delivery] = await deliveries(running)
    assert (delivery.attempts, delivery.last_status, delivery.last_error) == (2, 200, None)


def smtp_to(settings: Settings, port: int) -> Settings:
    return settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_starttls": False,
                                       "smtp_timeout_seconds": 2, "mail_max_attempts": 1000})


async def test_an_email_the_server_refused_goes_out_on_the_timer(
        app: FastAPI, settings: Settings, engine: SearchBackend, make_actor: ActorFactory) -> None:
    sink = SmtpSink(free_port())  # nothing listens there yet: the first attempt, after the commit, fails
    mailing = create_app(smtp_to(settings, sink.port))
    app.state.after_commit = mailing.state.after_commit  # the test's app sends through the closed port
    supplier = await make_actor("supplier")
    async with app.router.lifespan_context(app):
        await camera_rfq_opens(make_actor, supplier)
        emails = await queued_emails(app)
        assert emails and all(e.sent_at is None and e.attempts >= 1 for e in emails)

        controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
        controller.start()
        try:
            async def landed() -> bool:
                return all(e.sent_at for e in await queued_emails(app))

            assert await eventually(landed)
        finally:
            controller.stop()
    await mailing.state.engine.dispose()
    await mailing.state.search.close()

    assert sorted(r for mail in sink.received for r in mail.recipients) == sorted(e.to_address for e in emails)
    assert supplier.email in [e.to_address for e in emails]


async def queued_emails(app: FastAPI) -> list[OutgoingEmail]:
    async with app.state.sessionmaker() as session:
        return list(await session.scalars(select(OutgoingEmail).order_by(OutgoingEmail.id)))


async def test_the_timer_runs_from_startup_to_shutdown(app: FastAPI) -> None:
    chain: AfterCommitChain = app.state.after_commit
    async with app.router.lifespan_context(app):
        task = chain._task
        assert task is not None and not task.done()
    assert chain._task is None and task.done()


def test_a_setting_leaves_the_work_to_the_worker(settings: Settings) -> None:
    def in_process(setting: bool | None, opensearch_url: str | None) -> bool:
        return in_process_background(settings.model_copy(update={"background_in_process": setting,
                                                                  "opensearch_url": opensearch_url}))

    assert [in_process(None, None), in_process(None, "http://search:9200")] == [True, False]
    assert [in_process(False, None), in_process(True, "http://search:9200")] == [False, True]
    assert create_app(settings.model_copy(update={"background_in_process": False})).state.after_commit is None


async def worker_rounds(worker: FastAPI, until: Callable[[], Awaitable[bool]]) -> None:
    """What `tradeleads worker` and `tradeleads mail send` do, from another engine (another process), until done."""
    settings: Settings = worker.state.settings
    policy = WebhookPolicy.from_settings(settings)
    async with webhook_client(policy) as client:
        while not await until():
            await send_webhooks(worker.state.sessionmaker, client, policy)
            await drain_outgoing_emails(worker.state.sessionmaker, worker.state.mail_sender, batch=5)
            await asyncio.sleep(0.01)


async def queue_work(app: FastAPI, organization_id: int, count: int) -> None:
    async with app.state.sessionmaker() as session:
        for number in range(count):
            await queue_event(session, organization_id, f"evt_test_{number}", NotificationKind.RFQ_MATCH,
                              {"number": number})
            await notify_organization(session, organization_id, Message(NotificationKind.INQUIRY_REPLY,
                                                                        f"Reply {number}", "Hi"))
        await session.commit()


async def test_with_a_worker_beside_nothing_goes_out_twice(app: FastAPI, settings: Settings,
                                                            make_actor: ActorFactory) -> None:
    sink = SmtpSink(free_port())
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    web = create_app(smtp_to(settings, sink.port))
    worker = create_app(smtp_to(settings, sink.port).model_copy(update={"background_in_process": False}))
    supplier = await make_actor("supplier")
    sent_before = sum(1 for email in await queued_emails(app) if email.sent_at)  # the sign-up's address check
    try:
        async with running_receiver() as receiver:
            receiver.secret = (await register_webhook(supplier, receiver.url))["secret"]

            async def all_out() -> bool:
                emails = await queued_emails(app)
                return all(d.delivered_at for d in await deliveries(app)) and all(e.sent_at for e in emails)

            async with web.router.lifespan_context(web):
                await queue_work(app, supplier.organization_id, 30)
                await asyncio.wait_for(worker_rounds(worker, all_out), 30)
                await eventually(all_out)
        events = [r.headers["X-Tradeleads-Delivery"] for r in receiver.received]
    finally:
        controller.stop()
        for other in (worker, web):
            await other.state.engine.dispose()
            await other.state.search.close()

    assert sorted(events) == sorted(f"evt_test_{number}" for number in range(30))
    subjects = [mail.message["Message-ID"] for mail in sink.received]
    assert len(subjects) == len(set(subjects)) == len(await queued_emails(app)) - sent_before


async def test_two_senders_that_read_the_same_due_rows_lease_each_once(app: FastAPI,
                                                                       make_actor: ActorFactory) -> None:
    """The interleaving the worker test above may or may not hit, made certain: both read, then both lease (SQLite
    has no row locks, so both read the same rows; on PostgreSQL the second skips the first one's locked rows)."""
    supplier = await make_actor("supplier")
    await register_webhook(supplier, "http://127.0.0.1:9/hooks")
    await queue_work(app, supplier.organization_id, 3)
    now = utcnow()
    until = now + timedelta(minutes=5)
    async with app.state.sessionmaker() as first, app.state.sessionmaker() as second:
        seen = [await alerts_repository.lock_due_deliveries(session, now, 10) for session in (first, second)]
        emails = [await notifications_repository.lock_due_emails(session, 0, now, 10) for session in (first, second)]
        leased = [await alerts_repository.lease_deliveries(first, [d.id for d, _ in seen[0]], now, until)]
        mailed = [await notifications_repository.lease_emails(first, [e.id for e in emails[0]], now, until)]
        await first.commit()
        leased.append(await alerts_repository.lease_deliveries(second, [d.id for d, _ in seen[1]], now, until))
        mailed.append(await notifications_repository.lease_emails(second, [e.id for e in emails[1]], now, until))
        await second.commit()

    assert [len(ids) for ids in leased] == [3, 0] and [len(ids) for ids in mailed] == [3, 0]
