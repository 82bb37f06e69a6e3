"""The columns of durable work rows: a row written in the same transaction as its cause and worked off later by a
drain, which retries it after a failure. Four tables are such rows, and they share these columns exactly as the
migrations created them (same types, nullability and defaults):

  DurableJob   attempts, last_error                      outbox, alert_jobs, outgoing_emails, webhook_deliveries
  ParkableJob  + parked_at (count_failure parks the row)  outbox, alert_jobs, outgoing_emails
  ClaimedJob   + processed_at, claimed_by (claim_batch)   outbox, alert_jobs

What they do not share stays on the table: outgoing_emails marks `sent_at` and webhook_deliveries `delivered_at`
where the two others mark `processed_at`; `next_attempt_at` is nullable on outgoing_emails (no wait before the
first try) but required on webhook_deliveries (its due time, also moved forward as a lease while sending); only
webhook_deliveries keeps `last_status`. The claim and failure helpers are app.core.jobs and app.core.attempts."""

from datetime import datetime

from sqlalchemy import ColumnElement, String, Text
from sqlalchemy.orm import Mapped, mapped_column


class DurableJob:
    """Counted attempts and the last failure's text."""

    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)


class ParkableJob(DurableJob):
    """Parked (set aside, no longer tried) after too many failed attempts."""

    parked_at: Mapped[datetime | None]


class ClaimedJob(ParkableJob):
    """Claimed by one worker at a time (app.core.jobs.claim_batch), done once processed."""

    processed_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(64))

    @classmethod
    def pending(cls) -> list[ColumnElement[bool]]:
        """Neither processed nor parked: still to be worked off."""
        return [cls.processed_at.is_(None), cls.parked_at.is_(None)]
