"""Upgrade proration: (new - old) x days remaining / days in the period, rounded once, ROUND_HALF_UP to the
currency's minor unit."""

from datetime import date
from decimal import Decimal

import pytest

from membership.money import round_money
from membership.periods import add_months
from membership.proration import Period, prorated_charge

D = Decimal
CASES = [
    # old, new, period start, period end, today, currency, expected
    ("49", "149", date(2026, 1, 1), date(2026, 2, 1), date(2026, 1, 1), "USD", "100.00"),  # all 31 days
    ("49", "149", date(2026, 1, 1), date(2026, 2, 1), date(2026, 1, 16), "USD", "51.61"),  # 16/31 of 100
    ("49", "149", date(2026, 1, 1), date(2026, 2, 1), date(2026, 1, 31), "USD", "3.23"),  # last day: 3.2258
    ("49", "149", date(2026, 1, 1), date(2026, 2, 1), date(2026, 2, 1), "USD", "0.00"),  # period over
    ("149", "49", date(2026, 1, 1), date(2026, 2, 1), date(2026, 1, 10), "USD", "0.00"),  # downgrade: no refund
    ("490", "1490", date(2026, 1, 1), date(2027, 1, 1), date(2026, 7, 1), "USD", "504.11"),  # 184/365 of 1000
    ("10", "11", date(2026, 3, 1), date(2026, 3, 9), date(2026, 3, 8), "USD", "0.13"),  # 0.125 half up, not 0.12
    ("0", "49", date(2024, 2, 1), date(2024, 3, 1), date(2024, 2, 15), "EUR", "25.34"),  # leap Feb: 15/29 of 49
    ("5000", "15000", date(2026, 4, 1), date(2026, 5, 1), date(2026, 4, 11), "JPY", "6667"),  # no minor unit
    ("10", "20", date(2026, 2, 1), date(2026, 3, 1), date(2026, 2, 2), "KWD", "9.643"),  # 3 decimals: 9.642857
]


@pytest.mark.parametrize(("old", "new", "start", "end", "today", "currency", "expected"), CASES)
def test_prorated_charge(old: str, new: str, start: date, end: date, today: date, currency: str,
                         expected: str) -> None:
    charge = prorated_charge(D(old), D(new), Period(start, end), today, currency)

    assert charge == D(expected)
    assert str(charge) == expected  # the exponent too: 100.00, not 100 or 100.0000


@pytest.mark.parametrize(("amount", "currency", "expected"), [
    ("2.345", "USD", "2.35"), ("2.344", "USD", "2.34"), ("-2.345", "USD", "-2.35"), ("0.5", "JPY", "1"),
    ("1.0005", "BHD", "1.001"),
])
def test_round_money_is_half_up_to_the_minor_unit(amount: str, currency: str, expected: str) -> None:
    assert str(round_money(D(amount), currency)) == expected


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2026, 1, 31), 1, date(2026, 2, 28)), (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2026, 12, 15), 1, date(2027, 1, 15)), (date(2024, 2, 29), 12, date(2025, 2, 28)),
])
def test_periods_end_on_the_same_day_or_the_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected
