"""Queries of the admin dashboard: rows counted per UTC day or month (GROUP BY in SQL, one query per series, the
same on SQLite and PostgreSQL), paid revenue per period and currency, and counts of rows now."""

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import ColumnElement, String, func, literal_column, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Invoice
from app.models.enums import InvoiceStatus

Period = Literal["day", "month"]
SQLITE_FORMATS: dict[Period, str] = {"day": "%Y-%m-%d", "month": "%Y-%m"}
POSTGRESQL_FORMATS: dict[Period, str] = {"day": "YYYY-MM-DD", "month": "YYYY-MM"}


def bucket(session: AsyncSession, column: Any, period: Period) -> ColumnElement[str]:
    """The UTC day ("2026-11-30") or month ("2026-11") of a UTCDateTime column, as text. SQLite stores the UTC
    time without zone; PostgreSQL's timestamptz is turned to UTC wall time first, whatever the session's zone."""
    if session.get_bind().dialect.name == "postgresql":
        # Constants written into the SQL, so the GROUP BY expression is the SELECT's whatever the driver's parameters.
        return func.to_char(func.timezone(literal_column("'UTC'"), column),
                            literal_column(f"'{POSTGRESQL_FORMATS[period]}'"), type_=String())
    return func.strftime(SQLITE_FORMATS[period], column, type_=String())


async def counts_by(session: AsyncSession, column: Any, period: Period, since: datetime) -> dict[str, int]:
    """How many rows have `column` at or after `since`, per day or month."""
    label = bucket(session, column, period).label("bucket")
    rows = await session.execute(select(label, func.count()).where(column >= since).group_by(label))
    return {str(name): int(count) for name, count in rows}


async def revenue_by(session: AsyncSession, period: Period, since: datetime) -> dict[str, dict[str, Decimal]]:
    """The totals of invoices paid at or after `since`, per currency, then per day or month of payment."""
    label = bucket(session, Invoice.paid_at, period).label("bucket")
    rows = await session.execute(
        select(Invoice.currency, label, func.sum(Invoice.total))
        .where(Invoice.status == InvoiceStatus.PAID, Invoice.paid_at >= since)
        .group_by(Invoice.currency, label))
    found: dict[str, dict[str, Decimal]] = {}
    for currency, name, total in rows:
        found.setdefault(str(currency), {})[str(name)] = Decimal(total)
    return found


async def count(session: AsyncSession, model: Any, *conditions: Any) -> int:
    """How many rows of `model` meet every condition now."""
    return await session.scalar(select(func.count()).select_from(model).where(*conditions)) or 0
