from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin, str_enum
from app.models.enums import ACTIVE_QUOTE_STATUSES, Incoterm, QuoteStatus, SampleOffer, Unit

_ACTIVE = "status IN (" + ", ".join(f"'{status.value}'" for status in ACTIVE_QUOTE_STATUSES) + ")"


class Quote(TimestampMixin, Base):
    __tablename__ = "quotes"
    __table_args__ = (
        CheckConstraint("unit_price > 0", name="unit_price_positive"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        # At most one active quote per supplier per RFQ, whatever the application does.
        Index(
            "uq_quotes_one_active_per_supplier",
            "rfq_id",
            "organization_id",
            unique=True,
            sqlite_where=text(_ACTIVE),
            postgresql_where=text(_ACTIVE),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rfq_id: Mapped[int] = mapped_column(ForeignKey("rfqs.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    listing_id: Mapped[int | None] = mapped_column(ForeignKey("listings.id", ondelete="SET NULL"))
    unit_price: Mapped[Decimal]
    currency: Mapped[str] = mapped_column(String(3))
    quantity: Mapped[Decimal]
    unit: Mapped[Unit] = mapped_column(str_enum(Unit, "unit"))
    incoterm: Mapped[Incoterm | None] = mapped_column(str_enum(Incoterm, "incoterm"))
    lead_time_days: Mapped[int | None]
    valid_until: Mapped[date | None] = mapped_column(Date)
    message: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[QuoteStatus] = mapped_column(
        str_enum(QuoteStatus, "quote_status"), default=QuoteStatus.SUBMITTED
    )
    sample_offer: Mapped[SampleOffer] = mapped_column(
        str_enum(SampleOffer, "sample_offer"), default=SampleOffer.NONE, server_default=SampleOffer.NONE.value
    )
    sample_price: Mapped[Decimal | None]
    sample_days: Mapped[int | None]
    # Seconds from the RFQ opening to this quote: the supplier's response time (its first quote per RFQ counts).
    response_seconds: Mapped[int | None]
    # How many times the supplier revised it; each revision keeps the previous values in quote_revisions.
    revision: Mapped[int] = mapped_column(default=0, server_default="0")
    withdrawn_at: Mapped[datetime | None]
    rejection_reason: Mapped[str | None] = mapped_column(Text)
