"""Works off the alerts queue (the `tradeleads worker` loop, or after commit on the embedded default).

A batch is claimed in one transaction (FOR UPDATE SKIP LOCKED on PostgreSQL, so workers never share a job); a job
waits while its subject still has unindexed outbox rows, because matching reads the index. Each job runs in a
savepoint: its alerts and its processed mark commit together, a failing job counts an attempt (parked after
`max_attempts`) without undoing the others, and an unreachable search engine aborts the batch uncounted."""

import logging
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.alerts import repository
from app.alerts.delivery import deliver
from app.alerts.matches import listing_published_alerts, rfq_opened_alerts
from app.alerts.saved_search_matches import register_pending, saved_search_alerts
from app.alerts.types import Alert
from app.core.attempts import count_failure, error_text
from app.core.clock import utcnow
from app.core.config import Settings
from app.models import AlertJob
from app.models.enums import AlertEvent
from search.backend import SearchBackend
from search.errors import SearchUnavailable

logger = logging.getLogger(__name__)
Sessions = async_sessionmaker[AsyncSession]


@dataclass(frozen=True)
class AlertSettings:
    rfq_top_suppliers: int = 10
    listing_min_score: float | None = None
    max_attempts: int = 5

    @classmethod
    def from_settings(cls, settings: Settings) -> "AlertSettings":
        return cls(settings.alerts_rfq_top_suppliers, settings.alerts_listing_min_score,
                   settings.alerts_max_attempts)


@dataclass
class AlertReport:
    processed: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    parked: list[int] = field(default_factory=list)
    alerted: int = 0

    def add(self, other: "AlertReport") -> None:
        self.processed += other.processed
        self.failed += other.failed
        self.parked += other.parked
        self.alerted += other.alerted


async def alerts_for(session: AsyncSession, backend: SearchBackend, job: AlertJob,
                     options: AlertSettings) -> list[Alert]:
    if job.event == AlertEvent.RFQ_OPENED:
        return await rfq_opened_alerts(session, backend, job.subject_id, options.rfq_top_suppliers)
    return [*await listing_published_alerts(session, backend, job.subject_id, options.rfq_top_suppliers,
                                            options.listing_min_score),
            *await saved_search_alerts(session, backend, job.subject_id)]


async def _run_job(session: AsyncSession, backend: SearchBackend, job: AlertJob, options: AlertSettings,
                   report: AlertReport) -> None:
    try:
        async with session.begin_nested():
            for alert in await alerts_for(session, backend, job, options):
                report.alerted += await deliver(session, alert)
            job.processed_at, job.last_error = utcnow(), None
        report.processed.append(job.id)
    except SearchUnavailable:
        raise
    except Exception as exc:
        logger.exception("alert job %s failed", job.id)
        report.failed.append(job.id)
        if count_failure(job, error_text(exc), options.max_attempts, utcnow()):
            report.parked.append(job.id)


async def drain_once(sessions: Sessions, backend: SearchBackend, options: AlertSettings, *, batch_size: int = 20,
                     worker: str = "worker") -> tuple[AlertReport, int]:
    """One batch; returns the report and how many jobs were claimed. Raises SearchUnavailable (nothing marked)."""
    report = AlertReport()
    async with sessions() as session, session.begin():
        await register_pending(session, backend)
        jobs = await repository.claim_jobs(session, batch_size, worker)
        for job in jobs:
            await _run_job(session, backend, job, options, report)
    return report, len(jobs)


async def drain_alerts(sessions: Sessions, backend: SearchBackend, options: AlertSettings, *,
                       batch_size: int = 20, worker: str = "worker", max_batches: int | None = None) -> AlertReport:
    """Batches until no job is ready (or one failed: retries are spaced by the caller's polling)."""
    total = AlertReport()
    batches = 0
    while max_batches is None or batches < max_batches:
        report, claimed = await drain_once(sessions, backend, options, batch_size=batch_size, worker=worker)
        total.add(report)
        batches += 1
        if claimed < batch_size or report.failed:
            break
    return total
