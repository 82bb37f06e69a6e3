"""Proration of an upgrade: the price difference for the days left in the current period."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from membership.money import round_money


@dataclass(frozen=True)
class Period:
    """[start, end): `end` is the first day no longer covered."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def days_remaining(self, today: date) -> int:
        """Days from `today` (included) to the end; 0 once the period is over, all of them before it starts."""
        return max(0, min(self.days, (self.end - today).days))


def prorated_charge(old_price: Decimal, new_price: Decimal, period: Period, today: date, currency: str) -> Decimal:
    """(new - old) x days remaining / days in the period, rounded once (ROUND_HALF_UP, minor unit); never negative:
    a downgrade waits for the period end instead of refunding."""
    if new_price <= old_price or period.days <= 0:
        return round_money(Decimal(0), currency)
    exact = (new_price - old_price) * period.days_remaining(today) / period.days
    return round_money(exact, currency)
