"""The click-through rate of each sponsored position over every ad, read at most once a minute per database: it
moves slowly, and reading it sums a month of every keyword's impressions, which a search should not pay for."""

import time
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app.ads import repository
from app.core import clock
from promotion import quality

TTL_SECONDS = 60.0


class PositionPriors:
    def __init__(self) -> None:
        self.read: dict[str, tuple[float, dict[int, float]]] = {}

    async def ctrs(self, session: AsyncSession) -> dict[int, float]:
        database = str(session.get_bind().engine.url)
        kept = self.read.get(database)
        if kept is not None and time.monotonic() - kept[0] < TTL_SECONDS:
            return kept[1]
        since = clock.today() - timedelta(days=repository.STATS_DAYS)
        ctrs = quality.position_ctrs(await repository.position_totals(session, since))
        self.read[database] = (time.monotonic(), ctrs)
        return ctrs


PRIORS = PositionPriors()
