from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.clock import utcnow
from app.models.base import Base


class RfqAttachment(Base):
    """A drawing or specification attached to an RFQ (PDF or image): its file in the file store, named by its key.
    Shown to whoever may read the RFQ's whole text (app.rfqs.contact)."""

    __tablename__ = "rfq_attachments"
    __table_args__ = (Index("ix_rfq_attachments_rfq_id", "rfq_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rfq_id: Mapped[int] = mapped_column(ForeignKey("rfqs.id", ondelete="CASCADE"))
    file_key: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
