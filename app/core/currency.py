"""Converting amounts between currencies with exact Decimal rates. One module for every caller: the quote
comparison (dated rates from the fx_rates table) and anything holding a static table of rates.

A table maps (base, quote) to how many units of `quote` one `base` buys. A conversion uses the direct pair, else
the inverse pair, else a cross rate through one pivot currency (USD first, then EUR, then any other). Inverse and
cross rates are kept as a fraction, so an amount is divided once at the end instead of multiplying by a rounded
reciprocal."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

Pair = tuple[str, str]
Rates = Mapping[Pair, Decimal]
PREFERRED_PIVOTS = ("USD", "EUR")


@dataclass(frozen=True)
class Rate:
    numerator: Decimal
    denominator: Decimal = Decimal(1)

    def apply(self, amount: Decimal) -> Decimal:
        return amount * self.numerator / self.denominator

    def then(self, other: "Rate") -> "Rate":
        return Rate(self.numerator * other.numerator, self.denominator * other.denominator)

    @property
    def value(self) -> Decimal:
        return self.numerator / self.denominator


IDENTITY = Rate(Decimal(1))


def _one_step(rates: Rates, source: str, target: str) -> Rate | None:
    if (source, target) in rates:
        return Rate(rates[(source, target)])
    if (target, source) in rates:
        return Rate(Decimal(1), rates[(target, source)])
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
