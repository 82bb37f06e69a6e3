"""Subscriptions: subscribe and upgrade (prorated; each takes effect when its invoice is paid, see
membership.purchases), downgrade (at period end), cancel at period end. Renewal, dunning and expiry are the billing
job's (membership.billing_job)."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import utcnow
from app.core.config import Settings
from app.core.errors import conflict
from app.models import Invoice, Subscription, Tier
from app.models.enums import BillingInterval, InvoicePurpose, PaymentProviderName, SubscriptionStatus
from membership import invoices, payments, purchases
from membership.periods import period_end
from membership.proration import Period, prorated_charge
from membership.providers import ask_for_payment
from membership.tiers import price_of, subscription_of, tier_by_code


@dataclass(frozen=True)
class Change:
    """The outcome of a plan change: the subscription, and the invoice it issued (if any)."""

    subscription: Subscription
    invoice: Invoice | None = None


def period_line(tier: Tier, interval: BillingInterval, start: date, end: date) -> invoices.Line:
    return invoices.Line(f"{tier.name} membership, {interval.value}ly, {start} to {end}", price_of(tier, interval))


async def charge(session: AsyncSession, settings: Settings, subscription: Subscription, purpose: InvoicePurpose,
                 line: invoices.Line, currency: str, period: tuple[date, date] | None, now: datetime,
                 grants: Tier | None = None) -> Invoice:
    """Issues an invoice due today and asks the subscription's provider for the money; `grants` is the tier a
    purchase buys (granted when the invoice is paid; nothing to pay grants it at once)."""
    invoice = await invoices.issue(session, invoices.Payer.of(subscription), purpose, [line], currency, period, 0,
                                   now)
    invoice.grants_tier_id = grants.id if grants else None
    await ask_for_payment(invoice, settings)
    await session.flush()
    if grants is not None and invoice.total == 0:
        await payments.settle(session, invoice, "no charge", now)
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
    else:
        await purchases.withdraw(session, subscription, now)  # a plan still waiting for payment is replaced
    _start_over(subscription, tier, interval, provider, start, end)
    await session.flush()
    invoice = await charge(session, settings, subscription, InvoicePurpose.SUBSCRIPTION,
                           period_line(tier, interval, start, end), tier.currency, (start, end), now, grants=tier)
    return Change(subscription, invoice)


def _start_over(subscription: Subscription, tier: Tier, interval: BillingInterval, provider: PaymentProviderName,
                start: date, end: date) -> None:
    subscription.tier_id = tier.id
    subscription.pending_tier_id = None
    subscription.interval = interval
    subscription.status = SubscriptionStatus.PENDING_PAYMENT
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
    """Upgrades take effect when their prorated invoice is paid; downgrades wait for the end of the period. Any
    change withdraws an upgrade still waiting for payment."""
    now = now or utcnow()
    subscription = await live_subscription(session, organization_id)
    current = await session.get(Tier, subscription.tier_id)
    target = await tier_by_code(session, tier_code)
    if current is None or target.id == current.id:
        return await keep_current(session, subscription)
    if target.is_default:
        return await cancel(session, organization_id)
    await purchases.withdraw(session, subscription, now)
    if price_of(target, subscription.interval) > price_of(current, subscription.interval):
        return await _upgrade(session, settings, subscription, current, target, now)
    subscription.pending_tier_id = target.id
    subscription.cancel_at_period_end = False
    subscription.updated_at = now
    await session.flush()
    return Change(subscription)


async def keep_current(session: AsyncSession, subscription: Subscription) -> Change:
    """Choosing the current tier again withdraws a scheduled downgrade or cancellation, or an unpaid upgrade."""
    unpaid = await purchases.pending_purchase(session, subscription.id)
    if subscription.pending_tier_id is None and not subscription.cancel_at_period_end and unpaid is None:
        raise conflict("Your organization is already on this plan", code="same_tier")
    await purchases.withdraw(session, subscription)
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
    if amount <= 0:  # nothing left to pay for: the upgrade applies at once
        purchases.put_on_tier(subscription, target.id, now)
        await session.flush()
        return Change(subscription)
    line = invoices.Line(f"Upgrade {current.name} to {target.name}: {period.days_remaining(today)} of "
                         f"{period.days} days, {today} to {period.end}", amount)
    invoice = await charge(session, settings, subscription, InvoicePurpose.UPGRADE, line, target.currency,
                           (today, period.end), now, grants=target)
    return Change(subscription, invoice)


async def cancel(session: AsyncSession, organization_id: int) -> Change:
    """The plan stays until the end of the period (already paid for), then the organization is on the free tier;
    an upgrade waiting for payment is withdrawn. A new plan still waiting for payment ends at once."""
    subscription = await subscription_of(session, organization_id)
    if subscription is not None and subscription.status is SubscriptionStatus.PENDING_PAYMENT:
        now = utcnow()
        await purchases.withdraw(session, subscription, now)
        subscription.status = SubscriptionStatus.CANCELED
        subscription.ended_at = subscription.updated_at = now
        await session.flush()
        return Change(subscription)
    subscription = await live_subscription(session, organization_id)
    await purchases.withdraw(session, subscription)
    subscription.cancel_at_period_end = True
    subscription.pending_tier_id = None
    subscription.updated_at = utcnow()
    await session.flush()
    return Change(subscription)
