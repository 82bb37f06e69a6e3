"""Telling one organisation of one event, at most once: the (event, organisation) pair is inserted with ON
CONFLICT DO NOTHING, and only the transaction that inserted it notifies and queues the webhooks."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.alerts.types import Alert
from app.alerts.webhooks import queue_event
from app.core.repository import upsert_insert
from app.models import AlertDelivery
from app.notifications.service import notify_organization


async def _claim_pair(session: AsyncSession, alert: Alert) -> int | None:
    """The new delivery's id, or None when this organisation was already told of this event."""
    statement = (upsert_insert(session, AlertDelivery)
                 .values(event_key=alert.event_key, organization_id=alert.organization_id, kind=alert.kind)
                 .on_conflict_do_nothing(index_elements=["event_key", "organization_id"])
                 .returning(AlertDelivery.id))
    return await session.scalar(statement)


async def deliver(session: AsyncSession, alert: Alert) -> bool:
    """True when the organisation was told now, False when it had been told before."""
    delivery_id = await _claim_pair(session, alert)
    if delivery_id is None:
        return False
    await notify_organization(session, alert.organization_id, alert.message)
    await queue_event(session, alert.organization_id, f"evt_{delivery_id}", alert.kind, alert.data)
    return True
