"""Queries of the admin pages: for the dashboard, rows counted per UTC day or month (GROUP BY in SQL, one query per
series, the same on SQLite and PostgreSQL), paid revenue per period and currency, and counts of rows now; for the
management of accounts, organisations and their members, the log of account actions, and suspension itself."""

from collections.abc import Collection
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import ColumnElement, String, func, literal_column, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.repository import Page, paginate
from app.models import AccountAction, Invoice, Organization, User
from app.models.enums import MEMBERSHIP_INVOICE_PURPOSES, InvoiceStatus, MemberRole

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
        .where(Invoice.status == InvoiceStatus.PAID, Invoice.purpose.in_(MEMBERSHIP_INVOICE_PURPOSES),
               Invoice.paid_at >= since)
        .group_by(Invoice.currency, label))
    found: dict[str, dict[str, Decimal]] = {}
    for currency, name, total in rows:
        found.setdefault(str(currency), {})[str(name)] = Decimal(total)
    return found


async def count(session: AsyncSession, model: Any, *conditions: Any) -> int:
    """How many rows of `model` meet every condition now."""
    return await session.scalar(select(func.count()).select_from(model).where(*conditions)) or 0


# Organisations and users, for their management (suspend, reactivate).

async def organizations_page(session: AsyncSession, q: str, page: int, per_page: int) -> Page[Organization]:
    """Organisations by name, those whose name or slug has `q` or whose country is `q` when it is given."""
    statement = select(Organization).order_by(Organization.name, Organization.id)
    if q:
        statement = statement.where(or_(Organization.name.icontains(q, autoescape=True),
                                        Organization.slug.icontains(q, autoescape=True),
                                        Organization.country == q.upper()))
    found: Page[Organization] = await paginate(session, statement, page, per_page)
    return found


async def member_counts(session: AsyncSession, organization_ids: Collection[int]) -> dict[int, int]:
    """How many users each organisation has, in one query; none is 0."""
    rows = await session.execute(select(User.organization_id, func.count()).where(
        User.organization_id.in_(set(organization_ids))).group_by(User.organization_id))
    return {**dict.fromkeys(organization_ids, 0), **{int(key): int(value) for key, value in rows}}


async def organization_by_slug(session: AsyncSession, slug: str) -> Organization | None:
    return await session.scalar(select(Organization).where(Organization.slug == slug))


async def members(session: AsyncSession, organization_id: int) -> list[User]:
    """The organisation's users, owners first, then in the order they joined."""
    rows = await session.scalars(select(User).where(User.organization_id == organization_id)
                                 .order_by(User.member_role != MemberRole.OWNER, User.id))
    return list(rows)


async def account_actions(session: AsyncSession, organization_id: int, limit: int) -> list[AccountAction]:
    """The organisation's log (about it or one of its users), newest first."""
    rows = await session.scalars(select(AccountAction).where(AccountAction.organization_id == organization_id)
                                 .order_by(AccountAction.created_at.desc(), AccountAction.id.desc()).limit(limit))
    return list(rows)


async def user_names(session: AsyncSession, user_ids: Collection[int]) -> dict[int, str]:
    rows = await session.execute(select(User.id, User.name).where(User.id.in_(set(user_ids))))
    return {int(user_id): str(name) for user_id, name in rows}


async def set_suspended(session: AsyncSession, model: type[Organization] | type[User], row_id: int,
                        suspended_at: datetime | None) -> bool:
    """Suspends (a time) or reactivates (None) the row, only when it is not so already: one conditional UPDATE, so
    of two admins deciding at once exactly one succeeds. Whether this call changed it."""
    current = model.suspended_at.is_(None) if suspended_at is not None else model.suspended_at.is_not(None)
    result = await session.execute(update(model).where(model.id == row_id, current)
                                   .values(suspended_at=suspended_at).execution_options(synchronize_session="fetch"))
    return bool(getattr(result, "rowcount", 0))
