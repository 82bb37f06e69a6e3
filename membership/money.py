"""Money arithmetic. Rounding rule: every amount we charge is rounded ROUND_HALF_UP to the minor unit of its
currency (2 decimals for USD and EUR, 0 for JPY, 3 for KWD: ISO 4217 via babel), once, at the end of a
calculation; intermediate values are exact Decimals."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import get_currency_precision


def minor_unit_exponent(currency: str) -> Decimal:
    """The smallest amount of the currency as an exponent for `quantize`: USD -> 0.01, JPY -> 1."""
    return Decimal(1).scaleb(-get_currency_precision(currency))


def round_money(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(minor_unit_exponent(currency), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def __str__(self) -> str:
        return f"{round_money(self.amount, self.currency):f} {self.currency}"
