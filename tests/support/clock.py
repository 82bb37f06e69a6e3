"""Moving the services' clock in a test: the `travel` fixture's type, and a moment far from any boundary."""

from collections.abc import Callable
from datetime import UTC, datetime

Travel = Callable[[datetime], None]

# Noon on a mid-month day: a test that counts "today" or "this month" twice cannot see the day, month or year turn
# between its two counts, whatever clock the suite runs with (pytest --clock=...).
MID_MONTH_NOON = datetime(2027, 6, 15, 12, tzinfo=UTC)
