"""What the readiness check and the metrics read of the database."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, false, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import utcnow
from app.models import AlertJob, OutboxEvent, OutgoingEmail, PaymentEvent, WebhookDelivery


async def schema_revision(session: AsyncSession) -> str | None:
    """The migration the database is at (Alembic's version table), None before the first migration."""
    value = await session.scalar(text("SELECT version_num FROM alembic_version"))
    return str(value) if value is not None else None


@dataclass(frozen=True)
class QueueState:
    queue: str
    waiting: int
    failing: int
    parked: int
    oldest_seconds: float


def _queues() -> dict[str, tuple[Any, Any]]:
    """Queue name -> (model, the condition of a row still to be worked off)."""
    return {
        "outbox": (OutboxEvent, OutboxEvent.processed_at.is_(None)),
        "alerts": (AlertJob, AlertJob.processed_at.is_(None)),
        "webhooks": (WebhookDelivery, WebhookDelivery.delivered_at.is_(None)),
        "emails": (OutgoingEmail, OutgoingEmail.sent_at.is_(None)),
    }


async def queue_states(session: AsyncSession) -> list[QueueState]:
    now = utcnow()
    states = []
    for name, (model, open_row) in _queues().items():
        parked = model.parked_at.isnot(None) if hasattr(model, "parked_at") else false()
        waiting_row = and_(open_row, ~parked) if hasattr(model, "parked_at") else open_row
        row = (await session.execute(select(
            func.count().filter(waiting_row), func.count().filter(and_(waiting_row, model.attempts > 0)),
            func.count().filter(parked), func.min(model.created_at).filter(waiting_row)))).one()
        oldest = (now - row[3]).total_seconds() if row[3] is not None else 0.0
        states.append(QueueState(name, int(row[0]), int(row[1]), int(row[2]), max(0.0, oldest)))
    return states


async def payment_outcomes(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(select(PaymentEvent.outcome, func.count()).group_by(PaymentEvent.outcome))
    return {str(outcome): int(count) for outcome, count in rows}
