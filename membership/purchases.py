"""A plan bought is granted when it is paid: a new paid subscription waits in `pending_payment`, an upgrade waits on
its invoice (`Invoice.grants_tier_id`) while the old tier stays. Paying the invoice (an administrator marking a
bank transfer received, or the card gateway's webhook) grants the tier, once: a paid invoice is never paid again.
An unpaid purchase lapses after the grace period, or when the period it was bought for ends: its invoice is void,
a pending new plan expires and an existing plan stays as it was. Renewals are not purchases: the plan runs on
while their invoice is open, within the grace period (membership.billing_job)."""

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import utcnow
from app.models import Invoice, Subscription
from app.models.enums import InvoiceStatus, SubscriptionStatus
from membership import invoices


async def pending_purchase(session: AsyncSession, subscription_id: int) -> Invoice | None:
    """The open invoice of a plan bought and not yet paid (at most one: a new purchase withdraws the last)."""
    return await session.scalar(select(Invoice).where(
        Invoice.subscription_id == subscription_id, Invoice.status == InvoiceStatus.OPEN,
        Invoice.grants_tier_id.is_not(None)).order_by(Invoice.id.desc()).limit(1))


async def withdraw(session: AsyncSession, subscription: Subscription, now: datetime | None = None) -> None:
    """Voids the unpaid purchase, if any: the customer chose something else (or stopped)."""
    invoice = await pending_purchase(session, subscription.id)
    if invoice is not None:
        await invoices.void(session, invoice, now)
        await session.flush()


def grant(subscription: Subscription, invoice: Invoice, now: datetime) -> None:
    """The tier a paid purchase bought takes effect; a scheduled downgrade or cancellation is withdrawn by it."""
    if invoice.grants_tier_id is None or subscription.status not in (
            SubscriptionStatus.PENDING_PAYMENT, SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE):
        return
    put_on_tier(subscription, invoice.grants_tier_id, now)
    if subscription.status is SubscriptionStatus.PENDING_PAYMENT:
        subscription.status = SubscriptionStatus.ACTIVE


def put_on_tier(subscription: Subscription, tier_id: int, now: datetime) -> None:
    """The subscription is on `tier_id` from now; a scheduled downgrade or cancellation is withdrawn by it."""
    subscription.tier_id = tier_id
    subscription.pending_tier_id = None
    subscription.cancel_at_period_end = False
    subscription.updated_at = now


def lapses_on(invoice: Invoice, grace_days: int) -> date:
    """The day an unpaid purchase lapses: after the grace period, or when the period it was bought for ends."""
    after_grace = invoice.due_on + timedelta(days=grace_days)
    return min(after_grace, invoice.period_end) if invoice.period_end else after_grace


async def lapse(session: AsyncSession, subscription: Subscription, invoice: Invoice, now: datetime | None = None,
                ) -> None:
    now = now or utcnow()
    await invoices.void(session, invoice, now)
    if subscription.status is SubscriptionStatus.PENDING_PAYMENT:
        subscription.status = SubscriptionStatus.EXPIRED
        subscription.ended_at = now
    subscription.updated_at = now
    await session.flush()
