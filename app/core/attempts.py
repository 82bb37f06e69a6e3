"""Durable work rows (outbox events, alert jobs, outgoing e-mails) fail the same way: the attempt is counted, the
error kept, and the row parked after too many attempts so that it stops blocking the rest."""

from datetime import datetime
from typing import Protocol

MAX_ERROR_LENGTH = 2000


class Attempted(Protocol):
    attempts: int
    last_error: str | None
    parked_at: datetime | None


def error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def count_failure(row: Attempted, error: str, max_attempts: int, now: datetime) -> bool:
    """Counts a failed attempt; True when the row is parked by it."""
    row.attempts += 1
    row.last_error = error[:MAX_ERROR_LENGTH]
    if row.attempts < max_attempts:
        return False
    row.parked_at = now
    return True
