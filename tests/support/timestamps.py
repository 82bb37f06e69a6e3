"""Checks of the timestamps the API returns."""

from datetime import UTC, datetime, timedelta


def parse_utc(text: str) -> datetime:
    assert text.endswith("Z"), text
    return datetime.fromisoformat(text)


def assert_recent(text: str) -> datetime:
    """An ISO 8601 UTC timestamp ("...Z") from the last minute."""
    moment = parse_utc(text)
    assert timedelta(0) <= datetime.now(UTC) - moment < timedelta(minutes=1), text
    return moment
