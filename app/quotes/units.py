"""Exact conversions between units of one kind (mass, volume, count), so a quote per metric ton is compared with an
RFQ in kilograms. Units of no common kind (a bag, a pallet, a pair) are never converted."""

from decimal import Decimal

from app.models.enums import Unit

# Each unit's size in the smallest unit of its kind.
SIZES: dict[Unit, tuple[str, Decimal]] = {
    Unit.GRAM: ("mass", Decimal(1)), Unit.KILOGRAM: ("mass", Decimal(1000)),
    Unit.METRIC_TON: ("mass", Decimal(1_000_000)),
    Unit.LITRE: ("volume", Decimal(1)), Unit.CUBIC_METRE: ("volume", Decimal(1000)),
    Unit.PIECE: ("count", Decimal(1)), Unit.DOZEN: ("count", Decimal(12)),
}


def units_in(unit: Unit, target: Unit) -> Decimal | None:
    """How many `target` make one `unit` (1000 kg in a metric ton); None when they are not of one kind."""
    if unit == target:
        return Decimal(1)
    if unit not in SIZES or target not in SIZES or SIZES[unit][0] != SIZES[target][0]:
        return None
    return SIZES[unit][1] / SIZES[target][1]
