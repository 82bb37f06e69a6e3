"""The service's one clock: every rule that depends on the time of day (periods, limits per day or month, validity
windows, signed timestamps) reads it here, never the machine's clock directly.

In production it is the machine's clock. The test suite can move it (`pytest --clock=2027-12-31T23:59`) to prove
the rules hold across year ends and leap days without touching the machine's clock; time then keeps running from
the chosen moment. The shift is process-wide on purpose: the live server of the browser tests runs in another
thread and must see the same time as the test that drives it.
"""

from datetime import UTC, date, datetime, timedelta

_offset = timedelta(0)


def utcnow() -> datetime:
    return datetime.now(UTC) + _offset


def today() -> date:
    """Today in UTC, the day by which daily limits, validity dates and billing periods are counted."""
    return utcnow().date()


def unix_time() -> float:
    return utcnow().timestamp()


def day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def shift_to(moment: datetime) -> None:
    """Makes the clock read `moment` now and run on from there (tests only)."""
    if moment.tzinfo is None:
        raise ValueError("give the moment with its time zone, e.g. 2027-12-31T23:59+00:00")
    set_offset(moment - datetime.now(UTC))


def offset() -> timedelta:
    return _offset


def set_offset(value: timedelta) -> None:
    global _offset
    _offset = value
