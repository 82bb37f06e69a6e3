"""Loading exchange rates: each (base, quote, day) is stored once; loading it again replaces the rate."""

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, require_admin
from app.core.errors import AppError
from app.fx.csv_file import parse_rates_file
from app.fx.repository import stored_rates
from app.fx.schemas import FxRateIn
from app.models import FxRate


async def load_rates(session: AsyncSession, rows: list[FxRateIn]) -> list[FxRate]:
    existing = await stored_rates(session, {row.base for row in rows}, {row.as_of for row in rows})
    stored: list[FxRate] = []
    for row in rows:
        rate = existing.get((row.base, row.quote, row.as_of))
        if rate is None:
            rate = existing[(row.base, row.quote, row.as_of)] = FxRate(base=row.base, quote=row.quote,
                                                                        as_of=row.as_of, rate=row.rate)
            session.add(rate)
        else:
            rate.rate = row.rate
        stored.append(rate)
    await session.flush()
    return stored


async def admin_load_rates(session: AsyncSession, viewer: Viewer | None, rows: list[FxRateIn]) -> list[FxRate]:
    require_admin(viewer)
    return await load_rates(session, rows)


async def load_rates_file(session: AsyncSession, path: Path) -> list[FxRate]:
    """Every rate of a CSV file (see app.fx.csv_file), or none when a row is bad."""
    parsed = parse_rates_file(path)
    if parsed.errors:
        raise AppError(f"{path.name}: {'; '.join(parsed.errors)}", code="bad_rates_file")
    return await load_rates(session, parsed.rows)
