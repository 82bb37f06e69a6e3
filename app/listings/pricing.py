"""A listing's price tiers read back: the unit price an order quantity pays, and the rows of its price table."""

from dataclasses import dataclass
from decimal import Decimal

from app.models import Listing


@dataclass(frozen=True)
class Tier:
    min_quantity: Decimal
    unit_price: Decimal


@dataclass(frozen=True)
class TierRow:
    """One line of a "Price by quantity" table: from `min_quantity` up to `max_quantity` (counted in whole units),
    or up to just under `below` (a quantity in fractions), or more when both are None."""

    min_quantity: Decimal
    unit_price: Decimal
    max_quantity: Decimal | None = None
    below: Decimal | None = None


def tiers_of(listing: Listing) -> list[Tier]:
    """The listing's tiers by rising quantity (as stored: validated and sorted by app.listings.schemas)."""
    return [Tier(Decimal(tier["min_quantity"]), Decimal(tier["unit_price"])) for tier in listing.price_tiers]


def unit_price_for(listing: Listing, quantity: Decimal) -> Decimal | None:
    """The unit price of an order of `quantity`: that of the last tier it reaches; None below the first tier or
    without tiers."""
    reached = [tier for tier in tiers_of(listing) if tier.min_quantity <= quantity]
    return reached[-1].unit_price if reached else None


def _row(tier: Tier, next_tier: Tier | None) -> TierRow:
    if next_tier is None:
        return TierRow(tier.min_quantity, tier.unit_price)
    if tier.min_quantity % 1 == 0 and next_tier.min_quantity % 1 == 0:
        return TierRow(tier.min_quantity, tier.unit_price, max_quantity=next_tier.min_quantity - 1)
    return TierRow(tier.min_quantity, tier.unit_price, below=next_tier.min_quantity)


def price_table(listing: Listing) -> list[TierRow]:
    tiers = tiers_of(listing)
    return [_row(tier, tiers[index + 1] if index + 1 < len(tiers) else None) for index, tier in enumerate(tiers)]
