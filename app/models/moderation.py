from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.clock import utcnow
from app.models.base import Base, str_enum
from app.models.enums import ModerationDecisionKind, ModerationReason


class ModerationDecision(Base):
    """One admin decision on something pending review. entity_type is a plain string so that a new kind of
    moderated object (quotes) needs an adapter, not a migration."""

    __tablename__ = "moderation_decisions"
    __table_args__ = (
        Index("ix_moderation_decisions_entity", "entity_type", "entity_id"),
        Index("ix_moderation_decisions_decided_at", "decided_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int]
    decision: Mapped[ModerationDecisionKind] = mapped_column(
        str_enum(ModerationDecisionKind, "moderation_decision_kind"))
    reason_code: Mapped[ModerationReason | None] = mapped_column(str_enum(ModerationReason, "moderation_reason"))
    note: Mapped[str] = mapped_column(Text, default="")
    admin_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)
