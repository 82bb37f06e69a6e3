"""Billing periods: a month or a year from a start date."""

import calendar
from datetime import date

from app.models.enums import BillingInterval


def add_months(start: date, months: int) -> date:
    """Same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28 or 29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def period_end(start: date, interval: BillingInterval) -> date:
    return add_months(start, 1 if interval is BillingInterval.MONTH else 12)
