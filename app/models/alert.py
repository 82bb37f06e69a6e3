from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.clock import utcnow
from app.models.base import Base, str_enum
from app.models.durable import ClaimedJob
from app.models.enums import AlertEvent, NotificationKind


class AlertJob(ClaimedJob, Base):
    """An event that may alert organisations (an RFQ opened, a listing published), written in the same transaction
    as the event itself and worked off by the alerts drain (`tradeleads worker`, or after commit on the embedded
    default)."""

    __tablename__ = "alert_jobs"
    __table_args__ = (Index("ix_alert_jobs_pending", "processed_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event: Mapped[AlertEvent] = mapped_column(str_enum(AlertEvent, "alert_event"))
    subject_id: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AlertDelivery(Base):
    """One organisation alerted about one event: the unique pair makes a second alert impossible, however many
    workers race to send it."""

    __tablename__ = "alert_deliveries"
    __table_args__ = (UniqueConstraint("event_key", "organization_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_key: Mapped[str] = mapped_column(String(120))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    kind: Mapped[NotificationKind] = mapped_column(str_enum(NotificationKind, "notification_kind"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SavedSearch(Base):
    """A buyer's listing search kept to be told of new listings that match it. `registered_at` is set once the
    search engine holds the query (its percolator), which the alerts drain catches up on."""

    __tablename__ = "saved_searches"
    __table_args__ = (Index("ix_saved_searches_registered", "registered_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(120))
    query: Mapped[str] = mapped_column(String(1000), default="")
    filters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    registered_at: Mapped[datetime | None]
