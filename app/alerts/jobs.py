"""The alerts queue: one alert_jobs row per event, written in the transaction of the change that caused it, so an
alert is never lost to a crash and never sent for a change that rolled back."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import AlertJob
from app.models.enums import AlertEvent
from app.outbox import queue_after_commit_work


def enqueue_alert(session: AsyncSession, event: AlertEvent, subject_id: int) -> None:
    session.add(AlertJob(event=event, subject_id=subject_id))
    queue_after_commit_work(session)
