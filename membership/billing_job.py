"""The scheduled billing run: lapses plans bought and never paid (membership.purchases), ends or renews
subscriptions whose period is over, reminds about unpaid renewals (dunning) and expires plans left unpaid past the
grace period.

Safe to run twice at the same time: each subscription is handled in its own transaction, after locking its row
(`FOR UPDATE SKIP LOCKED` on PostgreSQL: a second run skips what the first holds) and re-checking that it is still
due; the unique index on (subscription_id, period_start) of period invoices refuses a second invoice regardless.
Each run advances a subscription by one period at most; run it daily.
"""

from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.clock import utcnow
from app.core.config import Settings
from app.core.db import session_scope
from app.models import Invoice, Subscription, Tier
from app.models.enums import LIVE_SUBSCRIPTION_STATUSES, InvoicePurpose, InvoiceStatus, SubscriptionStatus
from membership import invoices, purchases
from membership.enforcement import enforce_listing_limit
from membership.periods import period_end
from membership.subscriptions import charge, period_line
from membership.tiers import price_of

LIVE = LIVE_SUBSCRIPTION_STATUSES
transaction = asynccontextmanager(session_scope)  # commits when the block succeeds, rolls back when it raises


@dataclass
class BillingReport:
    renewed: list[int] = field(default_factory=list)
    ended: list[int] = field(default_factory=list)
    reminded: list[str] = field(default_factory=list)
    expired: list[int] = field(default_factory=list)
    lapsed: list[str] = field(default_factory=list)
    unpublished_listings: list[int] = field(default_factory=list)
    skipped: int = 0


def _period_over(today: date) -> list[ColumnElement[bool]]:
    return [Subscription.status.in_(LIVE), Subscription.current_period_end <= today]


def _overdue(today: date) -> list[ColumnElement[bool]]:
    unpaid = select(Invoice.subscription_id).where(Invoice.status == InvoiceStatus.OPEN, Invoice.due_on < today,
                                                   Invoice.grants_tier_id.is_(None))
    return [Subscription.status.in_(LIVE), Subscription.id.in_(unpaid)]


def _unpaid_purchase(today: date, grace_days: int) -> list[ColumnElement[bool]]:
    """Subscriptions with a purchase whose day to lapse (purchases.lapses_on) has come."""
    lapsed = select(Invoice.subscription_id).where(
        Invoice.status == InvoiceStatus.OPEN, Invoice.grants_tier_id.is_not(None),
        or_(Invoice.due_on <= today - timedelta(days=grace_days), Invoice.period_end <= today))
    return [Subscription.id.in_(lapsed)]


async def _ids(sessions: async_sessionmaker[AsyncSession], conditions: list[ColumnElement[bool]]) -> list[int]:
    async with sessions() as session:
        return list(await session.scalars(select(Subscription.id).where(*conditions).order_by(Subscription.id)))


async def _locked(session: AsyncSession, subscription_id: int, conditions: list[ColumnElement[bool]],
                  ) -> Subscription | None:
    """The subscription, locked for this transaction, if it still matches; None when another run holds it."""
    statement = select(Subscription).where(Subscription.id == subscription_id, *conditions)
    return await session.scalar(statement.with_for_update(skip_locked=True))


async def _roll_over(session: AsyncSession, settings: Settings, subscription: Subscription, now: datetime,
                     report: BillingReport) -> None:
    if subscription.cancel_at_period_end:
        subscription.status = SubscriptionStatus.CANCELED
        subscription.ended_at = now
        report.ended.append(subscription.id)
    else:
        await _renew(session, settings, subscription, now)
        report.renewed.append(subscription.id)
    subscription.updated_at = now
    await session.flush()
    report.unpublished_listings += await enforce_listing_limit(session, subscription.organization_id)


async def _renew(session: AsyncSession, settings: Settings, subscription: Subscription, now: datetime) -> None:
    """Starts the next period on the tier it will have (a scheduled downgrade applies now) and invoices it."""
    if subscription.pending_tier_id is not None:
        subscription.tier_id = subscription.pending_tier_id
        subscription.pending_tier_id = None
    tier = await session.get(Tier, subscription.tier_id)
    start = subscription.current_period_end
    end = period_end(start, subscription.interval)
    subscription.current_period_start, subscription.current_period_end = start, end
    await session.flush()
    if tier is not None and price_of(tier, subscription.interval) > 0:
        await charge(session, settings, subscription, InvoicePurpose.RENEWAL,
                     period_line(tier, subscription.interval, start, end), tier.currency, (start, end), now)


async def _dun(session: AsyncSession, settings: Settings, subscription: Subscription, now: datetime,
               report: BillingReport) -> None:
    """Past due and reminded once a day; expired (open invoices void, listings over Free unpublished) once the
    oldest unpaid invoice is `billing_grace_days` past due."""
    today = now.date()
    unpaid = [invoice for invoice in await invoices.open_dues_of(session, subscription.id)
              if invoice.due_on < today]
    if not unpaid:  # paid after this run picked it: PostgreSQL re-checks a locked row, not the subquery on invoices
        report.skipped += 1
        return
    if today >= unpaid[0].due_on + timedelta(days=settings.billing_grace_days):
        for invoice in await invoices.open_invoices_of(session, subscription.id):
            await invoices.void(session, invoice, now)
        subscription.status = SubscriptionStatus.EXPIRED
        subscription.ended_at = now
        report.expired.append(subscription.id)
        await session.flush()
        report.unpublished_listings += await enforce_listing_limit(session, subscription.organization_id)
        return
    subscription.status = SubscriptionStatus.PAST_DUE
    for invoice in unpaid:
        if invoice.last_reminder_on != today:
            invoice.reminders_sent += 1
            invoice.last_reminder_on = today
            report.reminded.append(invoice.number)
    await session.flush()


async def _lapse(session: AsyncSession, settings: Settings, subscription: Subscription, now: datetime,
                 report: BillingReport) -> None:
    invoice = await purchases.pending_purchase(session, subscription.id)
    if invoice is not None and purchases.lapses_on(invoice, settings.billing_grace_days) <= now.date():
        await purchases.lapse(session, subscription, invoice, now)
        report.lapsed.append(invoice.number)


Step = Callable[[AsyncSession, Settings, Subscription, datetime, BillingReport], Any]


async def _each(sessions: async_sessionmaker[AsyncSession], settings: Settings, now: datetime,
                conditions: list[ColumnElement[bool]], step: Step, report: BillingReport) -> None:
    for subscription_id in await _ids(sessions, conditions):
        try:
            async with transaction(sessions) as session:
                subscription = await _locked(session, subscription_id, conditions)
                if subscription is None:
                    report.skipped += 1
                    continue
                await step(session, settings, subscription, now, report)
        except IntegrityError:
            report.skipped += 1  # another run issued this period's invoice first


async def run_billing(sessions: async_sessionmaker[AsyncSession], settings: Settings,
                      now: datetime | None = None) -> BillingReport:
    now = now or utcnow()
    report = BillingReport()
    await _each(sessions, settings, now, _unpaid_purchase(now.date(), settings.billing_grace_days), _lapse, report)
    await _each(sessions, settings, now, _period_over(now.date()), _roll_over, report)
    await _each(sessions, settings, now, _overdue(now.date()), _dun, report)
    return report
