from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin

# The largest search ranking boost a tier may carry: enough to reorder near-ties, never to lift an irrelevant
# listing above a relevant one (search multiplies relevance by 1 + boost).
MAX_RANKING_BOOST = Decimal("0.05")  # the same bound as search.ranking.MAX_TIER_BOOST


class Tier(TimestampMixin, Base):
    """A membership plan. Limits that are NULL are unlimited."""

    __tablename__ = "tiers"
    __table_args__ = (
        CheckConstraint("price_monthly >= 0 AND price_yearly >= 0", name="prices_not_negative"),
        CheckConstraint(f"ranking_boost >= 0 AND ranking_boost <= {MAX_RANKING_BOOST}", name="boost_bounded"),
        CheckConstraint("showcase_slots >= 0", name="showcase_slots_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    # Order from cheapest to dearest; "the cheapest tier that allows X" walks tiers by rank.
    rank: Mapped[int] = mapped_column(unique=True)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    currency: Mapped[str] = mapped_column(String(3))
    price_monthly: Mapped[Decimal]
    price_yearly: Mapped[Decimal]
    max_published_listings: Mapped[int | None]
    quotes_per_month: Mapped[int | None]
    rfqs_per_month: Mapped[int | None]
    contact_details_visible: Mapped[bool] = mapped_column(Boolean, default=False)
    leads_per_day: Mapped[int | None]
    ranking_boost: Mapped[Decimal] = mapped_column(Numeric(5, 4), default=Decimal(0))
    badge: Mapped[str | None] = mapped_column(String(80))
    showcase_slots: Mapped[int] = mapped_column(default=0)
    keyword_bidding: Mapped[bool] = mapped_column(Boolean, default=False)
    max_members: Mapped[int | None]
