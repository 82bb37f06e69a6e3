"""The alerts queue: one alert_jobs row per event, written in the transaction of the change that caused it, so an
alert is never lost to a crash and never sent for a change that rolled back."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import AlertJob
from app.models.enums import AlertEvent
from app.outbox import OUTBOX_WRITTEN


def enqueue_alert(session: AsyncSession, event: AlertEvent, subject_id: int) -> None:
    session.add(AlertJob(event=event, subject_id=subject_id))
    # Durable work to do after commit: the request boundary runs the after-commit hook (the embedded default).
    session.info[OUTBOX_WRITTEN] = True
