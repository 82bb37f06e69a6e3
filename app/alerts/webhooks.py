"""Webhook endpoints an organisation registers, and the queueing of signed events for them. Sending is the
worker's job (app.alerts.webhook_sender), never a request's."""

import json
import secrets
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.alerts import repository
from app.alerts.destinations import plainly_private
from app.alerts.schemas import WebhookCreate
from app.auth.viewer import Viewer, require_viewer
from app.core.clock import utcnow
from app.core.errors import FieldError, conflict, not_found, validation_failed
from app.core.repository import Page, paginate
from app.models import WebhookDelivery, WebhookEndpoint
from app.models.enums import NotificationKind

MAX_PER_ORGANIZATION = 10
SECRET_PREFIX = "whsec_"


async def create_endpoint(session: AsyncSession, viewer: Viewer | None, data: WebhookCreate, *,
                          private_destinations: bool = False) -> WebhookEndpoint:
    viewer = require_viewer(viewer)
    if not private_destinations and plainly_private(str(data.url)):
        raise validation_failed([FieldError("url", "Webhooks go to public addresses only, not to localhost or a "
                                            "private network", "private_address")])
    if len(await repository.endpoints_of(session, viewer.organization_id)) >= MAX_PER_ORGANIZATION:
        raise conflict(f"An organisation registers at most {MAX_PER_ORGANIZATION} webhooks; delete one first",
                       code="too_many_webhooks")
    endpoint = WebhookEndpoint(organization_id=viewer.organization_id, url=str(data.url),
                               secret=SECRET_PREFIX + secrets.token_urlsafe(32),
                               events=[event.value for event in data.events])
    session.add(endpoint)
    await session.flush()
    return endpoint


async def list_endpoints(session: AsyncSession, viewer: Viewer | None) -> list[WebhookEndpoint]:
    viewer = require_viewer(viewer)
    return await repository.endpoints_of(session, viewer.organization_id)


async def own_endpoint(session: AsyncSession, viewer: Viewer | None, endpoint_id: int) -> WebhookEndpoint:
    """Another organisation's endpoint does not exist for this viewer."""
    viewer = require_viewer(viewer)
    endpoint = await repository.organization_endpoint(session, viewer.organization_id, endpoint_id)
    if endpoint is None:
        raise not_found("Webhook")
    return endpoint


async def delete_endpoint(session: AsyncSession, viewer: Viewer | None, endpoint_id: int) -> None:
    await session.delete(await own_endpoint(session, viewer, endpoint_id))
    await session.flush()


async def list_deliveries(session: AsyncSession, viewer: Viewer | None, endpoint_id: int, page: int,
                          per_page: int) -> Page[WebhookDelivery]:
    endpoint = await own_endpoint(session, viewer, endpoint_id)
    return await paginate(session, repository.deliveries_of(endpoint.id), page, per_page)


def event_body(event_id: str, kind: NotificationKind, data: dict[str, Any]) -> str:
    """The exact bytes that are signed and sent, fixed when the event is queued so every retry sends the same."""
    body = {"id": event_id, "type": kind.value, "created": int(utcnow().timestamp()), "data": data}
    return json.dumps(body, separators=(",", ":"), sort_keys=True)


async def queue_event(session: AsyncSession, organization_id: int, event_id: str, kind: NotificationKind,
                      data: dict[str, Any]) -> int:
    """A delivery for each active endpoint of the organisation subscribed to `kind`; returns how many."""
    endpoints = await repository.active_endpoints(session, organization_id)
    body = event_body(event_id, kind, data)
    queued = 0
    for endpoint in endpoints:
        if kind.value in endpoint.events:
            await repository.insert_delivery(session, endpoint.id, event_id, kind.value, body, utcnow())
            queued += 1
    return queued
