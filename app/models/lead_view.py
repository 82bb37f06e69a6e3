from datetime import date

from sqlalchemy import Date, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class LeadView(Base):
    """An RFQ lead an organization opened on a (UTC) day; counted against its daily lead allowance."""

    __tablename__ = "lead_views"
    __table_args__ = (UniqueConstraint("organization_id", "viewed_on", "rfq_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    rfq_id: Mapped[int] = mapped_column(ForeignKey("rfqs.id", ondelete="CASCADE"), index=True)
    viewed_on: Mapped[date] = mapped_column(Date)
