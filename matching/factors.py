"""One function per matching factor: how well a listing (and its supplier) answers an RFQ on that one aspect.

Each returns an Assessment: a value in [0, 1] that the model weighs, the line shown to people, and whether the
listing fails the factor when the buyer marked it as a hard constraint."""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from matching.floor import Fit, fit
from matching.views import ListingView, RfqView, SupplierView, compact
from search.normalise import words

UNIT_LABELS = {"piece": "pcs", "metric_ton": "t", "container_20ft": "x 20ft", "container_40ft": "x 40ft"}
PRICE_OVER_ZERO = math.log(2.0)  # a price twice the target scores 0
PRICE_UNDER_ZERO = math.log(4.0)  # a quarter of the target is more likely another product than a bargain
FAST_REPLY_HOURS = 24.0


@dataclass(frozen=True)
class Assessment:
    value: float
    text: str
    """One line as a buyer would say it."""
    fails: bool = False
    met: bool | None = None
    """The listing has what the factor looks for; None: it has when the value is above 0."""
    applies: bool = True
    """False when the request asks nothing of this factor (no target price, no certification required): an
    explanation leaves it out, whatever the model made of it."""

    @property
    def found(self) -> bool:
        return self.value > 0 if self.met is None else self.met


@dataclass(frozen=True)
class Pair:
    rfq: RfqView
    listing: ListingView
    supplier: SupplierView
    relevance: float
    """The search score of the listing over the best score for this RFQ (0-1)."""
    today: date
    fit: Fit | None = None
    """The listing's product fit (matching/floor.py), when the caller has it already."""


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def _unit(unit: str) -> str:
    return UNIT_LABELS.get(unit, unit)


def hs_label(code: str) -> str:
    return f"{code[:4]}.{code[4:]}" if len(code) > 4 else code


MAX_WORDS_NAMED = 6


def text(pair: Pair) -> Assessment:
    shared = (pair.fit or fit(pair.rfq, pair.listing)).shared
    if not shared:
        return Assessment(pair.relevance, "Its listing shares few of your words", met=False)
    said = ", ".join(shared[:MAX_WORDS_NAMED])
    unused = sorted(pair.rfq.product_words - set(shared))
    if not unused:
        return Assessment(pair.relevance, f"Its listing uses your words: {said}", met=True)
    missing = ", ".join(unused[:MAX_WORDS_NAMED])
    return Assessment(pair.relevance, f"Its listing uses your words {said}; it does not say {missing}", met=True)


def model(pair: Pair) -> Assessment:
    listing, rfq = pair.listing, pair.rfq
    if listing.model and compact(listing.model) in rfq.codes:
        return Assessment(1.0, f"Same model as you asked: {listing.model.upper()}")
    shared = sorted(listing.codes & rfq.codes, key=len, reverse=True)
    if shared:
        return Assessment(0.7, f"Same part number: {shared[0].upper()}")
    if listing.model and compact(listing.model) in rfq.compact_text:
        return Assessment(0.7, f"Its model {listing.model.upper()} is named in your request")
    return Assessment(0.0, "No model or part number in common with your request", fails=True)


def brand(pair: Pair) -> Assessment:
    name = pair.listing.brand
    if not name:
        return Assessment(0.0, "Its listing names no brand", fails=True)
    tokens = [token for token in words(name) if len(token) > 1]
    if tokens and (tokens[0] in pair.rfq.words or all(token in pair.rfq.words for token in tokens)):
        return Assessment(1.0, f"Brand {name}, as in your request")
    if compact(name) and compact(name) in pair.rfq.compact_text:
        return Assessment(1.0, f"Brand {name}, as in your request")
    return Assessment(0.0, f"Brand {name}, not one your request names", fails=True)


def hs(pair: Pair) -> Assessment:
    wanted, offered = pair.rfq.hs_code, pair.listing.hs_code
    if not wanted or not offered:
        if wanted:
            return Assessment(0.0, "Its listing gives no HS code", fails=True)
        return Assessment(0.0, "No HS code to compare", applies=False)
    if len(wanted) == 6 and wanted == offered:
        return Assessment(1.0, f"Same HS code {hs_label(wanted)}")
    if wanted[:4] == offered[:4]:
        return Assessment(0.6, f"Same HS heading {wanted[:4]}")
    if wanted[:2] == offered[:2]:
        return Assessment(0.3, f"Only the HS chapter {wanted[:2]} is the same", fails=True, met=False)
    return Assessment(0.0, f"Another HS code: {hs_label(offered)}, you gave {hs_label(wanted)}", fails=True)


