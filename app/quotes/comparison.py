"""Side-by-side comparison of an RFQ's active quotes in one currency, for the buyer.

Rounding rule: conversions are exact Decimal arithmetic. The unit price in the comparison currency is rounded
ROUND_HALF_UP to 4 places (the precision prices are stored with); the total (unit price x rate x the RFQ's
quantity) is computed exactly and rounded once, ROUND_HALF_UP, to the minor unit of its currency (cents for USD,
whole yen for JPY), with membership.money.round_money. The rate is the latest on or before today (table fx_rates:
direct, inverse or crossed through one pivot currency); without one the quote is shown in its own currency with
the flag no_rate. A quote in another unit than the RFQ gets no total and the flag unit_differs."""

from collections.abc import Callable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer
from app.core.clock import today
from app.core.currency import Rate, rate_between
from app.core.repository import by_id
from app.fx.repository import latest_rates
from app.models import Listing, Organization, Quote, Rfq
from app.quotes import repository
from app.quotes.access import buyer_rfq
from app.quotes.incoterms import INCOTERMS
from app.quotes.messages import hours
from app.quotes.schemas import ComparisonOut, ComparisonRowOut, IncotermOut, SupplierOut
from matching.trust import TrustSignals, supplier_trust
from membership.money import round_money
from membership.tiers import current_tiers

UNIT_PRICE_PLACES = Decimal("0.0001")
ROUNDING = ("unit prices ROUND_HALF_UP to 4 places; totals computed exactly, then ROUND_HALF_UP once to the "
            "currency's minor unit")


class SortBy(StrEnum):
    TOTAL = "total"
    LEAD_TIME = "lead_time"
    TRUST = "trust"


def _certifications(required: list[str], held: set[str]) -> tuple[list[str], list[str]]:
    held_keys = {name.casefold() for name in held}
    met = [name for name in required if name.casefold() in held_keys]
    return met, [name for name in required if name.casefold() not in held_keys]


def _prices(rfq: Rfq, quote: Quote, rate: Rate | None, currency: str) -> dict[str, Any]:
    same_unit = quote.unit == rfq.unit
    flags = [flag for flag, raised in (("no_rate", rate is None), ("unit_differs", not same_unit)) if raised]
    total = quote.unit_price * rfq.quantity
    return {
        "rate": None if rate is None else rate.value.quantize(Decimal("0.0000000001"), rounding=ROUND_HALF_UP),
        "unit_price_in_currency": None if rate is None else rate.apply(quote.unit_price).quantize(
            UNIT_PRICE_PLACES, rounding=ROUND_HALF_UP),
        "total_in_currency": round_money(rate.apply(total), currency) if rate is not None and same_unit else None,
        "total_in_quote_currency": round_money(total, quote.currency) if same_unit else None,
        "flags": flags,
    }


def _fit(rfq: Rfq, quote: Quote, listing: Listing | None, organization: Organization, day: date) -> dict[str, Any]:
    ready_by = None if quote.lead_time_days is None else day + timedelta(days=quote.lead_time_days)
    moq_fit = None if listing is None or listing.moq_unit != rfq.unit else rfq.quantity >= listing.moq
    met, missing = _certifications(rfq.required_certifications,
                                   set(organization.certifications) | set(listing.certifications if listing else []))
    terms = INCOTERMS[quote.incoterm] if quote.incoterm else None
    return {
        "incoterm": IncotermOut.model_validate(terms, from_attributes=True) if terms else None,
        "lead_time_days": quote.lead_time_days, "ready_by": ready_by,
        "ready_by_valid_until": None if ready_by is None else ready_by <= rfq.valid_until,
        "listing_moq": listing.moq if listing else None, "moq_fit": moq_fit,
        "certifications_met": met, "certifications_missing": missing,
    }


async def _badges(session: AsyncSession, organization_ids: set[int]) -> dict[int, str | None]:
    return {organization: tier.badge if tier else None
            for organization, tier in (await current_tiers(session, organization_ids)).items()}


def _none_last(value: Any) -> tuple[bool, Any]:
    return value is None, value


SORT_KEYS: dict[SortBy, Callable[[ComparisonRowOut], Any]] = {
    SortBy.TOTAL: lambda row: (_none_last(row.total_in_currency), row.quote_id),
    SortBy.LEAD_TIME: lambda row: (_none_last(row.lead_time_days), row.quote_id),
    SortBy.TRUST: lambda row: (-row.trust_score, row.quote_id),
}


async def compare_quotes(session: AsyncSession, viewer: Viewer | None, rfq_id: int, currency: str | None = None,
                         sort: SortBy = SortBy.TOTAL) -> ComparisonOut:
    rfq = await buyer_rfq(session, viewer, rfq_id)
    target = currency or rfq.currency or "USD"
    day = today()
    quotes = await repository.quotes_on(session, rfq.id, active_only=True, for_buyer=True)
    rates = await latest_rates(session, day)
    suppliers = await by_id(session, Organization, {quote.organization_id for quote in quotes})
    listings = await by_id(session, Listing, {quote.listing_id for quote in quotes if quote.listing_id is not None})
    trust = await supplier_trust(session, suppliers.keys())
    badges = await _badges(session, set(suppliers))
    ratings = await repository.ratings_on(session, [quote.id for quote in quotes])
    rows = [_row(rfq, quote, suppliers[quote.organization_id], listings.get(quote.listing_id or 0),
                 trust[quote.organization_id], badges[quote.organization_id],
                 rate_between(rates, quote.currency, target), target, day, ratings.get(quote.id))
            for quote in quotes]
    rows.sort(key=SORT_KEYS[sort])
    return ComparisonOut(rfq_id=rfq.id, currency=target, quantity=rfq.quantity, unit=rfq.unit, rates_as_of=day,
                         sort=sort.value, rounding=ROUNDING, rows=rows)


def _row(rfq: Rfq, quote: Quote, organization: Organization, listing: Listing | None, trust: TrustSignals,
         badge: str | None, rate: Rate | None, currency: str, day: date, rated: int | None) -> ComparisonRowOut:
    supplier = SupplierOut(id=organization.id, name=organization.name, country=organization.country,
                           verified=trust.verified, tier_badge=badge)
    return ComparisonRowOut(
        quote_id=quote.id, status=quote.status, supplier=supplier, unit_price=quote.unit_price,
        quote_currency=quote.currency, quantity=quote.quantity, unit=quote.unit, sample_offer=quote.sample_offer,
        valid_until=quote.valid_until, response_hours=hours(quote.response_seconds), rating_avg=trust.rating_avg,
        rating_count=trust.rating_count, trust_score=trust.score, rated=rated,
        **_prices(rfq, quote, rate, currency), **_fit(rfq, quote, listing, organization, day),
    )
