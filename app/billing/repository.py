"""Queries of billing: an organization's invoices, every subscription and every open invoice with its
organization's name."""

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.repository import Page
from app.models import Invoice, Organization, Subscription
from app.models.enums import InvoiceStatus
from membership import reports


def invoices_of(organization_id: int) -> Select[Any]:
    """The organization's invoices, latest first."""
    return (select(Invoice).where(Invoice.organization_id == organization_id)
            .order_by(Invoice.issued_at.desc(), Invoice.id.desc()))


async def subscription_rows(session: AsyncSession, page: int, per_page: int) -> Page[Any]:
    """Rows of (subscription, organization name); `paginate` yields the first column only."""
    total = await session.scalar(select(func.count()).select_from(Subscription))
    rows = await session.execute(reports.subscriptions_query().limit(per_page).offset((page - 1) * per_page))
    return Page(items=[tuple(row) for row in rows], total=total or 0, page=page, per_page=per_page)


async def open_invoice_rows(session: AsyncSession, page: int, per_page: int) -> Page[Any]:
    """Rows of (open invoice, organization name), the earliest due first."""
    is_open = Invoice.status == InvoiceStatus.OPEN
    total = await session.scalar(select(func.count()).select_from(Invoice).where(is_open))
    rows = await session.execute(
        select(Invoice, Organization.name).join(Organization, Organization.id == Invoice.organization_id)
        .where(is_open).order_by(Invoice.due_on, Invoice.id).limit(per_page).offset((page - 1) * per_page))
    return Page(items=[tuple(row) for row in rows], total=total or 0, page=page, per_page=per_page)
