"""Invoice numbers: sequential per year without gaps, also when issuers roll back or run at the same time; and
one invoice per subscription period, enforced by the database."""

import asyncio
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.db import is_sqlite
from app.models import Invoice, Subscription
from app.models.enums import InvoicePurpose
from membership import invoices
from tests.support.membership import new_organization, put_on_tier

NEW_YEAR = datetime(2027, 1, 1, 0, 5, tzinfo=UTC)
LINE = [invoices.Line("Silver membership", Decimal("49"))]


async def _subscription(app: FastAPI) -> int:
    async with app.state.sessionmaker() as session:
        organization_id = await new_organization(session)
        subscription = await put_on_tier(session, organization_id, "silver")
        await session.commit()
        assert subscription is not None
        return subscription.id


async def _issue(app: FastAPI, subscription_id: int, when: datetime, roll_back: bool = False) -> str:
    async with app.state.sessionmaker() as session:
        subscription = await session.get(Subscription, subscription_id)
        assert subscription is not None
        invoice = await invoices.issue(session, invoices.Payer.of(subscription), InvoicePurpose.UPGRADE, LINE, "USD",
                                       None, 0, when)
        await (session.rollback() if roll_back else session.commit())
        return invoice.number


async def _numbers(db: AsyncSession) -> list[str]:
    numbers = list(await db.scalars(select(Invoice.number).order_by(Invoice.year, Invoice.sequence)))
    await db.rollback()
    return numbers


async def test_numbers_restart_each_year_and_a_rolled_back_invoice_leaves_no_gap(app: FastAPI,
                                                                                 db: AsyncSession) -> None:
    subscription_id = await _subscription(app)
    december = datetime(2026, 12, 31, 23, 55, tzinfo=UTC)

    issued = [await _issue(app, subscription_id, december), await _issue(app, subscription_id, december),
              await _issue(app, subscription_id, december, roll_back=True),
              await _issue(app, subscription_id, december), await _issue(app, subscription_id, NEW_YEAR)]

    assert issued == ["2026-000001", "2026-000002", "2026-000003", "2026-000003", "2027-000001"]
    assert await _numbers(db) == ["2026-000001", "2026-000002", "2026-000003", "2027-000001"]


@pytest.mark.postgres_only
async def test_concurrent_issuers_get_consecutive_numbers(app: FastAPI, settings: Settings,
                                                          db: AsyncSession) -> None:
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    subscription_id = await _subscription(app)

    await asyncio.gather(*(_issue(app, subscription_id, NEW_YEAR, roll_back=n % 3 == 0) for n in range(12)))

    assert await _numbers(db) == [f"2027-{n:06d}" for n in range(1, 9)]


async def test_the_database_refuses_a_second_invoice_for_one_period(app: FastAPI, db: AsyncSession) -> None:
    subscription_id = await _subscription(app)
    subscription = await db.get(Subscription, subscription_id)
    assert subscription is not None
    period = (date(2027, 1, 1), date(2027, 2, 1))
    await invoices.issue(db, invoices.Payer.of(subscription), InvoicePurpose.RENEWAL, LINE, "USD", period, 0,
                         NEW_YEAR)

    with pytest.raises(IntegrityError):
        await invoices.issue(db, invoices.Payer.of(subscription), InvoicePurpose.RENEWAL, LINE, "USD", period, 0,
                         NEW_YEAR)
    await db.rollback()
