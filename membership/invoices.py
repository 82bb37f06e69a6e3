"""Invoices: numbered per year without gaps, with line items; open -> paid or void.

Numbering: the counter row of the year is incremented with one UPDATE ... RETURNING inside the issuing
transaction. On PostgreSQL the row lock makes a concurrent issuer wait until this transaction ends; a rollback
undoes the increment with the invoice, so no number is ever skipped. SQLite has a single writer.

Changing an invoice's state (paying, voiding) first takes `lock`: its subscription's row, then its own. The billing
run locks subscriptions first too, so no two writers ever wait on each other in a circle.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.core.clock import utcnow
from app.core.errors import conflict, not_found
from app.models import Invoice, InvoiceCounter, InvoiceLine, Organization, Subscription
from app.models.enums import InvoicePurpose, InvoiceStatus, PaymentProviderName
from membership.money import round_money


@dataclass(frozen=True)
class Payer:
    """Who an invoice bills and how it is paid: a subscription's organisation, or one buying something else (ad
    credit) with a provider of its choice."""

    organization_id: int
    provider: PaymentProviderName
    subscription_id: int | None = None

    @classmethod
    def of(cls, subscription: Subscription) -> "Payer":
        return cls(subscription.organization_id, subscription.provider, subscription.id)


@dataclass(frozen=True)
class Line:
    description: str
    unit_amount: Decimal
    quantity: int = 1


async def next_number(session: AsyncSession, year: int) -> int:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    await session.execute(insert(InvoiceCounter).values(year=year, last_number=0).on_conflict_do_nothing())
    bump = (update(InvoiceCounter).where(InvoiceCounter.year == year)
            .values(last_number=InvoiceCounter.last_number + 1).returning(InvoiceCounter.last_number))
    return int((await session.execute(bump)).scalar_one())


def format_number(year: int, sequence: int) -> str:
    return f"{year}-{sequence:06d}"


async def _bill_to(session: AsyncSession, organization_id: int) -> str:
    organization = await session.get(Organization, organization_id)
    if organization is None:
        raise not_found("Organization")
    return f"{organization.name}\n{organization.city or ''} {organization.country}".strip()


async def issue(
    session: AsyncSession, payer: Payer, purpose: InvoicePurpose, lines: list[Line],
    currency: str, period: tuple[date, date] | None, due_in_days: int, now: datetime | None = None,
) -> Invoice:
    """Adds an open invoice with its lines; amounts are rounded per line (ROUND_HALF_UP to the minor unit)."""
    now = now or utcnow()
    sequence = await next_number(session, now.year)
    amounts = [round_money(line.unit_amount * line.quantity, currency) for line in lines]
    invoice = Invoice(
        number=format_number(now.year, sequence), year=now.year, sequence=sequence,
        organization_id=payer.organization_id, subscription_id=payer.subscription_id, purpose=purpose,
        status=InvoiceStatus.OPEN, provider=payer.provider, currency=currency,
        total=sum(amounts, round_money(Decimal(0), currency)),
        period_start=period[0] if period else None, period_end=period[1] if period else None,
        issued_at=now, due_on=now.date() + timedelta(days=due_in_days), reminders_sent=0,
        bill_to=await _bill_to(session, payer.organization_id),
    )
    session.add(invoice)
    await session.flush()
    session.add_all(InvoiceLine(invoice_id=invoice.id, description=line.description, quantity=line.quantity,
                                unit_amount=line.unit_amount, amount=amount)
                    for line, amount in zip(lines, amounts, strict=True))
    await session.flush()
    return invoice


async def get_invoice(session: AsyncSession, invoice_id: int) -> Invoice:
    invoice = await session.scalar(
        select(Invoice).where(Invoice.id == invoice_id).options(selectinload(Invoice.lines))
    )
    if invoice is None:
        raise not_found("Invoice")
    return invoice


async def invoice_by_number(session: AsyncSession, number: str) -> Invoice | None:
    return await session.scalar(select(Invoice).where(Invoice.number == number))


async def open_invoices_of(session: AsyncSession, subscription_id: int) -> list[Invoice]:
    return list(await session.scalars(select(Invoice).where(
        Invoice.subscription_id == subscription_id, Invoice.status == InvoiceStatus.OPEN,
    ).order_by(Invoice.id)))


async def open_dues_of(session: AsyncSession, subscription_id: int) -> list[Invoice]:
    """Open invoices for a plan already granted (renewals); unpaid purchases are not dues: they grant nothing yet."""
    return [invoice for invoice in await open_invoices_of(session, subscription_id) if invoice.grants_tier_id is None]


def mark_paid(invoice: Invoice, reference: str | None, paid_at: datetime | None = None) -> bool:
    """True when this call paid it; paying a paid invoice again changes nothing; a void one cannot be paid."""
    if invoice.status is InvoiceStatus.PAID:
        return False
    if invoice.status is InvoiceStatus.VOID:
        raise conflict(f"Invoice {invoice.number} is void and cannot be paid", code="invoice_void")
    invoice.status = InvoiceStatus.PAID
    invoice.paid_at = paid_at or utcnow()
    invoice.payment_reference = reference
    return True


async def lock(session: AsyncSession, invoice: Invoice) -> None:
    """Holds the invoice's subscription row, then the invoice's row, until the transaction ends, and reloads them:
    of writers arriving at once (payments, voids, the billing run), each sees what the one before it did
    (PostgreSQL; SQLite has a single writer)."""
    if invoice.subscription_id is not None:
        await session.execute(select(Subscription).where(Subscription.id == invoice.subscription_id)
                              .with_for_update().execution_options(populate_existing=True))
    await session.execute(select(Invoice).where(Invoice.id == invoice.id).with_for_update()
                          .execution_options(populate_existing=True))


async def void(session: AsyncSession, invoice: Invoice, now: datetime | None = None) -> None:
    """An open invoice is void from now; a paid one cannot be (a payment that arrived first wins)."""
    await lock(session, invoice)
    if invoice.status is InvoiceStatus.PAID:
        raise conflict(f"Invoice {invoice.number} is paid and cannot be voided", code="invoice_paid")
    if invoice.status is InvoiceStatus.OPEN:
        invoice.status = InvoiceStatus.VOID
        invoice.voided_at = now or utcnow()
