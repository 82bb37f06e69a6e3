from datetime import datetime

from sqlalchemy import Index
from sqlalchemy.orm import Mapped, mapped_column

from app.core.clock import utcnow
from app.models.base import Base, str_enum
from app.models.durable import ClaimedJob
from app.models.enums import EntityType, OutboxOperation


class OutboxEvent(ClaimedJob, Base):
    """A change the search indexer must apply; written in the same transaction as the change itself."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "processed_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_type: Mapped[EntityType] = mapped_column(str_enum(EntityType, "entity_type"))
    entity_id: Mapped[int]
    operation: Mapped[OutboxOperation] = mapped_column(str_enum(OutboxOperation, "outbox_operation"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
