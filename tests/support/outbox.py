"""What the search indexer was told: the outbox rows written for one listing or RFQ."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import OutboxEvent
from app.models.enums import EntityType


async def outbox_operations(db: AsyncSession, entity_type: EntityType, entity_id: int | None = None) -> list[str]:
    """Operations recorded for this entity type (and id), oldest first."""
    statement = select(OutboxEvent.operation).where(OutboxEvent.entity_type == entity_type)
    if entity_id is not None:
        statement = statement.where(OutboxEvent.entity_id == entity_id)
    try:
        return [operation.value for operation in await db.scalars(statement.order_by(OutboxEvent.id))]
    finally:
        await db.rollback()  # a fresh snapshot for the next look
