"""Converting amounts between currencies with exact Decimal rates. One module for every caller: the quote
comparison (dated rates from the fx_rates table), and search indexing, search filters and matching, which compare
prices in USD with the reference rates below.

A table maps (base, quote) to how many units of `quote` one `base` buys. A conversion uses the direct pair, else
the inverse pair, else a cross rate through one pivot currency (USD first, then EUR, then any other). Inverse and
cross rates are kept as a fraction, so an amount is divided once at the end instead of multiplying by a rounded
reciprocal."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

Pair = tuple[str, str]
Rates = Mapping[Pair, Decimal]
PREFERRED_PIVOTS = ("USD", "EUR")


@dataclass(frozen=True)
class Rate:
    numerator: Decimal
    denominator: Decimal = Decimal(1)
    # The table's pairs this rate was made from (none for the identity), so a caller can tell their dates.
    pairs: tuple[Pair, ...] = field(default=(), compare=False)

    def apply(self, amount: Decimal) -> Decimal:
        return amount * self.numerator / self.denominator

    def then(self, other: "Rate") -> "Rate":
        return Rate(self.numerator * other.numerator, self.denominator * other.denominator,
                    self.pairs + other.pairs)

    @property
    def value(self) -> Decimal:
        return self.numerator / self.denominator


IDENTITY = Rate(Decimal(1))


def _one_step(rates: Rates, source: str, target: str) -> Rate | None:
    if (source, target) in rates:
        return Rate(rates[(source, target)], pairs=((source, target),))
    if (target, source) in rates:
        return Rate(Decimal(1), rates[(target, source)], ((target, source),))
    return None


def _pivots(rates: Rates) -> list[str]:
    others = sorted({code for pair in rates for code in pair} - set(PREFERRED_PIVOTS))
    return [*PREFERRED_PIVOTS, *others]


def rate_between(rates: Rates, source: str, target: str) -> Rate | None:
    """The rate that turns an amount in `source` into `target`, or None when the table cannot tell."""
    if source == target:
        return IDENTITY
    direct = _one_step(rates, source, target)
    if direct is not None:
        return direct
    for pivot in _pivots(rates):
        if pivot in (source, target):
            continue
        first, second = _one_step(rates, source, pivot), _one_step(rates, pivot, target)
        if first is not None and second is not None:
            return first.then(second)
    return None


# Reference rates (USD per unit, early 2025), refreshed with releases: good enough to filter, rank and match offers
# in USD (the search index stores prices converted with them), never used to bill anyone.
USD_PER_UNIT: dict[str, float] = {
    "USD": 1.0, "EUR": 1.08, "GBP": 1.27, "CHF": 1.12, "CNY": 0.138, "HKD": 0.128, "TWD": 0.031,
    "JPY": 0.0067, "KRW": 0.00073, "INR": 0.012, "PKR": 0.0036, "BDT": 0.0083, "VND": 0.000039,
    "THB": 0.029, "MYR": 0.22, "IDR": 0.000062, "PHP": 0.017, "SGD": 0.74, "AUD": 0.65, "NZD": 0.59,
    "CAD": 0.72, "MXN": 0.05, "BRL": 0.17, "TRY": 0.028, "AED": 0.272, "SAR": 0.267, "ZAR": 0.054,
    "EGP": 0.02, "NGN": 0.00065, "KES": 0.0077, "PLN": 0.25, "SEK": 0.094, "NOK": 0.091, "DKK": 0.145,
    "CZK": 0.043, "HUF": 0.0027, "RUB": 0.011, "ILS": 0.27,
}


def supported(currency: str) -> bool:
    return currency.upper() in USD_PER_UNIT


def to_usd(amount: Decimal | float | None, currency: str | None) -> float | None:
    """The amount in USD at the reference rate, to 4 places; None when the amount or its currency is unknown."""
    if amount is None or currency is None or currency.upper() not in USD_PER_UNIT:
        return None
    return round(float(amount) * USD_PER_UNIT[currency.upper()], 4)
