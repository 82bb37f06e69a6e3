from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.clock import utcnow
from app.models.base import Base, str_enum
from app.models.enums import Unit


class Inquiry(Base):
    """A thread between a buyer organization and the supplier of a listing. Each side's last_read_at marks
    what it has read: the other side's later messages are its unread ones."""

    __tablename__ = "inquiries"
    __table_args__ = (
        CheckConstraint("quantity IS NULL OR quantity > 0", name="quantity_positive"),
        CheckConstraint("buyer_organization_id <> supplier_organization_id", name="two_parties"),
        Index("ix_inquiries_buyer_last_message", "buyer_organization_id", "last_message_at"),
        Index("ix_inquiries_supplier_last_message", "supplier_organization_id", "last_message_at"),
        # The rate limit counts a user's inquiries of the last hour.
        Index("ix_inquiries_started_by_created", "started_by_user_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id", ondelete="CASCADE"), index=True)
    buyer_organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    supplier_organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    started_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    subject: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[Decimal | None]
    unit: Mapped[Unit | None] = mapped_column(str_enum(Unit, "unit"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_message_at: Mapped[datetime] = mapped_column(default=utcnow)
    buyer_last_read_at: Mapped[datetime | None]
    supplier_last_read_at: Mapped[datetime | None]


class InquiryMessage(Base):
    __tablename__ = "inquiry_messages"
    __table_args__ = (Index("ix_inquiry_messages_inquiry_created", "inquiry_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiries.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
