from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, JSONType, TimestampMixin, str_enum
from app.models.enums import Incoterm, RfqStatus, Unit
from app.models.organization import Organization

DEFAULT_MAX_QUOTES = 10


class Rfq(TimestampMixin, Base):
    __tablename__ = "rfqs"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("max_quotes > 0", name="max_quotes_positive"),
        Index("ix_rfqs_status_valid_until", "status", "valid_until"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    hs_code: Mapped[str | None] = mapped_column(ForeignKey("hs_codes.code"), index=True)
    quantity: Mapped[Decimal]
    unit: Mapped[Unit] = mapped_column(str_enum(Unit, "unit"))
    target_unit_price: Mapped[Decimal | None]
    currency: Mapped[str | None] = mapped_column(String(3))
    incoterm: Mapped[Incoterm | None] = mapped_column(str_enum(Incoterm, "incoterm"))
    destination_country: Mapped[str | None] = mapped_column(String(2))
    destination_port: Mapped[str | None] = mapped_column(String(120))
    required_certifications: Mapped[list[str]] = mapped_column(default=list)
    # Matching factors the buyer made hard constraints (matching.factors.HARD_CONSTRAINTS).
    required_constraints: Mapped[list[str]] = mapped_column(default=list, server_default="[]")
    valid_until: Mapped[date] = mapped_column(Date)
    status: Mapped[RfqStatus] = mapped_column(str_enum(RfqStatus, "rfq_status"), default=RfqStatus.DRAFT)
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    max_quotes: Mapped[int] = mapped_column(default=DEFAULT_MAX_QUOTES)
    opened_at: Mapped[datetime | None]
    # Lead quality (trust.lead_quality): 0-100, the points table's version and its reasons
    # ([{"code", "points", "text"}]), computed when the RFQ is submitted and again when it is approved.
    quality_score: Mapped[int | None]
    quality_version: Mapped[int | None]
    quality_reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list, server_default="[]")
    # Set when an admin confirmed a supplier's report that the RFQ is fake: its quotes and lead views stop counting
    # against the suppliers' plans, and it counts against the buyer's lead quality.
    fake_confirmed_at: Mapped[datetime | None]

    organization: Mapped[Organization] = relationship(lazy="raise")
