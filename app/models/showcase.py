"""A listing its supplier picked for one of the showcase slots its plan includes (promotion.showcase)."""

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from app.core.clock import utcnow
from app.models.base import Base


class ShowcasePick(Base):
    __tablename__ = "showcase_picks"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    # A listing is picked once: the pick is its slot, whoever's plan changes.
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id", ondelete="CASCADE"), unique=True)
    picked_at: Mapped[datetime] = mapped_column(default=utcnow)
