from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, JSONType, TimestampMixin, str_enum
from app.models.enums import Incoterm, ListingStatus, Unit
from app.models.organization import Organization


class Listing(TimestampMixin, Base):
    __tablename__ = "listings"
    __table_args__ = (
        CheckConstraint("moq > 0", name="moq_positive"),
        CheckConstraint("price_min IS NULL OR price_max IS NULL OR price_min <= price_max", name="price_range"),
        Index("ix_listings_status_published_at", "status", "published_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    # The language title and description are written in (a tag of app.core.content_language), and the supplier's
    # own translations into others: {"zh-Hans": {"title": "...", "description": "..."}, ...}.
    language: Mapped[str] = mapped_column(String(10), default="en", server_default="en")
    translations: Mapped[dict[str, dict[str, str]]] = mapped_column(JSONType, default=dict, server_default="{}")
    hs_code: Mapped[str | None] = mapped_column(ForeignKey("hs_codes.code"), index=True)
    keywords: Mapped[list[str]] = mapped_column(default=list)
    specs: Mapped[dict[str, str]] = mapped_column(default=dict)
    moq: Mapped[Decimal]
    moq_unit: Mapped[Unit] = mapped_column(str_enum(Unit, "unit"))
    price_min: Mapped[Decimal | None]
    price_max: Mapped[Decimal | None]
    currency: Mapped[str | None] = mapped_column(String(3))
    # Unit prices by order quantity, in `currency` per `moq_unit`: [{"min_quantity": "500", "unit_price": "3.1"}, ...]
    # by rising quantity (decimal strings; the rules are in app.listings.schemas, the look-up in app.listings.pricing).
    price_tiers: Mapped[list[dict[str, str]]] = mapped_column(JSONType, default=list, server_default="[]")
    incoterm: Mapped[Incoterm | None] = mapped_column(str_enum(Incoterm, "incoterm"))
    port_of_loading: Mapped[str | None] = mapped_column(String(120))
    lead_time_days: Mapped[int | None]
    supply_capacity_per_month: Mapped[Decimal | None]
    country_of_origin: Mapped[str | None] = mapped_column(String(2))
    certifications: Mapped[list[str]] = mapped_column(default=list)
    status: Mapped[ListingStatus] = mapped_column(
        str_enum(ListingStatus, "listing_status"), default=ListingStatus.DRAFT
    )
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None]

    organization: Mapped[Organization] = relationship(lazy="raise")
