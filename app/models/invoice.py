from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.clock import utcnow
from app.models.base import Base, str_enum
from app.models.enums import PERIOD_INVOICE_PURPOSES, InvoicePurpose, InvoiceStatus, PaymentProviderName

_PERIOD = ("purpose IN (" + ", ".join(f"'{purpose.value}'" for purpose in PERIOD_INVOICE_PURPOSES) + ")"
           " AND status != 'void'")


class InvoiceCounter(Base):
    """The last invoice number issued in a year; incremented in the issuing transaction, so numbers have no gaps."""

    __tablename__ = "invoice_counters"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(default=0)


class Invoice(Base):
    __tablename__ = "invoices"
    __table_args__ = (
        UniqueConstraint("year", "sequence"),
        # One invoice per subscription period, whatever runs the billing job at the same time; a void one (a plan
        # bought, not paid and bought again) does not count.
        Index(
            "uq_invoices_one_per_period",
            "subscription_id",
            "period_start",
            unique=True,
            sqlite_where=text(_PERIOD),
            postgresql_where=text(_PERIOD),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    year: Mapped[int]
    sequence: Mapped[int]
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    subscription_id: Mapped[int | None] = mapped_column(ForeignKey("subscriptions.id", ondelete="SET NULL"))
    purpose: Mapped[InvoicePurpose] = mapped_column(str_enum(InvoicePurpose, "invoice_purpose"))
    status: Mapped[InvoiceStatus] = mapped_column(str_enum(InvoiceStatus, "invoice_status"), index=True)
    provider: Mapped[PaymentProviderName] = mapped_column(str_enum(PaymentProviderName, "payment_provider"))
    currency: Mapped[str] = mapped_column(String(3))
    total: Mapped[Decimal]
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    due_on: Mapped[date] = mapped_column(Date)
    paid_at: Mapped[datetime | None]
    voided_at: Mapped[datetime | None]
    payment_reference: Mapped[str | None] = mapped_column(String(120))
    reminders_sent: Mapped[int] = mapped_column(default=0)
    last_reminder_on: Mapped[date | None] = mapped_column(Date)
    bill_to: Mapped[str] = mapped_column(Text)
    # The plan this invoice buys (a new subscription or an upgrade): it takes effect when the invoice is paid.
    # NULL for renewals, whose plan runs on during the grace period, and for invoices issued before 0010.
    grants_tier_id: Mapped[int | None] = mapped_column(ForeignKey("tiers.id"))

    lines: Mapped[list["InvoiceLine"]] = relationship(lazy="raise", order_by="InvoiceLine.id")


class InvoiceLine(Base):
    __tablename__ = "invoice_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(default=1)
    unit_amount: Mapped[Decimal]
    amount: Mapped[Decimal]
