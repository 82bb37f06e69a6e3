"""Sends queued webhook deliveries (the job of `tradeleads worker` or of the web process's background task, never
a request's).

Each request is POSTed with the event's JSON body and the header
    X-Tradeleads-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint secret>
(the scheme of the card gateway's webhooks). Receivers recompute the HMAC over the raw body, compare in constant
time and refuse timestamps far from their clock. A 2xx answer delivers; anything else (another status, a timeout,
a refused connection, a redirect) is a failure retried after a wait that doubles each time, and an endpoint that
fails `max_failures` times in a row is disabled.

Due deliveries are leased in a short transaction (their next attempt moved past the request timeout), sent with
no transaction open, and their outcome recorded in another: a slow receiver never holds a database lock."""

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.alerts import repository
from app.alerts.destinations import Resolver, system_resolver, target
from app.core import clock
from app.core.clock import utcnow
from app.core.config import Settings
from app.core.security import timestamped_signature_header
from app.models import WebhookDelivery, WebhookEndpoint

SIGNATURE_HEADER = "X-Tradeleads-Signature"
EVENT_HEADER = "X-Tradeleads-Event"
DELIVERY_HEADER = "X-Tradeleads-Delivery"
USER_AGENT = "tradeleads-webhooks/1"
MAX_ERROR_LENGTH = 500
Sessions = async_sessionmaker[AsyncSession]


@dataclass(frozen=True)
class WebhookPolicy:
    timeout_seconds: float = 10.0
    retry_seconds: int = 30
    retry_max_seconds: int = 6 * 3600
    max_failures: int = 8
    private_destinations: bool = False
    resolve: Resolver = system_resolver  # DNS, the edge a test replaces

    @classmethod
    def from_settings(cls, settings: Settings) -> "WebhookPolicy":
        return cls(settings.webhook_timeout_seconds, settings.webhook_retry_seconds,
                   settings.webhook_retry_max_seconds, settings.webhook_max_failures,
                   settings.webhook_private_destinations)

    def retry_at(self, attempts: int, now: datetime) -> datetime:
        """After the n-th failed attempt: retry_seconds x 2^(n-1), at most retry_max_seconds."""
        return now + timedelta(seconds=min(self.retry_max_seconds, self.retry_seconds * 2 ** (attempts - 1)))

    @property
    def lease(self) -> timedelta:
        return timedelta(seconds=self.timeout_seconds * 2 + 30)


@dataclass(frozen=True)
class Leased:
    delivery_id: int
    url: str
    secret: str
    event_id: str
    event_type: str
    payload: str


@dataclass(frozen=True)
class Outcome:
    delivery_id: int
    status: int | None
    error: str | None

    @property
    def delivered(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


@dataclass
class SendReport:
    delivered: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    disabled_endpoints: list[int] = field(default_factory=list)


def webhook_client(policy: WebhookPolicy) -> httpx.AsyncClient:
    """Redirects are not followed (a moved endpoint must be registered again); no proxy from the environment."""
    return httpx.AsyncClient(timeout=policy.timeout_seconds, follow_redirects=False, trust_env=False)


async def _lease(sessions: Sessions, policy: WebhookPolicy, now: datetime, batch_size: int) -> list[Leased]:
    async with sessions() as session, session.begin():
        rows = await repository.lock_due_deliveries(session, now, batch_size)
        leased = await repository.lease_deliveries(session, [d.id for d, _ in rows], now, now + policy.lease)
        return [Leased(d.id, e.url, e.secret, d.event_id, d.event_type, d.payload) for d, e in rows if d.id in leased]


async def _post(client: httpx.AsyncClient, item: Leased, policy: WebhookPolicy) -> Outcome:
    """Connects to the address checked for this delivery (app.alerts.destinations.target), never re-resolving."""
    where = await target(item.url, allow_private=policy.private_destinations, resolve=policy.resolve)
    if where.unresolved:
        return Outcome(item.delivery_id, None, "not sent: the host name did not resolve")
    if where.refused is not None:
        return Outcome(item.delivery_id, None, f"not sent: the host is at {where.refused}, a private address; "
                                               "webhooks go to public addresses only")
    body = item.payload.encode()
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT, EVENT_HEADER: item.event_type,
               DELIVERY_HEADER: item.event_id,
               SIGNATURE_HEADER: timestamped_signature_header(item.secret, int(clock.unix_time()), body),
               **where.headers}
    try:
        response = await _first_connecting(client, (where.url, *where.alternatives), body, headers, where.extensions)
    except httpx.HTTPError as exc:
        return Outcome(item.delivery_id, None, f"{type(exc).__name__}: {exc}"[:MAX_ERROR_LENGTH])
    error = None if 200 <= response.status_code < 300 else f"HTTP {response.status_code}"
    return Outcome(item.delivery_id, response.status_code, error)


async def _first_connecting(client: httpx.AsyncClient, urls: tuple[str, ...], body: bytes, headers: dict[str, str],
                            extensions: dict[str, Any]) -> httpx.Response:
    """POSTs to the first of the URLs (one name's checked addresses) that accepts a connection; an answer of any
    status ends the search, and when none connects the last connection error is raised."""
    for url in urls[:-1]:
        try:
            return await client.post(url, content=body, headers=headers, extensions=extensions)
        except (httpx.ConnectError, httpx.ConnectTimeout):
            continue
    return await client.post(urls[-1], content=body, headers=headers, extensions=extensions)


def _apply(delivery: WebhookDelivery, endpoint: WebhookEndpoint, outcome: Outcome, policy: WebhookPolicy,
           now: datetime, report: SendReport) -> None:
    delivery.attempts += 1
    delivery.last_status, delivery.last_error = outcome.status, outcome.error
    if outcome.delivered:
        delivery.delivered_at = now
        endpoint.consecutive_failures = 0
        report.delivered.append(delivery.id)
        return
    delivery.next_attempt_at = policy.retry_at(delivery.attempts, now)
    endpoint.consecutive_failures += 1
    report.failed.append(delivery.id)
    if endpoint.active and endpoint.consecutive_failures >= policy.max_failures:
        endpoint.active, endpoint.disabled_at = False, now
        report.disabled_endpoints.append(endpoint.id)


async def _record(sessions: Sessions, outcomes: list[Outcome], policy: WebhookPolicy, now: datetime) -> SendReport:
    report = SendReport()
    async with sessions() as session, session.begin():
        for outcome in outcomes:
            row = await repository.lock_delivery(session, outcome.delivery_id)
            if row is not None:  # the endpoint may have been deleted meanwhile
                _apply(row[0], row[1], outcome, policy, now, report)
    return report


async def send_due(sessions: Sessions, client: httpx.AsyncClient, policy: WebhookPolicy, *,
                   now: datetime | None = None, batch_size: int = 50) -> SendReport:
    """One batch of the deliveries due at `now` (default: the current time), sent concurrently."""
    moment = now or utcnow()
    leased = await _lease(sessions, policy, moment, batch_size)
    if not leased:
        return SendReport()
    outcomes = await asyncio.gather(*(_post(client, item, policy) for item in leased))
    return await _record(sessions, list(outcomes), policy, moment)
