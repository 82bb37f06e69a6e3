"""Today and the start of a day, in UTC, as the RFQ rules count them."""

from datetime import UTC, date, datetime


def today() -> date:
    return datetime.now(UTC).date()


def day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
