"""A featured-supplier placement (booth promotion): a supplier shown, labelled, among the featured suppliers of an HS
chapter's pages and of the home page, for a paid period. Bought with an invoice; live from the day it is paid."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.clock import utcnow
from app.models.base import Base


class FeaturedPlacement(Base):
    __tablename__ = "featured_placements"
    __table_args__ = (Index("ix_featured_placements_chapter_ends_on", "chapter", "ends_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    chapter: Mapped[str] = mapped_column(String(2))
    # One placement per invoice: a payment reported again finds it live already.
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"), unique=True)
    starts_on: Mapped[date | None]
    """None until the invoice is paid."""
    ends_on: Mapped[date | None]
    """The first day it no longer shows."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
