"""Queries of exchange rates."""

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.currency import Pair
from app.models import FxRate


async def latest_rates(session: AsyncSession, on: date) -> dict[Pair, Decimal]:
    """For every pair, the rate of the latest day on or before `on`."""
    latest = (select(FxRate.base, FxRate.quote, func.max(FxRate.as_of).label("as_of"))
              .where(FxRate.as_of <= on).group_by(FxRate.base, FxRate.quote).subquery())
    rows = await session.execute(
        select(FxRate.base, FxRate.quote, FxRate.rate)
        .join(latest, (FxRate.base == latest.c.base) & (FxRate.quote == latest.c.quote)
              & (FxRate.as_of == latest.c.as_of))
    )
    return {(base, quote): rate for base, quote, rate in rows}


async def stored_rate(session: AsyncSession, base: str, quote: str, as_of: date) -> FxRate | None:
    return await session.scalar(select(FxRate).where(FxRate.base == base, FxRate.quote == quote,
                                                     FxRate.as_of == as_of))
