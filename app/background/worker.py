"""The `tradeleads worker` loop: drain the search outbox, then the further work that reads the index (alerts,
webhooks), back off after failures, poll when idle. Several workers may run at once on PostgreSQL: every drain
claims its rows with FOR UPDATE SKIP LOCKED."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from search.backend import SearchBackend
from search.errors import SearchUnavailable
from search.indexer import DrainReport, Sessions, drain_all

logger = logging.getLogger(__name__)


@dataclass
class Backoff:
    """Waits 0.5 s, 1 s, 2 s, ... up to `ceiling` after consecutive failures; back to nothing on success."""

    base: float = 0.5
    ceiling: float = 30.0
    failures: int = 0

    def next_delay(self, failed: bool) -> float:
        self.failures = self.failures + 1 if failed else 0
        return min(self.ceiling, self.base * 2 ** (self.failures - 1)) if failed else 0.0


async def run_worker(sessions: Sessions, backend: SearchBackend, *, batch_size: int, worker: str,
                     max_attempts: int, poll_seconds: float = 1.0, once: bool = False,
                     after_drain: Callable[[], Awaitable[None]] | None = None) -> DrainReport:
    """Drain, back off after failures, poll when idle; `once` stops when idle. `after_drain` is the further work
    that reads the index (alerts), run after each drain; it handles its own failures."""
    backoff = Backoff()
    total = DrainReport()
    while True:
        try:
            report = await drain_all(sessions, backend, batch_size=batch_size, worker=worker,
                                     max_attempts=max_attempts)
        except SearchUnavailable as exc:
            logger.warning("search engine unavailable, retrying: %s", exc)
            report, failed = DrainReport(), True
        else:
            failed = bool(report.failed)
        if after_drain is not None:
            await after_drain()
        total.processed += report.processed
        total.failed += report.failed
        total.parked += report.parked
        delay = backoff.next_delay(failed)
        if once and (not failed or backoff.failures > 3):
            return total
        await asyncio.sleep(delay or poll_seconds)
