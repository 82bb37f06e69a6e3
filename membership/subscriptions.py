"""Subscriptions: subscribe, upgrade (at once, prorated), downgrade (at period end), cancel at period end.
Renewal, dunning and expiry are the billing job's (membership.billing_job)."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import utcnow
from app.core.config import Settings
from app.core.errors import conflict
from app.models import Invoice, Subscription, Tier
from app.models.enums import BillingInterval, InvoicePurpose, PaymentProviderName, SubscriptionStatus
from membership import invoices
from membership.periods import period_end
from membership.proration import Period, prorated_charge
from membership.providers import provider_for
from membership.tiers import price_of, subscription_of, tier_by_code


@dataclass(frozen=True)
class Change:
    """The outcome of a plan change: the subscription, and the invoice it issued (if any)."""

    subscription: Subscription
    invoice: Invoice | None = None


def period_line(tier: Tier, interval: BillingInterval, start: date, end: date) -> invoices.Line:
    return invoices.Line(f"{tier.name} membership, {interval.value}ly, {start} to {end}", price_of(tier, interval))


async def charge(session: AsyncSession, settings: Settings, subscription: Subscription, purpose: InvoicePurpose,
                 line: invoices.Line, currency: str, period: tuple[date, date] | None, now: datetime) -> Invoice:
    """Issues an invoice due today and asks the subscription's provider for the money."""
    invoice = await invoices.issue(session, subscription, purpose, [line], currency, period, 0, now)
    attempt = await provider_for(subscription.provider, settings).collect(invoice)
    invoice.payment_reference = attempt.reference
    await session.flush()
    return invoice


async def live_subscription(session: AsyncSession, organization_id: int) -> Subscription:
    subscription = await subscription_of(session, organization_id)
    if subscription is None or not subscription.status.grants_tier:
        raise conflict("Your organization has no paid plan; subscribe to one first", code="no_subscription")
    return subscription


async def subscribe(
    session: AsyncSession, settings: Settings, organization_id: int, tier_code: str, interval: BillingInterval,
    provider: PaymentProviderName, now: datetime | None = None,
) -> Change:
    now = now or utcnow()
    tier = await tier_by_code(session, tier_code)
    if tier.is_default:
        raise conflict(f"{tier.name} is the plan of every organization without a subscription",
                       code="tier_not_purchasable")
    subscription = await subscription_of(session, organization_id)
    if subscription is not None and subscription.status.grants_tier:
        raise conflict("Your organization already has a plan; change it instead", code="already_subscribed")
    start = now.date()
    end = period_end(start, interval)
    if subscription is None:
        subscription = Subscription(organization_id=organization_id)
        session.add(subscription)
    _start_over(subscription, tier, interval, provider, start, end)
    await session.flush()
    invoice = await charge(session, settings, subscription, InvoicePurpose.SUBSCRIPTION,
                           period_line(tier, interval, start, end), tier.currency, (start, end), now)
    return Change(subscription, invoice)


def _start_over(subscription: Subscription, tier: Tier, interval: BillingInterval, provider: PaymentProviderName,
                start: date, end: date) -> None:
    subscription.tier_id = tier.id
    subscription.pending_tier_id = None
    subscription.interval = interval
    subscription.status = SubscriptionStatus.ACTIVE
    subscription.provider = provider
    subscription.current_period_start = start
    subscription.current_period_end = end
    subscription.cancel_at_period_end = False
    subscription.ended_at = None
    subscription.last_payment_event_at = None
    subscription.updated_at = utcnow()


async def change_tier(
    session: AsyncSession, settings: Settings, organization_id: int, tier_code: str, now: datetime | None = None
) -> Change:
    """Upgrades take effect at once with a prorated invoice; downgrades wait for the end of the period."""
    now = now or utcnow()
    subscription = await live_subscription(session, organization_id)
    current = await session.get(Tier, subscription.tier_id)
    target = await tier_by_code(session, tier_code)
    if current is None or target.id == current.id:
        return await keep_current(session, subscription)
    if target.is_default:
        return await cancel(session, organization_id)
    if price_of(target, subscription.interval) > price_of(current, subscription.interval):
        return await _upgrade(session, settings, subscription, current, target, now)
    subscription.pending_tier_id = target.id
    subscription.cancel_at_period_end = False
    subscription.updated_at = now
    await session.flush()
    return Change(subscription)


async def keep_current(session: AsyncSession, subscription: Subscription) -> Change:
    """Choosing the current tier again withdraws a scheduled downgrade or cancellation."""
    if subscription.pending_tier_id is None and not subscription.cancel_at_period_end:
        raise conflict("Your organization is already on this plan", code="same_tier")
    subscription.pending_tier_id = None
    subscription.cancel_at_period_end = False
    subscription.updated_at = utcnow()
    await session.flush()
    return Change(subscription)


async def _upgrade(session: AsyncSession, settings: Settings, subscription: Subscription, current: Tier,
                   target: Tier, now: datetime) -> Change:
    period = Period(subscription.current_period_start, subscription.current_period_end)
    today = now.date()
    amount = prorated_charge(price_of(current, subscription.interval), price_of(target, subscription.interval),
                             period, today, target.currency)
    subscription.tier_id = target.id
    subscription.pending_tier_id = None
    subscription.cancel_at_period_end = False
    subscription.updated_at = now
    await session.flush()
    if amount <= 0:
        return Change(subscription)
    line = invoices.Line(f"Upgrade {current.name} to {target.name}: {period.days_remaining(today)} of "
                         f"{period.days} days, {today} to {period.end}", amount)
    invoice = await charge(session, settings, subscription, InvoicePurpose.UPGRADE, line, target.currency,
                           (today, period.end), now)
    return Change(subscription, invoice)


async def cancel(session: AsyncSession, organization_id: int) -> Change:
    """The plan stays until the end of the period (already paid for), then the organization is on the free tier."""
    subscription = await live_subscription(session, organization_id)
    subscription.cancel_at_period_end = True
    subscription.pending_tier_id = None
    subscription.updated_at = utcnow()
    await session.flush()
    return Change(subscription)
