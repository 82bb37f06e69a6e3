"""Keyword advertising: campaigns of a supplier, the keywords they bid on, each day's impressions and every click.

The money a click costs is on the ledger (the entry keyed by the click); a click row says what was charged and why
or why not, so that an advertiser sees every click and every click it was not charged for."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Column, ForeignKey, Index, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.clock import utcnow
from app.models.base import Base, TimestampMixin, str_enum
from app.models.enums import ClickVerdict, KeywordMatch

ad_campaign_listings = Table(
    "ad_campaign_listings", Base.metadata,
    Column("campaign_id", ForeignKey("ad_campaigns.id", ondelete="CASCADE"), primary_key=True),
    Column("listing_id", ForeignKey("listings.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class AdCampaign(TimestampMixin, Base):
    __tablename__ = "ad_campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    daily_budget: Mapped[Decimal]
    starts_on: Mapped[date]
    ends_on: Mapped[date | None]
    paused: Mapped[bool] = mapped_column(default=False)

    keywords: Mapped[list["AdKeyword"]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan", order_by="AdKeyword.id", lazy="selectin")


class AdKeyword(Base):
    __tablename__ = "ad_keywords"
    __table_args__ = (UniqueConstraint("campaign_id", "terms", "match"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("ad_campaigns.id", ondelete="CASCADE"), index=True)
    phrase: Mapped[str] = mapped_column(String(100))
    # The phrase as search normalises it, in order and as a sorted set: a query finds its keywords by index.
    terms: Mapped[str] = mapped_column(String(200), index=True)
    term_set: Mapped[str] = mapped_column(String(200), index=True)
    match: Mapped[KeywordMatch] = mapped_column(str_enum(KeywordMatch, "keyword_match"))
    max_cpc: Mapped[Decimal]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    campaign: Mapped[AdCampaign] = relationship(back_populates="keywords")


class AdImpressions(Base):
    """How often a keyword's ad was shown at a position on a day (written in batches, never charged)."""

    __tablename__ = "ad_impressions"
    __table_args__ = (Index("ix_ad_impressions_keyword_day", "keyword_id", "day"),)

    day: Mapped[date] = mapped_column(primary_key=True)
    keyword_id: Mapped[int] = mapped_column(ForeignKey("ad_keywords.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    count: Mapped[int] = mapped_column(default=0)


class AdClick(Base):
    __tablename__ = "ad_clicks"
    __table_args__ = (Index("ix_ad_clicks_campaign_day", "campaign_id", "day"),
                      Index("ix_ad_clicks_keyword_day", "keyword_id", "day"),
                      Index("ix_ad_clicks_client_at", "client", "at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    day: Mapped[date]
    """The UTC day of `at`: budgets and reports count by it, as impressions are."""
    impression: Mapped[str] = mapped_column(String(32))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("ad_campaigns.id", ondelete="CASCADE"))
    keyword_id: Mapped[int | None] = mapped_column(ForeignKey("ad_keywords.id", ondelete="SET NULL"))
    listing_id: Mapped[int | None] = mapped_column(ForeignKey("listings.id", ondelete="SET NULL"))
    keyword: Mapped[str] = mapped_column(String(100), default="")
    position: Mapped[int] = mapped_column(default=0)
    price: Mapped[Decimal] = mapped_column(default=Decimal(0))
    """What the auction priced the click at; `charged` is what it cost (0 unless the verdict is charged)."""
    charged: Mapped[Decimal] = mapped_column(default=Decimal(0))
    verdict: Mapped[ClickVerdict] = mapped_column(str_enum(ClickVerdict, "click_verdict"))
    client: Mapped[str] = mapped_column(String(64))
    """A digest of who clicked (the visitor cookie, else address and user agent): repeats are found by it."""
    country: Mapped[str | None] = mapped_column(String(2))