def price(pair: Pair) -> Assessment:
    target, low, high = pair.rfq.target_price_usd, pair.listing.price_min_usd, pair.listing.price_max_usd
    if target is None or low is None or high is None or target <= 0 or low <= 0:
        return Assessment(0.0, "No price to compare" if target else "You gave no target price", applies=False)
    if low <= target <= high:
        return Assessment(1.0, "Its price range includes your target price")
    offered = high if high < target else low
    gap = (offered - target) / target
    if offered < target:
        value = max(0.0, 1.0 - math.log(target / offered) / PRICE_UNDER_ZERO)
        return Assessment(value, f"Price {-gap:.0%} under your target")
    value = max(0.0, 1.0 - math.log(offered / target) / PRICE_OVER_ZERO)
    return Assessment(value, f"Price {gap:.0%} over your target", fails=True, met=False)


def moq(pair: Pair) -> Assessment:
    listing, rfq = pair.listing, pair.rfq
    if listing.moq_unit != rfq.unit:
        return Assessment(0.0, f"Minimum order in {_unit(listing.moq_unit)}, your request in {_unit(rfq.unit)}",
                          fails=True)
    moq_, wanted = f"{_number(listing.moq)} {_unit(rfq.unit)}", f"{_number(rfq.quantity)} {_unit(rfq.unit)}"
    if listing.moq <= rfq.quantity:
        return Assessment(1.0, f"Minimum order {moq_}, within your {wanted}")
    return Assessment(0.0, f"Minimum order {moq_}, more than your {wanted}", fails=True)


def lead_time(pair: Pair) -> Assessment:
    days = pair.listing.lead_time_days
    left = (pair.rfq.valid_until - pair.today).days
    if days is None:
        return Assessment(0.0, "Its listing gives no lead time", fails=True)
    if days <= left:
        return Assessment(1.0, f"Lead time {days} days, within the {left} days left until your RFQ's date")
    return Assessment(0.0, f"Lead time {days} days, longer than the {max(left, 0)} days left until your RFQ's date",
                      fails=True)


def certifications(pair: Pair) -> Assessment:
    wanted = {name.casefold(): name for name in pair.rfq.certifications}
    if not wanted:
        return Assessment(0.0, "You required no certifications", applies=False)
    held = {name.casefold() for name in (*pair.listing.certifications, *pair.supplier.certifications)}
    missing = [name for key, name in wanted.items() if key not in held]
    if not missing:
        return Assessment(1.0, f"Holds the certifications you require: {', '.join(wanted.values())}")
    met = len(wanted) - len(missing)
    return Assessment(met / len(wanted), f"Missing the certification you require: {', '.join(missing)}"
                      if len(missing) == 1 else f"Missing certifications you require: {', '.join(missing)}",
                      fails=True, met=False)


def destination(pair: Pair) -> Assessment:
    country, markets = pair.rfq.destination, pair.supplier.export_markets
    if not country:
        return Assessment(0.0, "You gave no destination", applies=False)
    if country.upper() in markets:
        return Assessment(1.0, f"Exports to {country.upper()}")
    if not markets:
        return Assessment(0.0, "Lists no export markets", fails=True)
    return Assessment(0.0, f"{country.upper()} is not among its export markets", fails=True)


def trust(pair: Pair) -> Assessment:
    supplier = pair.supplier
    value = 0.5 if supplier.verified else 0.0
    parts = ["Verified supplier" if supplier.verified else "Not verified"]
    if supplier.response_rate is not None:
        value += 0.3 * supplier.response_rate
        parts.append(f"quotes on {supplier.response_rate:.0%} of leads")
    if supplier.response_hours is not None:
        value += 0.2 * min(1.0, FAST_REPLY_HOURS / max(supplier.response_hours, 1.0))
        parts.append(f"median reply {_number(round(supplier.response_hours, 1))} h")
    return Assessment(value, ", ".join(parts), fails=not supplier.verified)


Factor = Callable[[Pair], Assessment]
FACTORS: dict[str, Factor] = {
    "text": text, "model": model, "brand": brand, "hs": hs, "price": price, "moq": moq, "lead_time": lead_time,
    "certifications": certifications, "destination": destination, "trust": trust,
}
HardConstraint = Literal["hs", "price", "moq", "lead_time", "certifications", "destination", "trust"]
"""Factors a buyer may mark as required: a listing that fails one of them is not a match."""
HARD_CONSTRAINTS: tuple[HardConstraint, ...] = get_args(HardConstraint)
