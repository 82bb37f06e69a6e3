"""Telling one organisation of one event, at most once: the (event, organisation) pair is inserted with ON
CONFLICT DO NOTHING, and only the transaction that inserted it notifies and queues the webhooks."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.alerts import repository
from app.alerts.types import Alert
from app.alerts.webhooks import queue_event
from app.notifications.service import notify_organization


async def deliver(session: AsyncSession, alert: Alert) -> bool:
    """True when the organisation was told now, False when it had been told before."""
    delivery_id = await repository.insert_delivery_pair(session, alert.event_key, alert.organization_id, alert.kind)
    if delivery_id is None:
        return False
    await notify_organization(session, alert.organization_id, alert.message)
    await queue_event(session, alert.organization_id, f"evt_{delivery_id}", alert.kind, alert.data)
    return True
