from sqlalchemy import CheckConstraint, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

DEFAULT_RFQS_PER_DAY = 10
DEFAULT_OPEN_RFQS = 25


class RfqLimit(Base):
    """Anti-spam caps on a buyer's RFQs. The row without an organization is the platform default (seeded by the
    migration); a row for an organization overrides it."""

    __tablename__ = "rfq_limits"
    __table_args__ = (CheckConstraint("rfqs_per_day >= 0 AND open_rfqs >= 0", name="limits_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"),
                                                        unique=True)
    rfqs_per_day: Mapped[int] = mapped_column(default=DEFAULT_RFQS_PER_DAY)
    open_rfqs: Mapped[int] = mapped_column(default=DEFAULT_OPEN_RFQS)
