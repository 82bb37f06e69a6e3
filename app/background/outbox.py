"""Durable work written in the caller's transaction: a change for the search indexer (the transactional outbox) or
an alert job. The row is the marker that survives a crash; the session is flagged so that the request boundary
runs the after-commit steps once it has committed (app.background.after_commit)."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import AlertJob, OutboxEvent
from app.models.enums import AlertEvent, EntityType, OutboxOperation

# Set on a session that wrote durable work (outbox, alert jobs, e-mails), so the request boundary runs the
# after-commit steps.
WORK_QUEUED = "tradeleads.work_queued"


def record_change(
    session: AsyncSession, entity_type: EntityType, entity_id: int,
    operation: OutboxOperation = OutboxOperation.UPSERT,
) -> None:
    session.add(OutboxEvent(entity_type=entity_type, entity_id=entity_id, operation=operation))
    queue_after_commit_work(session)


def enqueue_alert(session: AsyncSession, event: AlertEvent, subject_id: int) -> None:
    """One alert_jobs row per event, so an alert is never lost to a crash and never sent for a change that rolled
    back."""
    session.add(AlertJob(event=event, subject_id=subject_id))
    queue_after_commit_work(session)


def queue_after_commit_work(session: AsyncSession) -> None:
    """The session wrote durable work: the request boundary runs the after-commit steps once it commits."""
    session.info[WORK_QUEUED] = True


def take_queued_work_flag(session: AsyncSession) -> bool:
    return bool(session.info.pop(WORK_QUEUED, False))
