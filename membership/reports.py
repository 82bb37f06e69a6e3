"""What administrators look at: every subscription, and revenue (paid invoices) per month and currency."""

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, extract, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Invoice, Organization, Subscription
from app.models.enums import MEMBERSHIP_INVOICE_PURPOSES, InvoiceStatus
from membership.money import round_money


@dataclass(frozen=True)
class RevenueMonth:
    year: int
    month: int
    currency: str
    total: Decimal
    invoices: int

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"


def subscriptions_query() -> Select[Subscription, str]:
    """(Subscription, organization name), the next period end first."""
    return (select(Subscription, Organization.name)
            .join(Organization, Organization.id == Subscription.organization_id)
            .order_by(Subscription.current_period_end, Subscription.id))


async def revenue_by_month(session: AsyncSession) -> list[RevenueMonth]:
    """Paid invoices grouped by the month they were paid (UTC), newest month first."""
    year = extract("year", Invoice.paid_at)
    month = extract("month", Invoice.paid_at)
    rows = await session.execute(
        select(year, month, Invoice.currency, func.sum(Invoice.total), func.count())
        .where(Invoice.status == InvoiceStatus.PAID, Invoice.purpose.in_(MEMBERSHIP_INVOICE_PURPOSES))
        .group_by(year, month, Invoice.currency)
        .order_by(year.desc(), month.desc(), Invoice.currency)
    )
    return [RevenueMonth(int(y), int(m), currency, round_money(Decimal(total), currency), int(count))
            for y, m, currency, total, count in rows]
