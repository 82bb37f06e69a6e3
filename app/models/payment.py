from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.clock import utcnow
from app.models.base import Base, str_enum
from app.models.enums import PaymentProviderName


class PaymentEvent(Base):
    """A webhook event from a payment provider, stored once: the same event id never changes state twice."""

    __tablename__ = "payment_events"
    __table_args__ = (UniqueConstraint("provider", "event_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[PaymentProviderName] = mapped_column(str_enum(PaymentProviderName, "payment_provider"))
    event_id: Mapped[str] = mapped_column(String(120))
    event_type: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime]
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    outcome: Mapped[str] = mapped_column(String(32))


class RefundDue(Base):
    """A payment that arrived for an invoice already paid (or void): the money came in and must go back. One row per
    payment, kept until an administrator records the refund."""

    __tablename__ = "refunds_due"
    # One row per payment: the same charge reported by two events is one sum to give back, not two.
    __table_args__ = (Index("uq_refunds_due_payment", "invoice_id", "provider", "reference", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"), index=True)
    provider: Mapped[PaymentProviderName] = mapped_column(str_enum(PaymentProviderName, "payment_provider"))
    reference: Mapped[str] = mapped_column(String(120))  # the charge id, or the bank transfer's reference
    event_id: Mapped[str | None] = mapped_column(String(120))  # the gateway event that reported it
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    refunded_at: Mapped[datetime | None]
