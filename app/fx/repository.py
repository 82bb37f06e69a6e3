"""Queries of exchange rates."""

from collections.abc import Collection
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.currency import Pair
from app.models import FxRate


async def latest_dated_rates(session: AsyncSession, on: date) -> dict[Pair, tuple[Decimal, date]]:
    """For every pair, the rate of the latest day on or before `on`, with that day."""
    latest = (select(FxRate.base, FxRate.quote, func.max(FxRate.as_of).label("as_of"))
              .where(FxRate.as_of <= on).group_by(FxRate.base, FxRate.quote).subquery())
    rows = await session.execute(
        select(FxRate.base, FxRate.quote, FxRate.rate, FxRate.as_of)
        .join(latest, (FxRate.base == latest.c.base) & (FxRate.quote == latest.c.quote)
              & (FxRate.as_of == latest.c.as_of))
    )
    return {(base, quote): (rate, as_of) for base, quote, rate, as_of in rows}


async def latest_rates(session: AsyncSession, on: date) -> dict[Pair, Decimal]:
    """For every pair, the rate of the latest day on or before `on`."""
    return {pair: rate for pair, (rate, _) in (await latest_dated_rates(session, on)).items()}


async def stored_rates(session: AsyncSession, bases: Collection[str],
                       days: Collection[date]) -> dict[tuple[str, str, date], FxRate]:
    """The stored rates of these base currencies on these days, by (base, quote, day), in one query."""
    rows = await session.scalars(select(FxRate).where(FxRate.base.in_(set(bases)), FxRate.as_of.in_(set(days))))
    return {(rate.base, rate.quote, rate.as_of): rate for rate in rows}
