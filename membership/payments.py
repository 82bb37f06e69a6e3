"""Payments arriving: an administrator marking a bank transfer paid, or card-gateway webhook events.

Webhook events are stored by (provider, event id) under a unique constraint before they act, so an event delivered
any number of times changes state once. Events carry their creation time; a failure older than the newest payment
event already applied to the subscription never sets it back (out-of-order delivery)."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import utcnow
from app.models import Invoice, PaymentEvent, Subscription
from app.models.enums import InvoiceStatus, PaymentProviderName, SubscriptionStatus
from membership import invoices, purchases
from membership.providers.card_gateway import GatewayEvent

CHARGE_SUCCEEDED = "charge.succeeded"
CHARGE_FAILED = "charge.failed"


async def settle(session: AsyncSession, invoice: Invoice, reference: str | None, paid_at: datetime | None = None,
                 ) -> bool:
    """Marks the invoice paid, once; a plan it bought takes effect; a past-due subscription with nothing else
    overdue is active again. False (and nothing changes) when it was paid before."""
    if not invoices.mark_paid(invoice, reference, paid_at):
        return False
    await session.flush()
    subscription = await session.get(Subscription, invoice.subscription_id) if invoice.subscription_id else None
    if subscription is None:
        return True
    purchases.grant(subscription, invoice, utcnow())
    if subscription.status is SubscriptionStatus.PAST_DUE and not await invoices.open_dues_of(session, subscription.id):
        subscription.status = SubscriptionStatus.ACTIVE
    await session.flush()
    return True


async def _first_delivery(session: AsyncSession, event: GatewayEvent, now: datetime) -> PaymentEvent | None:
    """Stores the event; None when it was stored before (a redelivery, possibly concurrent)."""
    known = select(PaymentEvent.id).where(PaymentEvent.provider == PaymentProviderName.CARD_GATEWAY,
                                          PaymentEvent.event_id == event.id)
    if await session.scalar(known) is not None:
        return None
    row = PaymentEvent(provider=PaymentProviderName.CARD_GATEWAY, event_id=event.id, event_type=event.type,
                       created_at=event.created, received_at=now, outcome="received")
    try:
        async with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return None
    return row


async def handle_gateway_event(session: AsyncSession, event: GatewayEvent, now: datetime) -> str:
    """Applies one card-gateway event; returns the outcome: applied, ignored, unknown_invoice or duplicate."""
    row = await _first_delivery(session, event, now)
    if row is None:
        return "duplicate"
    invoice = await invoices.invoice_by_number(session, str(event.data.get("invoice", "")))
    if invoice is None:
        outcome = "unknown_invoice"
    elif event.type == CHARGE_SUCCEEDED:
        outcome = await _succeeded(session, invoice, event)
    elif event.type == CHARGE_FAILED:
        outcome = await _failed(session, invoice, event)
    else:
        outcome = "ignored"
    row.outcome = outcome
    await session.flush()
    return outcome


def _newer_event_applied(subscription: Subscription, event: GatewayEvent) -> bool:
    seen = subscription.last_payment_event_at
    return seen is not None and seen > event.created


def _note_event(subscription: Subscription, event: GatewayEvent) -> None:
    if not _newer_event_applied(subscription, event):
        subscription.last_payment_event_at = event.created


async def _subscription(session: AsyncSession, invoice: Invoice) -> Subscription | None:
    return await session.get(Subscription, invoice.subscription_id) if invoice.subscription_id else None


async def _succeeded(session: AsyncSession, invoice: Invoice, event: GatewayEvent) -> str:
    """Money received is always booked on an open invoice, however late the event arrives."""
    if invoice.status is not InvoiceStatus.OPEN:
        return "ignored"
    await settle(session, invoice, str(event.data.get("charge") or invoice.payment_reference or event.id),
                 event.created)
    subscription = await _subscription(session, invoice)
    if subscription is not None:
        _note_event(subscription, event)
    return "applied"


async def _failed(session: AsyncSession, invoice: Invoice, event: GatewayEvent) -> str:
    subscription = await _subscription(session, invoice)
    if invoice.status is not InvoiceStatus.OPEN or subscription is None or _newer_event_applied(subscription, event):
        return "ignored"
    _note_event(subscription, event)
    # A failed purchase grants nothing and takes nothing away: it waits for another payment until it lapses.
    if invoice.grants_tier_id is None and subscription.status is SubscriptionStatus.ACTIVE:
        subscription.status = SubscriptionStatus.PAST_DUE
    return "applied"
