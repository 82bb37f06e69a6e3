"""Records changes for the search indexer in the caller's transaction (the transactional outbox)."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import OutboxEvent
from app.models.enums import EntityType, OutboxOperation

# Set on a session that recorded changes, so the request boundary knows to run the after-commit indexing.
OUTBOX_WRITTEN = "tradeleads.outbox_written"


def record_change(
    session: AsyncSession, entity_type: EntityType, entity_id: int,
    operation: OutboxOperation = OutboxOperation.UPSERT,
) -> None:
    session.add(OutboxEvent(entity_type=entity_type, entity_id=entity_id, operation=operation))
    queue_after_commit_work(session)


def queue_after_commit_work(session: AsyncSession) -> None:
    """The session wrote durable work (outbox, alert jobs, e-mails): the request boundary runs the after-commit
    steps once it commits."""
    session.info[OUTBOX_WRITTEN] = True
