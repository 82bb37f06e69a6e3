"""Checks of the timestamps the API returns."""

from datetime import datetime, timedelta

from app.core import clock


def parse_utc(text: str) -> datetime:
    assert text.endswith("Z"), text
    return datetime.fromisoformat(text)


def assert_recent(text: str) -> datetime:
    """An ISO 8601 UTC timestamp ("...Z") from the last minute."""
    moment = parse_utc(text)
    assert timedelta(0) <= clock.utcnow() - moment < timedelta(minutes=1), text
    return moment
