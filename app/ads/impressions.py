"""Impressions are counted in memory and written in batches: a search with ads does not write a row, and the
counts reach the database at most every FLUSH_EVERY (one statement for the lot). A crash loses a few seconds of
counts; impressions are never charged, only clicks are."""

import time
from collections import Counter
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.ads import repository

FLUSH_EVERY = 5.0
"""Seconds between writes of the counts."""


class ImpressionBatch:
    def __init__(self) -> None:
        self.counts: Counter[tuple[date, int, int]] = Counter()
        self.flushed_at = time.monotonic()

    def add(self, day: date, shown: list[tuple[int, int]]) -> None:
        """Counts one showing of each (keyword id, position)."""
        self.counts.update((day, keyword_id, position) for keyword_id, position in shown)

    def due(self) -> bool:
        return bool(self.counts) and time.monotonic() - self.flushed_at >= FLUSH_EVERY

    async def flush(self, session: AsyncSession) -> None:
        """Writes what was counted in the caller's transaction."""
        taken, self.counts, self.flushed_at = self.counts, Counter(), time.monotonic()
        by_day: dict[date, dict[tuple[int, int], int]] = {}
        for (day, keyword_id, position), count in taken.items():
            by_day.setdefault(day, {})[(keyword_id, position)] = count
        for day, counts in by_day.items():
            await repository.add_impressions(session, day, counts)


PENDING = ImpressionBatch()
"""This process's counts not written yet."""
