"""Reference exchange rates to compare prices across currencies (filter and sort in USD).

Static reference rates (USD per unit, early 2025), refreshed with releases: good enough to rank and filter
offers, never used to bill anyone."""

from decimal import Decimal

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
    """The amount in USD, rounded to cents; None when the amount or its currency is unknown."""
    if amount is None or currency is None or currency.upper() not in USD_PER_UNIT:
        return None
    return round(float(amount) * USD_PER_UNIT[currency.upper()], 4)
