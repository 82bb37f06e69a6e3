"""One function per matching factor: how well a listing (and its supplier) answers an RFQ on that one aspect.

Each returns an Assessment: a value in [0, 1] that the model weighs, the line shown to people, and whether the
listing fails the factor when the buyer marked it as a hard constraint."""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

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
    fails: bool = False


@dataclass(frozen=True)
class Pair:
    rfq: RfqView
    listing: ListingView
    supplier: SupplierView
    relevance: float
    """The search score of the listing over the best score for this RFQ (0-1)."""
    today: date


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def _unit(unit: str) -> str:
    return UNIT_LABELS.get(unit, unit)


def hs_label(code: str) -> str:
    return f"{code[:4]}.{code[4:]}" if len(code) > 4 else code


def text(pair: Pair) -> Assessment:
    return Assessment(pair.relevance, f"text relevance {pair.relevance:.0%} of the best candidate")


def model(pair: Pair) -> Assessment:
    listing, rfq = pair.listing, pair.rfq
    if listing.model and compact(listing.model) in rfq.codes:
        return Assessment(1.0, f"model {listing.model.upper()} matches")
    shared = sorted(listing.codes & rfq.codes, key=len, reverse=True)
    if shared:
        return Assessment(0.7, f"part number {shared[0].upper()} matches")
    if listing.model and compact(listing.model) in rfq.compact_text:
        return Assessment(0.7, f"model {listing.model.upper()} found in the request")
    return Assessment(0.0, "no model or part number in common", fails=True)


def brand(pair: Pair) -> Assessment:
    name = pair.listing.brand
    if not name:
        return Assessment(0.0, "listing names no brand", fails=True)
    tokens = [token for token in words(name) if len(token) > 1]
    if tokens and (tokens[0] in pair.rfq.words or all(token in pair.rfq.words for token in tokens)):
        return Assessment(1.0, f"brand {name} matches")
    if compact(name) and compact(name) in pair.rfq.compact_text:
        return Assessment(1.0, f"brand {name} matches")
    return Assessment(0.0, f"brand {name} not in the request", fails=True)


def hs(pair: Pair) -> Assessment:
    wanted, offered = pair.rfq.hs_code, pair.listing.hs_code
    if not wanted or not offered:
        return Assessment(0.0, "HS code not given on both sides", fails=bool(wanted))
    if len(wanted) == 6 and wanted == offered:
        return Assessment(1.0, f"HS {hs_label(wanted)} exact")
    if wanted[:4] == offered[:4]:
        return Assessment(0.6, f"HS heading {wanted[:4]} shared")
    if wanted[:2] == offered[:2]:
        return Assessment(0.3, f"HS chapter {wanted[:2]} shared", fails=True)
    return Assessment(0.0, f"HS {hs_label(offered)} differs from {hs_label(wanted)}", fails=True)


def price(pair: Pair) -> Assessment:
    target, low, high = pair.rfq.target_price_usd, pair.listing.price_min_usd, pair.listing.price_max_usd
    if target is None or low is None or high is None or target <= 0 or low <= 0:
        return Assessment(0.0, "no price to compare" if target else "no target price")
    if low <= target <= high:
        return Assessment(1.0, "price range includes the target")
    offered = high if high < target else low
    gap = (offered - target) / target
    if offered < target:
        value = max(0.0, 1.0 - math.log(target / offered) / PRICE_UNDER_ZERO)
        return Assessment(value, f"price {-gap:.0%} under target")
    value = max(0.0, 1.0 - math.log(offered / target) / PRICE_OVER_ZERO)
    return Assessment(value, f"price {gap:.0%} over target", fails=True)


def moq(pair: Pair) -> Assessment:
    listing, rfq = pair.listing, pair.rfq
    if listing.moq_unit != rfq.unit:
        return Assessment(0.0, f"MOQ in {_unit(listing.moq_unit)}, request in {_unit(rfq.unit)}", fails=True)
    if listing.moq <= rfq.quantity:
        return Assessment(1.0, f"MOQ {_number(listing.moq)} ≤ {_number(rfq.quantity)} {_unit(rfq.unit)}")
    return Assessment(0.0, f"MOQ {_number(listing.moq)} > {_number(rfq.quantity)} {_unit(rfq.unit)}", fails=True)


def lead_time(pair: Pair) -> Assessment:
    days = pair.listing.lead_time_days
    left = (pair.rfq.valid_until - pair.today).days
    if days is None:
        return Assessment(0.0, "no lead time given", fails=True)
    if days <= left:
        return Assessment(1.0, f"lead time {days} days ≤ {left} days to the RFQ date")
    return Assessment(0.0, f"lead time {days} days > {max(left, 0)} days to the RFQ date", fails=True)


def certifications(pair: Pair) -> Assessment:
    wanted = {name.casefold(): name for name in pair.rfq.certifications}
    if not wanted:
        return Assessment(0.0, "no certifications required")
    held = {name.casefold() for name in (*pair.listing.certifications, *pair.supplier.certifications)}
    missing = [name for key, name in wanted.items() if key not in held]
    if not missing:
        return Assessment(1.0, f"certifications {', '.join(wanted.values())} met")
    met = len(wanted) - len(missing)
    return Assessment(met / len(wanted), f"missing {', '.join(missing)}", fails=True)


def destination(pair: Pair) -> Assessment:
    country, markets = pair.rfq.destination, pair.supplier.export_markets
    if not country:
        return Assessment(0.0, "no destination given")
    if country.upper() in markets:
        return Assessment(1.0, f"exports to {country.upper()}")
    if not markets:
        return Assessment(0.0, "export markets not listed", fails=True)
    return Assessment(0.0, f"{country.upper()} not among its export markets", fails=True)


def trust(pair: Pair) -> Assessment:
    supplier = pair.supplier
    value = 0.5 if supplier.verified else 0.0
    parts = ["verified supplier" if supplier.verified else "not verified"]
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
