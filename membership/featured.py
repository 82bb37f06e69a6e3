"""Featured-supplier placements (booth promotion), bought through billing: an invoice of purpose FEATURED_SUPPLIER
for 30 days in one HS chapter, paid like any other. The placement is waiting until its invoice is paid and live for
DAYS from that day, or from the end of the same supplier's placement in that chapter still running (a renewal adds
on). Paid once (payments lock the invoice first), so a replayed payment cannot start it twice."""

from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.config import Settings
from app.models import FeaturedPlacement, Invoice
from app.models.enums import InvoicePurpose, PaymentProviderName
from membership import invoices
from membership.providers import ask_for_payment
from membership.tiers import platform_currency

DAYS = 30
DUE_IN_DAYS = 14


def line(chapter: str) -> str:
    return f"Featured supplier, HS chapter {chapter}, {DAYS} days"


async def buy(session: AsyncSession, settings: Settings, organization_id: int, chapter: str,
              provider: PaymentProviderName, now: datetime | None = None) -> tuple[Invoice, FeaturedPlacement]:
    """An open invoice for a placement in `chapter`, and the placement waiting for it."""
    invoice = await invoices.issue(session, invoices.Payer(organization_id, provider),
                                   InvoicePurpose.FEATURED_SUPPLIER,
                                   [invoices.Line(line(chapter), settings.ads_featured_price)],
                                   await platform_currency(session), None, DUE_IN_DAYS, now)
    placement = FeaturedPlacement(organization_id=organization_id, chapter=chapter, invoice_id=invoice.id)
    session.add(placement)
    await ask_for_payment(invoice, settings)
    await session.flush()
    return invoice, placement


async def start(session: AsyncSession, invoice: Invoice) -> None:
    """Makes the invoice's placement live (payments call it when the invoice becomes paid)."""
    placement = await session.scalar(select(FeaturedPlacement).where(FeaturedPlacement.invoice_id == invoice.id))
    if placement is None or placement.starts_on is not None:
        return
    paid_on = (invoice.paid_at or clock.utcnow()).date()
    running_until = await session.scalar(select(func.max(FeaturedPlacement.ends_on)).where(
        FeaturedPlacement.organization_id == placement.organization_id, FeaturedPlacement.chapter == placement.chapter,
        FeaturedPlacement.ends_on > paid_on))
    placement.starts_on = running_until or paid_on
    placement.ends_on = placement.starts_on + timedelta(days=DAYS)
    await session.flush()


def live(placement: FeaturedPlacement, today: date) -> bool:
    return placement.starts_on is not None and placement.ends_on is not None and \
        placement.starts_on <= today < placement.ends_on
