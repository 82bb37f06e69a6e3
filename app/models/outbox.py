from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.clock import utcnow
from app.models.base import Base, str_enum
from app.models.enums import EntityType, OutboxOperation


class OutboxEvent(Base):
    """A change the search indexer must apply; written in the same transaction as the change itself."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "processed_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_type: Mapped[EntityType] = mapped_column(str_enum(EntityType, "entity_type"))
    entity_id: Mapped[int]
    operation: Mapped[OutboxOperation] = mapped_column(str_enum(OutboxOperation, "outbox_operation"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    processed_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    parked_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(64))
