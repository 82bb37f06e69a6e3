from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin, str_enum
from app.models.enums import BillingInterval, PaymentProviderName, SubscriptionStatus


class Subscription(TimestampMixin, Base):
    """An organization's paid plan; one row per organization, reused when it subscribes again.
    Periods are [current_period_start, current_period_end): the end date is the first day not covered."""

    __tablename__ = "subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), unique=True)
    tier_id: Mapped[int] = mapped_column(ForeignKey("tiers.id"), index=True)
    # A downgrade waits here until the period ends.
    pending_tier_id: Mapped[int | None] = mapped_column(ForeignKey("tiers.id"))
    interval: Mapped[BillingInterval] = mapped_column(str_enum(BillingInterval, "billing_interval"))
    status: Mapped[SubscriptionStatus] = mapped_column(
        str_enum(SubscriptionStatus, "subscription_status"), index=True
    )
    provider: Mapped[PaymentProviderName] = mapped_column(str_enum(PaymentProviderName, "payment_provider"))
    provider_customer_ref: Mapped[str | None] = mapped_column(String(120))
    current_period_start: Mapped[date] = mapped_column(Date)
    current_period_end: Mapped[date] = mapped_column(Date, index=True)
    cancel_at_period_end: Mapped[bool] = mapped_column(Boolean, default=False)
    ended_at: Mapped[datetime | None]
    # Creation time of the newest payment event applied; older events never change the status again.
    last_payment_event_at: Mapped[datetime | None]
