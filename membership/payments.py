"""Payments arriving: an administrator marking a bank transfer paid, or card-gateway webhook events.

Exactly one payment pays an invoice: each locks the invoice first (membership.invoices.lock), and every other payment
for a paid (or void) invoice is kept as a refund due, once per payment, listed for administrators until they record
the refund.

Webhook events are stored by (provider, event id) under a unique constraint before they act, so an event delivered
any number of times changes state once. Events carry their creation time; a failure older than the newest payment
event already applied to the subscription never sets it back (out-of-order delivery)."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import utcnow
from app.models import Invoice, PaymentEvent, RefundDue, Subscription
from app.models.enums import InvoicePurpose, InvoiceStatus, PaymentProviderName, SubscriptionStatus
from membership import ad_credit, featured, invoices, purchases
from membership.providers.card_gateway import GatewayEvent

CHARGE_SUCCEEDED = "charge.succeeded"
CHARGE_FAILED = "charge.failed"


PAID, SAME_PAYMENT, REFUND_DUE = "paid", "same_payment", "refund_due"


async def settle(session: AsyncSession, invoice: Invoice, reference: str, paid_at: datetime | None = None, *,
                 provider: PaymentProviderName = PaymentProviderName.MANUAL, event_id: str | None = None) -> str:
    """Books a payment on the invoice: the first one pays it (a plan it bought takes effect; a past-due subscription
    with nothing else overdue is active again) and returns "paid"; the same payment reported again changes nothing
    ("same_payment"); any other payment of a paid invoice is money to give back, kept as a refund due
    ("refund_due"). A void invoice cannot be paid."""
    await invoices.lock(session, invoice)
    return await _book(session, invoice, reference, paid_at, provider, event_id)


async def _book(session: AsyncSession, invoice: Invoice, reference: str, paid_at: datetime | None,
                provider: PaymentProviderName, event_id: str | None) -> str:
    """`settle` once the invoice is locked."""
    if invoice.status is InvoiceStatus.PAID:
        if reference == invoice.payment_reference:
            return SAME_PAYMENT
        return await _refund_due(session, invoice, provider, reference, event_id)
    invoices.mark_paid(invoice, reference, paid_at)
    await session.flush()
    if invoice.purpose is InvoicePurpose.AD_TOP_UP:
        await ad_credit.credit(session, invoice)
    if invoice.purpose is InvoicePurpose.FEATURED_SUPPLIER:
        await featured.start(session, invoice)
    subscription = await _subscription(session, invoice)
    if subscription is None:
        return PAID
    purchases.grant(subscription, invoice, utcnow())
    if subscription.status is SubscriptionStatus.PAST_DUE and not await invoices.open_dues_of(session, subscription.id):
        subscription.status = SubscriptionStatus.ACTIVE
    await session.flush()
    return PAID


async def _refund_due(session: AsyncSession, invoice: Invoice, provider: PaymentProviderName, reference: str,
                      event_id: str | None) -> str:
    """Keeps the payment as money to give back, once per payment: the same charge reported again is
    "same_payment" (the invoice is locked, so the check holds; the unique index backs it)."""
    known = select(RefundDue.id).where(RefundDue.invoice_id == invoice.id, RefundDue.provider == provider,
                                       RefundDue.reference == reference)
    if await session.scalar(known) is not None:
        return SAME_PAYMENT
    session.add(RefundDue(invoice_id=invoice.id, provider=provider, reference=reference, event_id=event_id))
    await session.flush()
    return REFUND_DUE


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
    """Applies one card-gateway event; returns the outcome: applied, ignored, unknown_invoice, duplicate (the event
    or its charge seen before) or refund_due (a charge for an invoice already paid or void)."""
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
    """Money received is always booked: on an open invoice it pays it, however late the event arrives; on a paid
    or void invoice it is a refund due."""
    reference = str(event.data.get("charge") or event.id)
    provider = PaymentProviderName.CARD_GATEWAY
    await invoices.lock(session, invoice)
    if invoice.status is InvoiceStatus.VOID:
        booked = await _refund_due(session, invoice, provider, reference, event.id)
    else:
        booked = await _book(session, invoice, reference, event.created, provider, event.id)
    if booked != PAID:
        return "duplicate" if booked == SAME_PAYMENT else REFUND_DUE
    subscription = await _subscription(session, invoice)
    if subscription is not None:
        _note_event(subscription, event)
    return "applied"


async def _failed(session: AsyncSession, invoice: Invoice, event: GatewayEvent) -> str:
    await invoices.lock(session, invoice)
    subscription = await _subscription(session, invoice)
    if invoice.status is not InvoiceStatus.OPEN or subscription is None or _newer_event_applied(subscription, event):
        return "ignored"
    _note_event(subscription, event)
    # A failed purchase grants nothing and takes nothing away: it waits for another payment until it lapses.
    if invoice.grants_tier_id is None and subscription.status is SubscriptionStatus.ACTIVE:
        subscription.status = SubscriptionStatus.PAST_DUE
    return "applied"


async def refunds_of(session: AsyncSession, invoice_id: int) -> list[RefundDue]:
    return list(await session.scalars(select(RefundDue).where(RefundDue.invoice_id == invoice_id)
                                      .order_by(RefundDue.id)))


async def refunds_to_make(session: AsyncSession) -> list[tuple[RefundDue, Invoice]]:
    """Every refund not yet recorded as made, oldest first, with its invoice."""
    rows = await session.execute(select(RefundDue, Invoice).join(Invoice, Invoice.id == RefundDue.invoice_id)
                                 .where(RefundDue.refunded_at.is_(None)).order_by(RefundDue.id))
    return [(refund, invoice) for refund, invoice in rows]


async def record_refund(session: AsyncSession, refund_id: int, now: datetime) -> RefundDue | None:
    """Records that the money went back (once: a second call changes nothing); None for an unknown id."""
    refund = await session.get(RefundDue, refund_id)
    if refund is not None and refund.refunded_at is None:
        refund.refunded_at = now
        await session.flush()
    return refund
